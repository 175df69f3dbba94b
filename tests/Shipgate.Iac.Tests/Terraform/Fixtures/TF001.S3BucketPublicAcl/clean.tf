resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  # OK
  acl    = "log-delivery-write"
}

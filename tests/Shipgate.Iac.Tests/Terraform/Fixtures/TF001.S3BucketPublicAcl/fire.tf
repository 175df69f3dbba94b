resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  # NOT OK
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  # NOT OK
  acl    = "public-read-write"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
  # NOT OK
  enable_logging = false
  # NOT OK
  enable_log_file_validation = false
}

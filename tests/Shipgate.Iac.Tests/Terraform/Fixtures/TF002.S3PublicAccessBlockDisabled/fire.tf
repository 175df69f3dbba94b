# NOT OK: three settings are missing and default to false
resource "aws_s3_bucket_public_access_block" "site" {
  bucket = aws_s3_bucket.site.id
  # NOT OK
  block_public_acls = false
}

# NOT OK: no encryption configuration anywhere
resource "aws_s3_bucket" "reports" {
  bucket = "example-reports"
}

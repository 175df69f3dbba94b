resource "aws_db_instance" "legacy" {
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  # NOT OK
  publicly_accessible = true
}

resource "aws_db_instance" "orders" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
  storage_encrypted = true
}

resource "aws_db_instance" "replica" {
  instance_class      = "db.t4g.micro"
  replicate_source_db = aws_db_instance.orders.identifier
}

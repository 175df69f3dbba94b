# Deliberately insecure Terraform for the demo: an administrator policy for the application role and a
# security group that opens SSH to the whole internet. Shipgate reports IAM001/IAM002 and TF003 here.

resource "aws_iam_role" "app" {
  name = "vulnerable-app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "app" {
  name = "app-permissions"
  role = aws_iam_role.app.id

  # "It works on my machine": every action on every resource.
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}

resource "aws_security_group" "app" {
  name        = "vulnerable-app"
  description = "App servers"

  ingress {
    description = "SSH for debugging"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

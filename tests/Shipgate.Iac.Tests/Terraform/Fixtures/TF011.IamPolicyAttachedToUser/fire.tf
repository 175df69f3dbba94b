resource "aws_iam_user_policy_attachment" "jim" {
  # NOT OK
  user       = aws_iam_user.jim.name
  policy_arn = aws_iam_policy.read.arn
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  # NOT OK
  users      = [aws_iam_user.ann.name]
  policy_arn = aws_iam_policy.read.arn
}

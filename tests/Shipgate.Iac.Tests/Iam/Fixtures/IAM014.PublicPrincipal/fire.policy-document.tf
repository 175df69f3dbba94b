data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    # NOT OK: any AWS account may assume the role
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

FROM amazon/aws-cli:2.17.0
# NOT OK
RUN aws configure set aws_secret_access_key "$SECRET"
# OK
RUN --mount=type=secret,id=aws aws configure set aws_secret_access_key "$(cat /run/secrets/aws)"

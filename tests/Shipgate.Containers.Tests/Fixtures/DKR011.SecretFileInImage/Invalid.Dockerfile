FROM python:3.12-slim
COPY . /app/
# NOT OK
ENV GOOGLE_APPLICATION_CREDENTIALS=app/service-account.json
# OK
ENV AWS_CONFIG_FILE=/run/secrets/aws-config

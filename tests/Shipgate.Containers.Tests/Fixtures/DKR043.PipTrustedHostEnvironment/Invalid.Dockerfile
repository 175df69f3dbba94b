FROM python:3.12-slim
# NOT OK
ENV PIP_TRUSTED_HOST=pypi.internal
# OK
ENV PIP_INDEX_URL=https://pypi.internal/simple

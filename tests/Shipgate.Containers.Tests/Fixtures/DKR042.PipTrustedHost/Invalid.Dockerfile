FROM python:3.12-slim
# NOT OK
RUN pip install --no-cache-dir --trusted-host pypi.internal requests==2.32.3
# OK
RUN pip install --no-cache-dir requests==2.32.3

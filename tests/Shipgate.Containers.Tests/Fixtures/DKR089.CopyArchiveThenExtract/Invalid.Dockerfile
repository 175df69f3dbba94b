FROM alpine:3.20
# NOT OK
COPY app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt
# OK
COPY app.zip /tmp/

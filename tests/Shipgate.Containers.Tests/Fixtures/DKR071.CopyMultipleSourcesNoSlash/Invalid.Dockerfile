FROM alpine:3.20
# NOT OK
COPY a.txt b.txt /data
# OK
COPY a.txt b.txt /data/

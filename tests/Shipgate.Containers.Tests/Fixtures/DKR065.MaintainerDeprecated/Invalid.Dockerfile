FROM alpine:3.20
# NOT OK
MAINTAINER Jane Doe <jane@example.com>
# OK
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"

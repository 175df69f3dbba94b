ARG VERSION=3.20
# NOT OK
LABEL maintainer=jane
FROM alpine:${VERSION}

ARG VERSION=3.20
# OK
FROM alpine:${VERSION}
LABEL maintainer=jane

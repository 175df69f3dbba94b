# NOT OK
FROM --platform=linux/amd64 alpine:3.20
# OK
FROM --platform=$BUILDPLATFORM alpine:3.20

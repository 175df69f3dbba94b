# NOT OK
FROM --platform=$TARGETPLATFORM alpine:3.20
# OK
FROM --platform=$BUILDPLATFORM alpine:3.20

FROM alpine:3.20
# NOT OK
RUN apk add --no-cache curl
# OK
RUN apk add --no-cache --virtual .build-deps curl=8.9.1-r0 gcc~13.2

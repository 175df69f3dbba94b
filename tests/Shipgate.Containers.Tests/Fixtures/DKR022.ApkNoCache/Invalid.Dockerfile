FROM alpine:3.20
# NOT OK
RUN apk add curl=8.9.1-r0
# OK
RUN apk add --no-cache curl=8.9.1-r0
# OK
RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r0

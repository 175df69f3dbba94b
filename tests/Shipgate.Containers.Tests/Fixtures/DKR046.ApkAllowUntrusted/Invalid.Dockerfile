FROM alpine:3.20
# NOT OK
RUN apk add --no-cache --allow-untrusted ./local.apk
# OK
RUN apk add --no-cache ./local.apk

FROM alpine:3.20
# NOT OK
WORKDIR /proc/self
# OK
WORKDIR /srv/app

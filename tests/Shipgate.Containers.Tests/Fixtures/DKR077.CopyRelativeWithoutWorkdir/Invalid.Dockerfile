FROM alpine:3.20
# NOT OK
COPY app.sh bin/
WORKDIR /srv
# OK
COPY app.sh bin/

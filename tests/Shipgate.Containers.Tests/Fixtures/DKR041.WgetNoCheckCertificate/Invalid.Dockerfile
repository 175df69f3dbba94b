FROM alpine:3.20
# NOT OK
RUN wget -q --no-check-certificate https://example.com/app
# OK
RUN wget -q https://example.com/app

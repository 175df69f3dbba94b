FROM alpine:3.20
# NOT OK
RUN curl -fsSLk -o /tmp/app https://example.com/app
# OK
RUN curl -fsSL -o /tmp/app https://example.com/app

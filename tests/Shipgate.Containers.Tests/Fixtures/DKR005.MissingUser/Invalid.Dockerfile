# NOT OK
FROM alpine:3.20
RUN echo hello

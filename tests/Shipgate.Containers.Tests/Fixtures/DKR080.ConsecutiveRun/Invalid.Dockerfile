FROM alpine:3.20
RUN echo one
# NOT OK
RUN echo two
WORKDIR /srv
# OK
RUN echo three

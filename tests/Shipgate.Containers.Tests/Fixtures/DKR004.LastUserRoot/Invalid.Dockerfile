FROM debian:12.6 AS build
USER app
# NOT OK
USER root
FROM debian:12.6
USER root
RUN apt-get update
# OK
USER 10001

FROM debian:12.6
# NOT OK
RUN apt-get update
# OK
RUN apt-get update && apt-get install -y curl

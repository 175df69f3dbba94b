FROM debian:12.6
# NOT OK
RUN apt-get install -y --allow-unauthenticated curl
# OK
RUN apt-get install -y curl

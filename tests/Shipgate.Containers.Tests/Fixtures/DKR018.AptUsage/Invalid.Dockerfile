FROM debian:12.6
# NOT OK
RUN apt install -y curl
# OK
RUN apt-get install -y curl

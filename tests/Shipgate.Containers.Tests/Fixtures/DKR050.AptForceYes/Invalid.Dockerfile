FROM debian:12.6
# NOT OK
RUN apt-get install --force-yes curl
# OK
RUN apt-get install -y curl

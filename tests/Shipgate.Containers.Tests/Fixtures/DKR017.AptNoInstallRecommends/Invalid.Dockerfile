FROM debian:12.6
# NOT OK
RUN apt-get install -y curl=7.88.1-10+deb12u5
# OK
RUN apt-get install -y -o APT::Install-Recommends=false curl=7.88.1-10+deb12u5

FROM debian:12.6
# NOT OK
RUN apt-get install -y --no-install-recommends curl
# OK
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5

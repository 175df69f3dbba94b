FROM debian:12.6
# NOT OK
RUN apt-get install --no-install-recommends curl=7.88.1-10+deb12u5
# OK
RUN apt-get -qq install --no-install-recommends curl=7.88.1-10+deb12u5

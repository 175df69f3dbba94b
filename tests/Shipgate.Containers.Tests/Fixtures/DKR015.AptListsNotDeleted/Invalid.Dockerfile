FROM debian:12.6
# NOT OK
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5
# OK
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*

FROM debian:12.6
# NOT OK
RUN apt-get update && apt-get dist-upgrade -y
# OK
RUN apt-get update && apt-get upgrade -y

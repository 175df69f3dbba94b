FROM debian:12.6
# NOT OK
RUN sudo apt-get install -y curl
# OK
RUN apt-get install -y sudo

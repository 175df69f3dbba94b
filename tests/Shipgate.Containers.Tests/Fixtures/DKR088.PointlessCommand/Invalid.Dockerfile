FROM debian:12.6
# NOT OK
RUN service nginx start
# OK
RUN apt-get install -y openssh-client

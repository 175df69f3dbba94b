FROM debian:12.6
# NOT OK
RUN echo 'root:secret' | chpasswd
# OK
RUN passwd -l root

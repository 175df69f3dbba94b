FROM alpine:3.20
# NOT OK
RUN cd /tmp && make
# OK
RUN make -C /tmp

FROM alpine:3.20
# NOT OK
COPY id_rsa /root/.ssh/id_rsa
# OK
COPY id_rsa.pub /root/.ssh/authorized_keys

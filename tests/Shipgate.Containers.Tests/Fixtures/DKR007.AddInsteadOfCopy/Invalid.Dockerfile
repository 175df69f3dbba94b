FROM alpine:3.20
# NOT OK
ADD config.yml /etc/app/
# OK
ADD rootfs.tar.gz /
# OK
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/app.tar.gz /opt/

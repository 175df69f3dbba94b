FROM fedora:40
# NOT OK
RUN dnf install -y httpd-2.4.62
# OK
RUN dnf install -y httpd-2.4.62 && dnf clean all

FROM fedora:40
# NOT OK
RUN dnf install httpd-2.4.62 && dnf clean all
# OK
RUN dnf install -y httpd-2.4.62 && dnf clean all

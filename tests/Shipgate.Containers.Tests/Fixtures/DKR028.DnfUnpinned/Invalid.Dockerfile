FROM fedora:40
# NOT OK
RUN dnf install -y httpd && dnf clean all
# OK
RUN dnf module install -y nodejs:20 && dnf clean all

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
# NOT OK
RUN microdnf install -y tar-1.34
# OK
RUN microdnf install -y tar-1.34 && microdnf clean all

FROM centos:7.9.2009
# NOT OK
RUN yum-config-manager --save --setopt=sslverify=false
# OK
RUN yum-config-manager --save --setopt=sslverify=true

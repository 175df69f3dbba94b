FROM centos:7.9.2009
# NOT OK
RUN yum install httpd-2.4.6 && yum clean all
# OK
RUN yum install -y httpd-2.4.6 && yum clean all

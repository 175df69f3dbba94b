FROM opensuse/leap:15.6
# NOT OK
RUN zypper install apache2=2.4.58 && zypper clean
# OK
RUN zypper --non-interactive install apache2=2.4.58 && zypper clean

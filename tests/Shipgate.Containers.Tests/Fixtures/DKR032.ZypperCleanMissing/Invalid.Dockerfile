FROM opensuse/leap:15.6
# NOT OK
RUN zypper -n install apache2=2.4.58
# OK
RUN zypper -n install apache2=2.4.58 && zypper clean -a

FROM opensuse/leap:15.6
# NOT OK
RUN zypper -n install apache2 && zypper clean
# OK
RUN zypper -n install 'apache2>=2.4' && zypper clean

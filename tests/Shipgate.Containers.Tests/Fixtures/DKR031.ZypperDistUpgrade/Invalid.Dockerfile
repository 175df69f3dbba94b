FROM opensuse/leap:15.6
# NOT OK
RUN zypper -n dist-upgrade
# OK
RUN zypper -n update

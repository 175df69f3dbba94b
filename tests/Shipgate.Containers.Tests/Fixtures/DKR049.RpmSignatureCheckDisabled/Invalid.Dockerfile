FROM fedora:40
# NOT OK
RUN rpm -i --nosignature app.rpm
# OK
RUN rpm -i app.rpm

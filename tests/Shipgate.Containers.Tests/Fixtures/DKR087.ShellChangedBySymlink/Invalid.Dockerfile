FROM debian:12.6
# NOT OK
RUN ln -sf /bin/bash /bin/sh
# OK
RUN ln -s /opt/app/bin/app /usr/local/bin/app

FROM debian:12.6
# NOT OK
RUN useradd -u 1000000 app
# OK
RUN useradd -l -u 1000000 app

FROM debian:12
ARG NAME=world
# NOT OK
RUN echo $NAME > /tmp/greeting
# OK
RUN echo "$NAME" > /tmp/greeting
# NOT OK
RUN if [ $HOME == "/root" ]; then echo root; fi
# OK
RUN [ "$(id -u)" = 0 ] && echo root
SHELL ["pwsh", "-Command"]
# OK
RUN Write-Host $env:NAME

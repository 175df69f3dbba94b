FROM debian:12.6
# NOT OK
RUN curl -fsSL https://example.com/list.txt | sort > /list.txt
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# OK
RUN curl -fsSL https://example.com/list.txt | sort > /list.txt

FROM alpine:3.20
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# OK
RUN set -eu; for f in /etc/*.conf; do printf '%s\n' "$f"; done
# OK
RUN ["sh", "-c", "echo $HOME"]

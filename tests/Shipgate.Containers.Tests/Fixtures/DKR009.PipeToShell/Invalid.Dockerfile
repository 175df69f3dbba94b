FROM debian:12.6
# NOT OK
RUN curl -fsSL https://example.com/install.sh | sh
# NOT OK
RUN bash -c "$(wget -qO- https://example.com/setup.sh)"
# OK
RUN curl -fsSLo install.sh https://example.com/install.sh && echo "abc123  install.sh" | sha256sum -c - && sh install.sh

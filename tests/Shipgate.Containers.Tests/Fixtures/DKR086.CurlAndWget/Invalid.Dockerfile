FROM alpine:3.20
RUN curl -fsSLO https://example.com/a.tgz
# NOT OK
RUN wget -q https://example.com/b.tgz
FROM alpine:3.20
# OK
RUN wget -q https://example.com/c.tgz

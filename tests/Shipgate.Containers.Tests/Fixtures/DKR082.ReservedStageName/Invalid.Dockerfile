# NOT OK
FROM alpine:3.20 AS scratch
# OK
FROM alpine:3.20 AS tools

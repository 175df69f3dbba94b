# NOT OK
FROM ubuntu AS base
# OK
FROM ubuntu:24.04 AS tagged
# OK
FROM base
# OK
FROM scratch

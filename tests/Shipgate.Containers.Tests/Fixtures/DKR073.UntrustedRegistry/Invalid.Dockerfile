# NOT OK
FROM quay.io/example/app:1.0
# OK
FROM ghcr.io/example/app:1.0

FROM alpine:3.20 AS base
FROM scratch
# NOT OK
COPY --from=base / /
# OK
COPY --from=base / /rootfs/

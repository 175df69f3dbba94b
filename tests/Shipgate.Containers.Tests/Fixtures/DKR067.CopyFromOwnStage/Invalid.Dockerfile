FROM golang:1.22 AS build
# NOT OK
COPY --from=build /out/app /app
FROM alpine:3.20
# OK
COPY --from=build /out/app /app

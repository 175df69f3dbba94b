FROM golang:1.22 AS build
# NOT OK
COPY --from=builder /out/app /app
# OK
COPY --from=nginx:1.27.0 /etc/nginx/nginx.conf /etc/nginx/
FROM alpine:3.20
# OK
COPY --from=build /out/app /app

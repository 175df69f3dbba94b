# NOT OK
FROM nginx:latest AS web
# OK
FROM nginx:1.27.0

FROM golang:1.22 AS build
# NOT OK
FROM node:20.15 AS build
# OK
FROM alpine:3.20 AS final

FROM python:3.12 AS build
# OK
FROM python:3.12-slim

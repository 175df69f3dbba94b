# NOT OK
FROM python:3.12-slim
# OK
FROM python:3.12-slim@sha256:0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8

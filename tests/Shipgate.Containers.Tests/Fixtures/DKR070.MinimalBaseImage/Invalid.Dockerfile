# NOT OK
FROM python:3.12

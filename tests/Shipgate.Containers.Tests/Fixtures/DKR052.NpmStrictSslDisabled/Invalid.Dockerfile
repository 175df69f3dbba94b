FROM node:20.15-slim
# NOT OK
RUN npm config set strict-ssl false
# OK
RUN npm config set strict-ssl true

FROM node:20.15-slim
# NOT OK
RUN npm install -g typescript
# OK
RUN npm install -g typescript@5.5.4
# OK
RUN npm ci

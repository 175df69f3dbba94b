FROM node:20.15-slim
# NOT OK
RUN yarn install --frozen-lockfile
# OK
RUN yarn install --frozen-lockfile && yarn cache clean

FROM alpine:3.20
# NOT OK
CMD node server.js
# OK
ENTRYPOINT ["node", "server.js"]

FROM alpine:3.20
ENTRYPOINT ["sh"]
# NOT OK
ENTRYPOINT ["top"]
FROM alpine:3.20
# OK
ENTRYPOINT ["sh"]

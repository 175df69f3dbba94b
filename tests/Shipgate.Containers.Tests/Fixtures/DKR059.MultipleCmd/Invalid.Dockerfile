FROM alpine:3.20
CMD ["sh"]
# NOT OK
CMD ["top"]
FROM alpine:3.20
# OK
CMD ["sh"]

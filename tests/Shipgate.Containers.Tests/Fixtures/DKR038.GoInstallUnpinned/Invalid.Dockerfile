FROM golang:1.22
# NOT OK
RUN go install golang.org/x/tools/gopls@latest
# OK
RUN go install golang.org/x/tools/gopls@v0.16.1

module example.com/x

go 1.21

depends github.com/pkg/errors v0.9.1

module example.com/legacy

go 1.15

require github.com/pkg/errors v0.9.1

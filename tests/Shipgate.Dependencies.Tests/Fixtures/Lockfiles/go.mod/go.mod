module example.com/service

go 1.22

toolchain go1.22.3

require (
	github.com/google/uuid v1.6.0
	golang.org/x/text v0.14.0 // indirect
	example.com/old/lib v1.2.3
)

require gopkg.in/yaml.v3 v3.0.1

replace example.com/old/lib => example.com/new/lib v1.3.0

exclude golang.org/x/text v0.13.0

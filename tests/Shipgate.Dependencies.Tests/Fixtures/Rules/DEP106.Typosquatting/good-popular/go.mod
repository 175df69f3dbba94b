module example.com/app

go 1.22

require (
	github.com/sirupsen/logrus v1.9.3
	gopkg.in/yaml.v3 v3.0.1
	gopkg.in/yaml.v2 v2.4.0
)

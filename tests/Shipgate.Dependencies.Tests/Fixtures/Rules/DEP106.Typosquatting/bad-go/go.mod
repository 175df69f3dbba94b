module example.com/app

go 1.22

require (
	github.com/Sirupsen/logrus v1.9.3
	github.com/stretchr/testfiy v1.9.0
)

module github.com/newsgraph/newsgraph

go 1.26.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/jdkato/prose/v3 v3.2.3
	golang.org/x/text v0.44.0
	gonum.org/v1/gonum v0.17.0
)

require gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect

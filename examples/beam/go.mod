module github.com/newsgraph/newsgraph/examples/beam

go 1.26.0

require github.com/newsgraph/newsgraph v0.0.0

require github.com/apache/beam/sdks/v2 v2.78.0 // indirect

replace github.com/newsgraph/newsgraph => ../..

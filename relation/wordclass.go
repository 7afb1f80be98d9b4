package relation

import (
	_ "embed"
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph/relation/internal/frame"
)

// wordClassesTSV is the frame reader's word classes (see wordclasses.tsv).
//
//go:embed wordclasses.tsv
var wordClassesTSV string

// wordClasses holds the embedded word classes, read once, and the names of
// the classes the code asked for (see wordClass).
var wordClasses = struct {
	once    sync.Once
	classes map[string]map[string]bool
	asked   []string
}{}

// wordClass returns the set of the words of an embedded word class. The
// embedded file is read on the first call; the package's classes are asked
// for as the package is initialised, and a test checks that each exists,
// is not empty, and that no class of the file goes unasked.
func wordClass(class string) map[string]bool {
	wordClasses.once.Do(func() {
		c, err := frame.ReadWordClasses("wordclasses.tsv", wordClassesTSV)
		if err != nil {
			panic(err) // embedded data; TestWordClasses reads it too
		}
		wordClasses.classes = c
	})
	wordClasses.asked = append(wordClasses.asked, class)
	return wordClasses.classes[class]
}

// wordList returns the words of an embedded word class as a list, sorted.
func wordList(class string) []string {
	var out []string
	for w := range wordClass(class) {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

// classValues returns the map from each word of the given classes to its
// class's value: classValues(map[string]Type{"obligation-urge": Urge})
// maps "should" to Urge. A word in two of the classes is an error of the
// data, which TestWordClasses reports.
func classValues[V any](classes map[string]V) map[string]V {
	out := map[string]V{}
	for class, v := range classes {
		for w := range wordClass(class) {
			out[w] = v
		}
	}
	return out
}

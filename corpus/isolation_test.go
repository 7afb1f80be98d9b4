package corpus_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDoesNotLinkProseNER proves that corpus uses prose's tokenize, segment
// and tag packages but never its root package or ner, whose ~4 MB entity
// model every user of corpus would otherwise link.
func TestDoesNotLinkProseNER(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := make(map[string]bool)
	for _, line := range strings.Split(string(out), "\n") {
		deps[strings.TrimSpace(line)] = true
	}
	for _, p := range []string{
		"github.com/jdkato/prose/v3",
		"github.com/jdkato/prose/v3/ner",
		"github.com/jdkato/prose/v3/ner/maxentmodel",
		"github.com/jdkato/prose/v3/summarize",
	} {
		if deps[p] {
			t.Errorf("corpus depends on %s", p)
		}
	}
	for _, p := range []string{
		"github.com/jdkato/prose/v3/tokenize",
		"github.com/jdkato/prose/v3/segment",
		"github.com/jdkato/prose/v3/tag",
	} {
		if !deps[p] {
			t.Errorf("corpus no longer depends on %s; update this test", p)
		}
	}
}

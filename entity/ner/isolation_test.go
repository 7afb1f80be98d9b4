package ner_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestImports checks that package ner stays a leaf of the pipeline: it may
// not import package entity (which imports ner) nor prose's own entity
// model, which it replaces.
func TestImports(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	for _, banned := range []string{
		"github.com/newsgraph/newsgraph/entity",
		"github.com/jdkato/prose/v3",
		"github.com/jdkato/prose/v3/ner",
	} {
		if slices.Contains(deps, banned) {
			t.Errorf("package ner depends on %s", banned)
		}
	}
}

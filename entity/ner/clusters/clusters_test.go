package clusters_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsgraph/newsgraph/entity/ner/clusters"
)

const small = `# comment
-	the
0	Paris London
01	Smith Jones 0th
0110	Ölkin
`

func TestCode(t *testing.T) {
	tab, err := clusters.Parse([]byte(small))
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != 7 {
		t.Errorf("Len() = %d, want 7", tab.Len())
	}
	got := map[string]uint32{}
	var buf []byte
	for _, w := range []string{"the", "Paris", "PARIS", "paris", "The", "THE", "London", "Smith", "SMITH", "jones", "9th", "12th", "ÖLKIN", "Rome", ""} {
		got[w], buf = tab.Code(w, buf)
	}
	want := map[string]uint32{
		"the": 0b1, "Paris": 0b10, "PARIS": 0b10, "paris": 0, // no fallback to capitals from lower case
		"The": 0b1, "THE": 0b1, "London": 0b10, "Smith": 0b101, "SMITH": 0b101, "jones": 0,
		"9th": 0b101, "12th": 0, // digits read as 0, but not merged
		"ÖLKIN": 0b10110, "Rome": 0, "": 0,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("codes (-want +got):\n%s", d)
	}
}

func TestPrefix(t *testing.T) {
	for _, c := range []struct {
		code uint32
		k    int
		want uint32
		bits int
	}{
		{0b1, 4, 0b1, 0},
		{0b10110, 2, 0b101, 4},
		{0b10110, 4, 0b10110, 4},
		{0b10110, 8, 0b10110, 4},
		{1<<16 | 0xbeef, 4, 0b11011, 16},
	} {
		if got := clusters.Prefix(c.code, c.k); got != c.want {
			t.Errorf("Prefix(%b, %d) = %b, want %b", c.code, c.k, got, c.want)
		}
		if got := clusters.Bits(c.code); got != c.bits {
			t.Errorf("Bits(%b) = %d, want %d", c.code, got, c.bits)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for in, want := range map[string]string{
		"0 Paris\n":                  "line 1: no tab",
		"# c\n01x\tParis\n":          "line 2: path \"01x\"",
		"00000000000000000\tParis\n": "line 1: path of 17 bits",
	} {
		_, err := clusters.Parse([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want an error with %q", in, err, want)
		}
	}
}

// TestDefault checks that the embedded clusters group words as they should:
// country names with country names, surnames with surnames, apart from each
// other.
func TestDefault(t *testing.T) {
	tab, err := clusters.Default()
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() < 20000 {
		t.Errorf("Default has %d words, want at least 20000", tab.Len())
	}
	code := func(w string) uint32 {
		c, _ := tab.Code(w, nil)
		if c == 0 {
			t.Fatalf("%q has no cluster", w)
		}
		return c
	}
	same := func(a, b string, k int) bool { return clusters.Prefix(code(a), k) == clusters.Prefix(code(b), k) }
	for _, p := range [][2]string{{"Germany", "Kenya"}, {"France", "Brazil"}, {"Smith", "Murphy"}, {"Johnson", "Wilson"}} {
		if !same(p[0], p[1], 8) {
			t.Errorf("%s (%b) and %s (%b) differ in the first 8 bits", p[0], code(p[0]), p[1], code(p[1]))
		}
	}
	for _, p := range [][2]string{{"Germany", "Smith"}, {"Kenya", "Murphy"}, {"Germany", "said"}} {
		if same(p[0], p[1], 8) {
			t.Errorf("%s (%b) and %s (%b) share the first 8 bits", p[0], code(p[0]), p[1], code(p[1]))
		}
	}
}

func BenchmarkDefaultParse(b *testing.B) {
	text, err := clusters.Default() // parse once so that the data is warm
	if err != nil || text == nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := clusters.Parse(clusters.Text()); err != nil {
			b.Fatal(err)
		}
	}
}

func Example() {
	tab, err := clusters.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	a, _ := tab.Code("Germany", nil)
	b, _ := tab.Code("KENYA", nil) // looked up as "Kenya"
	fmt.Println(clusters.Prefix(a, 8) == clusters.Prefix(b, 8))
	// Output: true
}

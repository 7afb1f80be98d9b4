package frame

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/entity"
)

const goodCase = `# sent_id = c1
# text = France met China .
# source = written
# entity = 1 country/fra
# entity = 3 country/chn
# expect = country/fra MEET country/chn actor=subj;target=obj
1	France	France	PROPN	NNP	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	China	China	PROPN	NNP	_	2	obj	_	_
4	.	.	PUNCT	.	_	2	punct	_	_
`

func TestReadCases(t *testing.T) {
	gaz, err := entity.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cs, err := ReadCases(write("good.conllu", goodCase), gaz)
	if err != nil || len(cs) != 1 {
		t.Fatalf("got %d cases, %v", len(cs), err)
	}
	c := cs[0]
	if c.Where != "good.conllu:1" || c.Doc.Text != "France met China ." || len(c.Result.Mentions) != 2 ||
		c.Result.Mentions[1].Text != "China" || c.Tree.Head[0] != 1 || c.Tree.Head[1] != -1 || len(c.Expect) != 1 {
		t.Errorf("got %+v", c)
	}
	for _, bad := range []struct{ from, to, want string }{
		{"# source = written", "# source = PLOVER dev", `# source = "PLOVER dev"`},
		{"# entity = 3 country/chn", "# entity = 3 country/nowhere", `no entity "country/nowhere"`},
		{"# entity = 3 country/chn", "# entity = 3-9 country/chn", `words "3-9"`},
		{"# entity = 3 country/chn", "# entity = 3 country/chn kind=x", `unknown field "kind=x"`},
		{"# text = France met China .", "# text = France met Japan .", "is not the words"},
		{"# source = written", "# source = written\n# colour = red", "unknown comment # colour"},
	} {
		_, err := ReadCases(write("bad.conllu", strings.Replace(goodCase, bad.from, bad.to, 1)), gaz)
		if err == nil || !strings.Contains(err.Error(), bad.want) || !strings.Contains(err.Error(), "bad.conllu:1") {
			t.Errorf("%q: got error %v, want one naming bad.conllu:1 with %q", bad.to, err, bad.want)
		}
	}
}

package frame

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/corpus/parse"
	"github.com/newsgraph/newsgraph/entity"
)

// A Case is one sentence of a rule test file (relation/testdata/rules/*.conllu),
// read with its own parse and entities, so that the frame reader is tested
// without the trained parser or the recognizer.
//
// A case is a CoNLL-U sentence (ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD,
// DEPREL, DEPS, MISC; the reader uses FORM, XPOS, HEAD and DEPREL; XPOS is
// the Penn tag the frame reader sees) with these comments:
//
//	# sent_id = light-verb-oblique-1
//	# text = Russia started a new offensive against Ukraine on Monday .
//	# source = written                     (or "CoNLL-2003 train", "CoNLL04", "UD EWT")
//	# entity = 1 country/rus               (words, 1-based, "i" or "i-j"; an ID of the gazetteer; "demonym" after it for one)
//	# entity = 4 person/weizman type=PERSON (one the gazetteer lacks: type=, and code= and country= if it has them)
//	# expect = country/rus ATTACK country/ukr actor=light-verb-subject;target=prep:against
//	# negative = place-of-force            (the rule must not read this sentence, as its expect lines show)
//	# note = why the parse is as it is      (free text)
//
// An expect line is source, type, target and Evidence.Rule, then
// "negated" and "modality=M" when they hold; "# expect = none" says the
// sentence gives no relation. The document's text is the words joined by
// single spaces.
type Case struct {
	Where    string // file:line of the sent_id
	ID       string
	Source   string           // one of Sources
	Doc      *corpus.Document // one sentence, its tokens tagged
	Result   *entity.Result   // the mentions and entities of # entity lines
	Tree     parse.Tree       // the given parse
	Expect   []string         // the # expect lines but "none"
	Negative []string         // the rules of # negative lines
}

// Sources are the sources a case's sentence may come from: not the
// PLOVER dev records the project is scored on.
var Sources = []string{"written", "CoNLL-2003 train", "CoNLL04", "UD EWT"}

// ReadCases reads the cases of one file, with the entities of the
// # entity lines from gaz. An error names the file and line.
func ReadCases(path string, gaz *entity.Gazetteer) ([]Case, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(path)
	sents, err := corpus.ReadCoNLLU(bytes.NewReader(raw), name)
	if err != nil {
		return nil, err
	}
	// ReadCoNLLU keeps sent_id and text; the other comments of each
	// sentence, the lines before its words, are read here by sent_id.
	type block struct {
		line     int // of the sent_id
		comments [][2]string
	}
	blocks := map[string]*block{}
	cur := &block{}
	for n, line := range strings.Split(string(raw), "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			cur = &block{}
		case strings.HasPrefix(line, "# "):
			key, val, ok := strings.Cut(line[2:], " = ")
			if !ok {
				continue
			}
			if key == "sent_id" {
				if _, dup := blocks[val]; dup {
					return nil, fmt.Errorf("%s:%d: sent_id %q again", name, n+1, val)
				}
				cur.line, blocks[val] = n+1, cur
			}
			cur.comments = append(cur.comments, [2]string{key, val})
		}
	}
	var out []Case
	for _, s := range sents {
		b := blocks[s.ID]
		if b == nil {
			return nil, fmt.Errorf("%s: a sentence with no sent_id", name)
		}
		c := Case{Where: fmt.Sprintf("%s:%d", name, b.line), ID: s.ID}
		if err := c.build(s, b.comments, gaz); err != nil {
			return nil, fmt.Errorf("%s: %w", c.Where, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// build makes the document, the entities and the tree of a case.
func (c *Case) build(s corpus.UDSentence, comments [][2]string, gaz *entity.Gazetteer) error {
	var text strings.Builder
	sent := corpus.Sentence{}
	tree := parse.Tree{}
	for i, w := range s.Words {
		if i > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(w.Form)
		sent.Tokens = append(sent.Tokens, corpus.Token{Text: w.Form, Start: start, End: text.Len(), Tag: w.XPOS})
		tree.Head = append(tree.Head, w.Head-1)
		tree.Rel = append(tree.Rel, w.Deprel)
		tree.Tag = append(tree.Tag, w.XPOS)
	}
	sent.Text, sent.End = text.String(), text.Len()
	c.Doc = &corpus.Document{ID: c.ID, Text: text.String(), Sentences: []corpus.Sentence{sent}}
	c.Tree = tree
	if strings.ReplaceAll(s.Text, " ", "") != strings.ReplaceAll(c.Doc.Text, " ", "") {
		return fmt.Errorf("# text %q is not the words %q", s.Text, c.Doc.Text)
	}
	c.Result = &entity.Result{}
	seen := map[string]bool{}
	for _, kv := range comments {
		switch key, val := kv[0], kv[1]; key {
		case "source":
			c.Source = val
		case "expect":
			if val != "none" {
				c.Expect = append(c.Expect, val)
			}
		case "negative":
			c.Negative = append(c.Negative, val)
		case "sent_id", "text", "note":
		default:
			return fmt.Errorf("unknown comment # %s", key)
		case "entity":
			e, form, span, err := caseEntity(val, gaz)
			if err != nil {
				return fmt.Errorf("# entity = %q: %w", val, err)
			}
			a, b, err := wordSpan(span, len(sent.Tokens))
			if err != nil {
				return fmt.Errorf("# entity = %q: %w", val, err)
			}
			start, end := sent.Tokens[a].Start, sent.Tokens[b].End
			c.Result.Mentions = append(c.Result.Mentions, entity.Mention{Start: start, End: end, Text: c.Doc.Text[start:end],
				Type: e.Type, Form: form, Entity: e.ID, Score: 1, Source: "user"})
			if !seen[e.ID] {
				seen[e.ID] = true
				c.Result.Entities = append(c.Result.Entities, e)
			}
		}
	}
	slices.SortFunc(c.Result.Mentions, func(x, y entity.Mention) int { return x.Start - y.Start })
	slices.SortFunc(c.Result.Entities, func(x, y entity.Entity) int { return strings.Compare(x.ID, y.ID) })
	if !slices.Contains(Sources, c.Source) {
		return fmt.Errorf("# source = %q: want one of %q", c.Source, Sources)
	}
	return nil
}

// caseEntity reads an entity line, "WORDS ID [demonym] [type=T] [code=C]
// [country=ID]": an entity of the default gazetteer, or, with type=, one
// the recognizer's model finds (a person, a court), with its code and
// country.
func caseEntity(val string, gaz *entity.Gazetteer) (entity.Entity, entity.Form, string, error) {
	f := strings.Fields(val)
	if len(f) < 2 {
		return entity.Entity{}, "", "", fmt.Errorf("want WORDS ID [demonym] [type=T code=C country=ID]")
	}
	form := entity.Name
	e, inGaz := gaz.Entity(f[1])
	own := entity.Entity{ID: f[1]}
	for _, x := range f[2:] {
		key, v, _ := strings.Cut(x, "=")
		switch key {
		case "demonym":
			form = entity.Demonym
		case "type":
			own.Type = entity.Type(v)
		case "code":
			own.Code = v
		case "country":
			own.Country = v
		default:
			return entity.Entity{}, "", "", fmt.Errorf("unknown field %q", x)
		}
	}
	switch {
	case own.Type != "":
		_, name, _ := strings.Cut(own.ID, "/")
		own.Name = name
		return own, form, f[0], nil
	case !inGaz:
		return entity.Entity{}, "", "", fmt.Errorf("no entity %q in the default gazetteer, and no type=", f[1])
	}
	return e, form, f[0], nil
}

// wordSpan parses "i" or "i-j", 1-based word IDs, into 0-based token
// indices.
func wordSpan(s string, n int) (int, int, error) {
	as, bs, ok := strings.Cut(s, "-")
	if !ok {
		bs = as
	}
	a, err1 := strconv.Atoi(as)
	b, err2 := strconv.Atoi(bs)
	if err1 != nil || err2 != nil || a < 1 || b < a || b > n {
		return 0, 0, fmt.Errorf("words %q: want i or i-j within 1-%d", s, n)
	}
	return a - 1, b - 1, nil
}

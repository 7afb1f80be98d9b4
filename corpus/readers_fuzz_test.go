package corpus

import (
	"strings"
	"testing"
)

// The annotated-corpus readers must never panic, and what they return
// without an error must keep their documented invariants.

func FuzzReadCoNLL2003(f *testing.F) {
	f.Add("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n. . O O\n")
	f.Add("Macron I-PER\nmet O\nXi I-PER\n\n")
	f.Add("a b c d e f\n\n\n x\n")
	f.Fuzz(func(t *testing.T, data string) {
		for _, read := range []func() ([]AnnotatedDocument, error){
			func() ([]AnnotatedDocument, error) { return ReadCoNLL2003(strings.NewReader(data), "f") },
			func() ([]AnnotatedDocument, error) { return ReadIOB2(strings.NewReader(data), "f") },
		} {
			docs, err := read()
			if err != nil {
				continue
			}
			for _, d := range docs {
				for _, s := range d.Sentences {
					checkSpans(t, s)
				}
			}
		}
	})
}

func checkSpans(t *testing.T, s AnnotatedSentence) {
	t.Helper()
	if s.POS != nil && len(s.POS) != len(s.Words) {
		t.Fatalf("%d words but %d tags", len(s.Words), len(s.POS))
	}
	end := 0
	for _, sp := range s.Spans {
		if sp.Start < end || sp.End <= sp.Start || sp.End > len(s.Words) || sp.Type == "" {
			t.Fatalf("span %+v out of order or range in %d words (previous end %d)", sp, len(s.Words), end)
		}
		end = sp.End
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	f.Add("# sent_id = a\n# text = Xi met Macron.\n1\tXi\tXi\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tMacron\tMacron\tPROPN\tNNP\t_\t2\tobj\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n")
	f.Add("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n\n")
	f.Add("1\ta\n")
	f.Fuzz(func(t *testing.T, data string) {
		sents, err := ReadCoNLLU(strings.NewReader(data), "f")
		if err != nil {
			return
		}
		for _, s := range sents {
			for i, w := range s.Words {
				if w.Head < 0 || w.Head > len(s.Words) {
					t.Fatalf("sentence %q word %d: head %d out of range", s.ID, i+1, w.Head)
				}
			}
		}
	})
}

func FuzzReadSpanJSONL(f *testing.F) {
	f.Add(`{"id":"a","text":"Xi met Macron.","entities":[{"start":0,"end":2,"type":"PER"},{"start":7,"end":13,"type":"PER"}]}` + "\n")
	f.Add(`{"id":"b","text":"é","entities":[{"start":0,"end":1,"type":"LOC"}]}` + "\n")
	f.Add("{}\n\n[1]\n")
	f.Fuzz(func(t *testing.T, data string) {
		docs, err := ReadSpanJSONL(strings.NewReader(data), "f")
		if err != nil {
			return
		}
		for _, d := range docs {
			for i, sp := range d.Spans {
				if sp.Start < 0 || sp.End <= sp.Start || sp.End > len(d.Text) {
					t.Fatalf("doc %q span %+v out of range of %d bytes", d.ID, sp, len(d.Text))
				}
				if i > 0 && d.Spans[i-1].Start > sp.Start {
					t.Fatalf("doc %q spans not sorted", d.ID)
				}
			}
		}
	})
}

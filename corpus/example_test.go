package corpus_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/corpus"
)

func ExampleAnalyzer_Analyze() {
	a, err := corpus.New()
	if err != nil {
		log.Fatal(err)
	}
	d := &corpus.Document{ID: "a1", Text: "Macron met Xi in Beijing. “We agree,” Xi said."}
	if err := a.Analyze(context.Background(), d); err != nil {
		log.Fatal(err)
	}
	for _, s := range d.Sentences {
		fmt.Printf("[%d,%d) %s\n", s.Start, s.End, s.Text)
		for _, t := range s.Tokens {
			fmt.Printf("  %d-%d %s/%s\n", t.Start, t.End, d.Text[t.Start:t.End], t.Tag)
		}
	}
	// Output:
	// [0,25) Macron met Xi in Beijing.
	//   0-6 Macron/NNP
	//   7-10 met/VBD
	//   11-13 Xi/NNP
	//   14-16 in/IN
	//   17-24 Beijing/NNP
	//   24-25 ./.
	// [26,50) “We agree,” Xi said.
	//   26-29 “/``
	//   29-31 We/PRP
	//   32-37 agree/VBP
	//   37-38 ,/,
	//   38-41 ”/''
	//   42-44 Xi/NNP
	//   45-49 said/VBD
	//   49-50 ./.
}

func ExampleAnalyzer_TagWords() {
	a, err := corpus.New()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.TagWords([]string{"EU", "rejects", "German", "call", "."}))
	// Output:
	// [NNP VBZ JJ NN .]
}

func ExampleNewJSONLReader() {
	in := `{"id": "a1", "text": "Macron met Xi."}
{"id": "a2"}
{"id": "a1", "text": "Xi met Macron."}
{"id": "a3", "text": "Zelenskyy was in Paris."}
`
	r := corpus.NewJSONLReader(strings.NewReader(in), "news.jsonl")
	for r.Scan() {
		d := r.Document()
		fmt.Printf("%s: %s\n", d.ID, d.Text)
	}
	if err := r.Err(); err != nil {
		log.Fatal(err) // reading stopped early
	}
	for _, err := range r.Errors() {
		fmt.Println(err) // bad records, skipped
	}
	// Output:
	// a1: Macron met Xi.
	// a3: Zelenskyy was in Paris.
	// corpus: news.jsonl:2: missing "text"
	// corpus: news.jsonl:3: duplicate id "a1" (first on line 1)
}

func ExampleReadCoNLL2003() {
	in := `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O
`
	docs, err := corpus.ReadCoNLL2003(strings.NewReader(in), "eng.testa")
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, sp := range s.Spans {
				fmt.Println(d.ID, sp.Type, strings.Join(s.Words[sp.Start:sp.End], " "))
			}
		}
	}
	// Output:
	// eng.testa#1 ORG EU
	// eng.testa#1 MISC German
}

func ExampleScoreSpans() {
	gold := [][]corpus.Span{{{Start: 0, End: 2, Type: "PER"}, {Start: 4, End: 5, Type: "LOC"}}}
	pred := [][]corpus.Span{{{Start: 0, End: 2, Type: "PER"}, {Start: 4, End: 5, Type: "ORG"}}}
	corpus.ScoreSpans(gold, pred).WriteTable(os.Stdout)
	// Output:
	// type              tp      fp      fn precision  recall      f1
	// LOC                0       0       1      0.00    0.00    0.00
	// ORG                0       1       0      0.00    0.00    0.00
	// PER                1       0       0    100.00  100.00  100.00
	// overall            1       1       1     50.00   50.00   50.00
}

func ExampleReadCoNLLU() {
	in := "# sent_id = s1\n# text = Xi spoke.\n" +
		"1\tXi\tXi\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n" +
		"2\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n" +
		"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
	sents, err := corpus.ReadCoNLLU(strings.NewReader(in), "tiny.conllu")
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range sents[0].Words {
		fmt.Println(w.Form, w.XPOS, w.Head, w.Deprel)
	}
	// Output:
	// Xi NNP 2 nsubj
	// spoke VBD 0 root
	// . . 2 punct
}

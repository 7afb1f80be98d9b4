package relation_test

import (
	"fmt"
	"log"
	"os"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/path"

	"github.com/newsgraph/newsgraph/entity"
	"github.com/newsgraph/newsgraph/relation"
)

// exampleGraph returns the graph of one short document.
func exampleGraph(doc, text string) *relation.Graph {
	g := relation.NewGraph()
	for _, e := range []entity.Entity{
		{ID: "person/emmanuel-macron", Name: "Emmanuel Macron", Type: entity.Person, Aliases: []string{"Macron"}, Code: "FRA"},
		{ID: "person/xi-jinping", Name: "Xi Jinping", Type: entity.Person, Aliases: []string{"Xi"}, Code: "CHN"},
	} {
		if err := g.AddEntity(e, 1); err != nil {
			log.Fatal(err)
		}
	}
	// "Xi met Macron" and "Macron met Xi" are one MEET edge: the type is
	// symmetric.
	err := g.AddRelation(relation.Relation{
		Source: "person/xi-jinping", Target: "person/emmanuel-macron", Type: "MEET",
		Evidence: relation.Evidence{Doc: doc, Start: 0, End: len(text), Text: text, Cue: "met"},
	})
	if err != nil {
		log.Fatal(err)
	}
	return g
}

func ExampleGraph_WriteJSON() {
	g := exampleGraph("a", "Xi met Macron.")
	if err := g.WriteJSON(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// {
	//   "entities": [
	//     {"id":"person/emmanuel-macron","name":"Emmanuel Macron","type":"PERSON","aliases":["Macron"],"mentions":1,"code":"FRA"},
	//     {"id":"person/xi-jinping","name":"Xi Jinping","type":"PERSON","aliases":["Xi"],"mentions":1,"code":"CHN"}
	//   ],
	//   "relations": [
	//     {"source":"person/emmanuel-macron","target":"person/xi-jinping","type":"MEET","plover":"CONSULT","symmetric":true,"count":1,"evidence":[{"doc":"a","start":0,"end":14,"text":"Xi met Macron.","cue":"met"}]}
	//   ]
	// }
}

// A corpus's graph is the merge of its documents' graphs: the same relation
// found in two documents is one edge with two pieces of evidence.
func ExampleGraph_Merge() {
	corpus := relation.NewGraph()
	corpus.Merge(exampleGraph("a", "Xi met Macron."))
	corpus.Merge(exampleGraph("b", "Macron met Xi."))
	for _, n := range corpus.Entities() {
		fmt.Println(n.Name, n.Mentions)
	}
	for _, e := range corpus.Edges() {
		fmt.Println(e.Source, e.Type, e.Target, e.Count)
		for _, ev := range e.Evidence {
			fmt.Printf("  %s:%d-%d %q\n", ev.Doc, ev.Start, ev.End, ev.Text)
		}
	}
	// Output:
	// Emmanuel Macron 2
	// Xi Jinping 2
	// person/emmanuel-macron MEET person/xi-jinping 2
	//   a:0-14 "Xi met Macron."
	//   b:0-14 "Macron met Xi."
}

// Multigraph makes a graph usable with gonum's algorithms.
func ExampleGraph_Multigraph() {
	m := exampleGraph("a", "Xi met Macron.").Multigraph()
	from := m.Vertex("person/emmanuel-macron")
	paths := path.DijkstraFrom(from, m)
	for _, n := range graph.NodesOf(m.Nodes()) {
		v := n.(*relation.Vertex)
		fmt.Printf("%d %s %v\n", v.ID(), v.DOTID(), paths.WeightTo(v.ID()))
	}
	// Output:
	// 0 person/emmanuel-macron 0
	// 1 person/xi-jinping 1
}

func ExampleGraph_WriteDOT() {
	if err := exampleGraph("a", "Xi met Macron.").WriteDOT(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// digraph {
	//   // Node definitions.
	//   "person/emmanuel-macron" [label="Emmanuel Macron"];
	//   "person/xi-jinping" [label="Xi Jinping"];
	//
	//   // Edge definitions.
	//   "person/emmanuel-macron" -> "person/xi-jinping" [
	//     label=MEET
	//     dir=none
	//   ];
	// }
}

func ExampleGraph_WriteMermaid() {
	if err := exampleGraph("a", "Xi met Macron.").WriteMermaid(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// flowchart LR
	//   n0(["Emmanuel Macron"])
	//   n1(["Xi Jinping"])
	//   n0 ---|"MEET"| n1
}

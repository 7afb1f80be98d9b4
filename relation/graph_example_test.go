package relation_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"regexp"
	"strings"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/path"

	"github.com/newsgraph/newsgraph/corpus"
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

func ExampleGraph_WriteCSV() {
	if err := exampleGraph("a", "Xi met Macron.").WriteCSV(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// source,source_name,target,target_name,type,label,plover,symmetric,negated,modality,count,confidence,doc,start,end,cue,evidence
	// person/emmanuel-macron,Emmanuel Macron,person/xi-jinping,Xi Jinping,MEET,MEET,CONSULT,true,false,,1,0,a,0,14,met,Xi met Macron.
}

// Write the two files of neo4j-admin database import full.
func ExampleGraph_WriteNeo4jCSV() {
	var nodes, relationships strings.Builder
	if err := exampleGraph("a", "Xi met Macron.").WriteNeo4jCSV(&nodes, &relationships); err != nil {
		log.Fatal(err)
	}
	fmt.Print(nodes.String(), relationships.String())
	// Output:
	// id:ID,:LABEL,name,type,code,country,title,mentions:int,aliases:string[]
	// person/emmanuel-macron,Entity;Person,Emmanuel Macron,PERSON,FRA,,,1,Macron
	// person/xi-jinping,Entity;Person,Xi Jinping,PERSON,CHN,,,1,Xi
	// :START_ID,:END_ID,:TYPE,label,plover,symmetric:boolean,negated:boolean,modality,count:int,confidence:double,doc,start:int,end:int,cue,evidence
	// person/emmanuel-macron,person/xi-jinping,MEET,MEET,CONSULT,true,false,,1,0,a,0,14,met,Xi met Macron.
}

func ExampleGraph_WriteGraphML() {
	var b strings.Builder
	if err := exampleGraph("a", "Xi met Macron.").WriteGraphML(&b); err != nil {
		log.Fatal(err)
	}
	// The nodes and edges, after the header and the key declarations.
	out := b.String()
	fmt.Print(out[strings.Index(out, "  <graph "):])
	// Output:
	//   <graph id="G" edgedefault="directed">
	//     <node id="n0">
	//       <data key="n_id">person/emmanuel-macron</data>
	//       <data key="n_label">Emmanuel Macron</data>
	//       <data key="n_name">Emmanuel Macron</data>
	//       <data key="n_type">PERSON</data>
	//       <data key="n_code">FRA</data>
	//       <data key="n_mentions">1</data>
	//       <data key="n_aliases">Macron</data>
	//     </node>
	//     <node id="n1">
	//       <data key="n_id">person/xi-jinping</data>
	//       <data key="n_label">Xi Jinping</data>
	//       <data key="n_name">Xi Jinping</data>
	//       <data key="n_type">PERSON</data>
	//       <data key="n_code">CHN</data>
	//       <data key="n_mentions">1</data>
	//       <data key="n_aliases">Xi</data>
	//     </node>
	//     <edge id="e0" source="n0" target="n1" directed="false">
	//       <data key="e_label">MEET</data>
	//       <data key="e_type">MEET</data>
	//       <data key="e_plover">CONSULT</data>
	//       <data key="e_symmetric">true</data>
	//       <data key="e_negated">false</data>
	//       <data key="e_count">1</data>
	//       <data key="e_confidence">0</data>
	//       <data key="e_doc">a</data>
	//       <data key="e_start">0</data>
	//       <data key="e_end">14</data>
	//       <data key="e_cue">met</data>
	//       <data key="e_evidence">Xi met Macron.</data>
	//     </edge>
	//   </graph>
	// </graphml>
}

func ExampleGraph_WriteGEXF() {
	var b strings.Builder
	if err := exampleGraph("a", "Xi met Macron.").WriteGEXF(&b); err != nil {
		log.Fatal(err)
	}
	// The edges, after the attribute declarations and the nodes.
	out := b.String()
	fmt.Print(out[strings.Index(out, "    <edges "):])
	// Output:
	//     <edges count="1">
	//       <edge id="e0" type="undirected" label="MEET" source="person/emmanuel-macron" target="person/xi-jinping" weight="1">
	//         <attvalues>
	//           <attvalue for="type" value="MEET"></attvalue>
	//           <attvalue for="plover" value="CONSULT"></attvalue>
	//           <attvalue for="symmetric" value="true"></attvalue>
	//           <attvalue for="negated" value="false"></attvalue>
	//           <attvalue for="count" value="1"></attvalue>
	//           <attvalue for="confidence" value="0"></attvalue>
	//           <attvalue for="doc" value="a"></attvalue>
	//           <attvalue for="start" value="0"></attvalue>
	//           <attvalue for="end" value="14"></attvalue>
	//           <attvalue for="cue" value="met"></attvalue>
	//           <attvalue for="evidence" value="Xi met Macron."></attvalue>
	//         </attvalues>
	//       </edge>
	//     </edges>
	//   </graph>
	// </gexf>
}

// Leave out the entities that are only mentioned, as extract -drop-isolated
// does.
func ExampleGraph_WithoutIsolated() {
	g := exampleGraph("a", "Xi met Macron.")
	if err := g.AddEntity(entity.Entity{ID: "country/fra", Name: "France", Type: entity.Country}, 2); err != nil {
		log.Fatal(err)
	}
	for _, n := range g.WithoutIsolated().Entities() {
		fmt.Println(n.ID)
	}
	// Output:
	// person/emmanuel-macron
	// person/xi-jinping
}

// Write the page of an article: its graph, its relations with their
// evidence, and its text with the entities highlighted.
func ExampleWriteHTML() {
	ex, err := relation.NewExtractor()
	if err != nil {
		log.Fatal(err)
	}
	doc := &corpus.Document{ID: "a1", Text: "French President Emmanuel Macron met German Chancellor Friedrich Merz in Berlin."}
	res, err := ex.Extract(context.Background(), doc)
	if err != nil {
		log.Fatal(err)
	}
	var page strings.Builder
	if err := relation.WriteHTML(&page, []*relation.Result{res}); err != nil {
		log.Fatal(err) // or write to a file: os.Create("a1.html")
	}
	// The mentions in the text link to their entities' nodes.
	text := page.String()[strings.Index(page.String(), `<p class="text">`):]
	mention := regexp.MustCompile(`<a class="m (t-\w+)" data-node="(n\d+)"[^>]*>([^<]*)</a>`)
	for _, m := range mention.FindAllStringSubmatch(text[:strings.Index(text, "</p>")], -1) {
		fmt.Println(m[3], m[1], m[2])
	}
	// Output:
	// French t-country n1
	// Emmanuel Macron t-person n3
	// German t-country n0
	// Friedrich Merz t-person n4
	// Berlin t-location n2
}

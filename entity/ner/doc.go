// Package ner is a statistical named-entity tagger for English news: an
// averaged structured perceptron over BILOU labels, decoded with Viterbi,
// that finds person (PER), location (LOC) and organisation (ORG) names in
// tokenised, part-of-speech tagged sentences.
//
// # Features
//
// For each token the model reads the word, its lower-cased form (digits
// mapped to 0), its shape ("Xxxx", "XX", "dd-dd"), prefixes and suffixes of
// one to four characters, the words, shapes and part-of-speech tags in a
// window of two tokens on each side (and the word with its tag, and the
// pair of words around it), whether the token starts the sentence
// or the sentence is written in capitals (a headline), the gazetteer spans
// the caller found, and document history: how the same capitalised word was
// tagged earlier in the same document, so that "Clinton" after "Bill
// Clinton" is tagged as he was; and word clusters learnt from ten million
// words of unlabelled text (package clusters): prefixes of 4 to 16 bits of
// the cluster path of the token and of its neighbours, which carry what the
// model learnt of "Johnson" to "Young", a surname it never saw annotated.
// Label transitions are learnt, and the BILOU constraints are imposed, so
// every span is well formed. [Model.TagDocumentCosts] also says how sure
// the model was of each token, which package entity's recognizer reads to
// let the model overrule a gazetteer match of another type.
//
// # Labels and types
//
// The embedded model ([Default]) was trained on CoNLL-2003 English train
// (eng.train) and Universal NER English-EWT train, with part-of-speech tags
// predicted by prose's tagger, never the gold column, and with the spans of
// the default gazetteer of package entity (see package nergaz). It emits
// the types "PER", "LOC" and "ORG"; CoNLL's "MISC" was left out of training
// (its tokens learnt as outside any entity). Callers map the types to their
// own (PER to PERSON, ...). Its header records the training command and its
// score on CoNLL-2003 dev (eng.testa): micro F1 0.931 over PER, LOC and
// ORG (LOC 0.950, ORG 0.883, PER 0.946), where prose v3's extractor scores
// 0.534. A tenth of the training sentences were shown no gazetteer spans,
// so the model still scores 0.907 when it is given none. On web text
// (Universal NER English-EWT dev) it scores 0.702, prose 0.311.
//
// The embedded model predates the word cluster features and has none; the
// training command below now trains with them (-clusters=false leaves them
// out). In 5-fold cross-validation over CoNLL-2003 train and dev together
// (examples/nercv, the command's training options), they raise micro F1
// from 0.918 to 0.923 and ORG recall from 0.803 to 0.818, on every fold;
// a model so trained scores 0.934 on dev.
//
// A model trained with [TrainOptions.Hidden] learns a type but never emits
// it; [Model.Types] lists what a model emits.
//
// # Training your own
//
// [Train] learns a model from []corpus.AnnotatedDocument, which
// [ReadAnnotated] reads from CoNLL columns (IOB1, IOB2 or IOBES tags), from
// Universal NER .iob2 files or from JSON Lines of texts with labelled byte
// spans ({"id": "a1", "text": "...", "entities": [{"start": 0, "end": 6,
// "type": "PER"}]}), tagging parts of speech with the same analyser used at
// run time. Training is an averaged structured perceptron with a fixed
// seed; the weights of several runs with consecutive seeds are averaged
// ([TrainOptions.Runs]). The command examples/train does all of this:
//
//	go run ./examples/train -data DIR -train mine.jsonl -dev dev.jsonl -o mine.bin
//
// and [Load] reads the result in place of the default. The embedded model
// was made by
//
//	go run ./examples/train -data $NEWSGRAPH_DATA -clusters=false -o entity/ner/nermodel/model.bin
//
// (byte for byte, as long as the default gazetteer and prose's tagger are
// unchanged; its header records the command without -clusters, which did
// not exist then), and without -clusters=false the same command trains the
// model with word clusters, in under four minutes. examples/evalner scores a model on a CoNLL
// file.
//
// # Cost
//
// The embedded model file is 1.2 MB (53,700 features, gzip-compressed int16
// weights); decoded it takes under 5 MB, and loading it takes about 40 ms.
// A model with cluster features also parses the clusters' 0.6 MB table
// (44,000 words) once, on first use.
// Tagging looks each feature up in one open-addressing table that keeps a
// feature's weights beside its key, sums the features of a word's own
// spelling and tag once per document, and runs at about 600,000 tokens a
// second on one core (BenchmarkRecognize), some 50 times prose's
// NewDocument with extraction on the same text.
//
// # Concurrency
//
// A [Model] is immutable after [Load] or [Train] and safe for concurrent
// use; per-call scratch space comes from a pool.
package ner

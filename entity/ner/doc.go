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
// window of two tokens on each side, whether the token starts the sentence
// or the sentence is written in capitals (a headline), the gazetteer spans
// the caller found, and document history: how the same capitalised word was
// tagged earlier in the same document, so that "Clinton" after "Bill
// Clinton" is tagged as he was. Label transitions are learnt, and the BILOU
// constraints are imposed, so every span is well formed.
//
// # Labels and types
//
// The embedded model ([Default]) was trained on CoNLL-2003 English train
// (eng.train) with part-of-speech tags predicted by prose's tagger, never
// the gold column, and emits the types "PER", "LOC" and "ORG". CoNLL's
// "MISC" is learnt, so that the model knows what is not a person, place or
// organisation, but never emitted. Callers map the types to their own
// (PER to PERSON, ...).
//
// # Training your own
//
// [Train] learns a model from []corpus.AnnotatedDocument, which
// [ReadAnnotated] reads from CoNLL columns (IOB1, IOB2 or IOBES tags), from
// Universal NER .iob2 files or from JSON Lines of texts with labelled byte
// spans, tagging parts of speech with the same analyser used at run time.
// The command examples/train does all of this with a fixed seed:
//
//	go run ./examples/train -data DIR -train mine.jsonl -format jsonl -dev dev.jsonl -o mine.bin
//
// and [Load] reads the result in place of the default. examples/evalner
// scores a model on a CoNLL file.
//
// # Cost
//
// The model file is about 1 MB (gzip-compressed int16 weights); decoded it
// takes a few MB, and loading takes a few milliseconds. Tagging reads a
// hash table of feature weights and runs at well over half a million tokens
// a second on one core.
//
// # Concurrency
//
// A [Model] is immutable after [Load] or [Train] and safe for concurrent
// use; per-call scratch space comes from a pool.
package ner

// Package parse is a dependency parser for English: given the words of a
// sentence and their Penn Treebank tags, it returns a labelled dependency
// tree in Universal Dependencies (heads and relations such as "nsubj",
// "obj", "obl", "nsubj:pass", "nmod:poss", "acl:relcl").
//
// It is a greedy transition-based parser (arc-hybrid, with the root at the
// end of the buffer) whose moves are scored by an averaged perceptron over
// hashed features in the style of Zhang and Nivre (2011): words, tags,
// distance, valency, and the words, tags and relations of the leftmost and
// rightmost children. A second perceptron labels each arc as it is made,
// from templates of its own (the two words, the dependent's finished
// subtree, the head's children so far, the words around the arc). When a
// run of training is repeated with other seeds, the runs' averaged weights
// are averaged again. Training uses the dynamic
// oracle of Goldberg and Nivre (2013), so the parser learns to recover from
// its own mistakes.
//
// # Tags
//
// The parser takes the tags the pipeline has at run time, prose's, and
// corrects them with a tagger of its own (a third perceptron, reading the
// words and prose's tags) trained on the treebank's tags: on EWT dev prose
// agrees with the treebank on 85.5% of words, the corrected tags on 94%.
// Features read both. The corrected tags are in [Tree].Tag. In training,
// each sentence's corrected tags come from a tagger trained without it
// (five-fold jackknifing), so they are as good as on new text, no better.
//
// A caller that knows some tags better than a tagger trained on web text,
// as the relation extractor knows which words are names, passes them to
// [Parser.ParseKeep], which reads them as given.
//
// # The default model
//
// [Default] returns the model embedded in package
// [github.com/newsgraph/newsgraph/corpus/parse/parsemodel], trained on
// Universal Dependencies English EWT with the tags of prose's tagger (the
// tags the pipeline has at run time, never the treebank's). Its scores and
// provenance are in [Parser.Note] and the README; examples/trainparser
// retrains it with one command and examples/evalparser scores it.
//
// # Input
//
// Words come from prose's tokenizer and may be any string: "U.S.", "'s",
// "n't", curly quotes, emoji, invalid UTF-8. Features read a normalised key
// of each word (lower case, curly quotes and dashes made plain, digits
// folded to 0); the words themselves are never changed. Every parse is a
// tree: each token has exactly one head, one token is the root, and there
// are no cycles.
//
// # Concurrency and cost
//
// A [Parser] is immutable and safe for concurrent use; per-call scratch
// space comes from a pool. Parsing is linear in the sentence length (two
// moves per word), and bound by memory: about 350 hash-table lookups a
// word. The embedded model is read once, on the first call of [Default],
// in a few milliseconds: its tables are used where they lie in the program
// (see [Parser.Save] for the format), not decoded.
package parse

// Package corpus turns text into analysed documents, and reads the annotated
// corpora used to train and evaluate newsgraph's models.
//
// A [Document] is an identified UTF-8 text. An [Analyzer] splits it into
// [Sentence] values made of [Token] values with Penn Treebank part-of-speech
// tags, using prose's segmenter, tokenizer and tagger:
//
//	a, err := corpus.New()
//	d := &corpus.Document{ID: "a1", Text: text}
//	err = a.Analyze(ctx, d)
//
// Documents come from a [Reader]: one text ([NewTextReader], [NewFileReader]),
// one HTML page ([NewHTMLReader]), a folder of .txt and .html files
// ([NewDirReader]) or JSON Lines ([NewJSONLReader]); [Open] picks one by
// path, and reads a file named *.html or *.htm, or one that starts as HTML
// does, as HTML.
//
// For training and evaluation the package reads CoNLL-2003 and other column
// formats ([ReadCoNLL2003]), Universal NER .iob2 files ([ReadIOB2]),
// Universal Dependencies CoNLL-U treebanks ([ReadCoNLLU]) and users' own
// byte-span annotations in JSON Lines ([ReadSpanJSONL]); converts entity tags
// to spans and back ([DecodeTags], [EncodeBIO]); and scores predicted spans
// against gold ones as conlleval does ([ScoreSpans]).
//
// # Positions
//
// Every offset is a byte offset into the original document text, never into
// a normalised copy, so for every sentence s and token t of a document d
//
//	d.Text[s.Start:s.End] == s.Text
//	d.Text[t.Start:t.End] == t.Text
//
// Sentences are in text order and disjoint; each token lies inside its
// sentence, so no token crosses a sentence boundary; neither has surrounding
// white space; every visible character lies in some token; and no token holds
// an invisible one (NUL and other controls, format characters such as
// U+200B, U+200E or U+202E), which separate tokens as white space does.
// Offsets are carried through each split, never found by searching for text,
// so a repeated sentence or name keeps its own position. The tests check this
// as a property on hostile input (curly quotes, emoji, CJK, NUL, repeated
// sentences, long runs of punctuation) and by fuzzing (FuzzAnalyze).
//
// A line break ends a sentence (news text puts headlines, datelines and
// paragraphs on lines of their own); [WithWrappedLines] makes only blank
// lines do so, for hard-wrapped text. Typographic quotes, dashes and
// brackets are shown to the tagger in their treebank forms ("“" as the opening quote of the treebank, "—" as
// --) so it tags them as punctuation; token text is never changed.
// [Analyzer.TagWords] tags pre-tokenized words the same way.
//
// A document read from HTML has the page's visible text as its Text, so the
// same holds; its [SourceMap] (Document.Source) maps any span of the text
// back to the bytes of the HTML file ([ReadHTML] tells how).
//
// [ByteSpan] offsets of [ReadSpanJSONL] are byte offsets too, checked to fall
// on UTF-8 boundaries. [Span] offsets are token indices.
//
// # Errors
//
// Bad input gets an error, never a panic. [Analyzer.Analyze] reports an empty
// or white-space text ([ErrEmpty]) and invalid UTF-8 ([*InvalidUTF8Error],
// with the byte offset) in a [*DocumentError] naming the document.
//
// The line-oriented readers never stop at the first bad record: they keep the
// good ones and report each bad one as a [*LineError] naming the file and
// line ("corpus: news.jsonl:1043: ..."); a JSON Lines line over 64 MiB is one
// such record ([*TooLongError]), read past without being held in memory. The
// Read functions return them as an [ErrorList]; a [Reader] collects them in
// [Reader.Errors] and keeps [Reader.Err] for fatal errors. A folder reader
// skips named pipes, sockets and devices with a [*NotRegularError], never
// opening them.
//
// # Hostile input
//
// A sentence has at most [MaxSentenceTokens] tokens; a line longer than
// 16 KiB is segmented in pieces; a run of punctuation, symbols or emoji
// gives tokens of at most 64 bytes, not one per character. So a megabyte of
// emoji costs less than a megabyte of news (BenchmarkAnalyzeHostile), and
// Analyze, which checks its context between sentences and pieces, returns
// within milliseconds of a cancel even on a 20 MB one-line document.
//
// # Concurrency
//
// An [Analyzer] is immutable after [New] and safe for concurrent use by many
// goroutines; the prose models it uses are loaded once per process and
// shared. Analyze checks its context between sentences and between blocks of
// at most 16 KiB. A [Reader] is not
// safe for concurrent use; read documents in one goroutine and analyse them
// in many.
//
// # Performance
//
// On the bundled 620-word article (testdata/article.txt), BenchmarkAnalyze
// measured 87,000-113,000 words/s (6-8 ms per article, 412 allocations) on
// one core of the shared two-core development machine under heavy load, the
// same as the bare prose pipeline within that noise; prose's tagger takes
// about 70% of the time and its tokenizer about 15%. The models load once per
// process, so building another Analyzer costs about 1 µs.
package corpus

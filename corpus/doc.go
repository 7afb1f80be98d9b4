// Package corpus holds documents and the annotated corpora used to train and
// evaluate newsgraph's models.
//
// A [Document] is an identified UTF-8 text; analysis splits it into
// [Sentence] values made of [Token] values with Penn Treebank tags.
//
// For training and evaluation the package reads CoNLL-2003 and other
// column formats ([ReadCoNLL2003]), Universal NER .iob2 files ([ReadIOB2]),
// Universal Dependencies CoNLL-U treebanks ([ReadCoNLLU]) and users' own
// byte-span annotations in JSON Lines ([ReadSpanJSONL]), and scores predicted
// entity spans against gold ones ([ScoreSpans]).
//
// # Errors
//
// The line-oriented readers never stop at the first bad record: they keep the
// good ones and return an [ErrorList] holding a [*LineError] (file and line)
// for each bad one.
package corpus

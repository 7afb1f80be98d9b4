// Package frame is the engine of relation's frame reader: ordered tables
// of named rules and their walk, the names a relation records of the rules
// that read it, the reader of the frame reader's word classes, and the
// reader of the rules' CoNLL-U test cases.
//
// The rules themselves, which read relation's sentences, stay in package
// relation, whose types (Cue, Slot, Type, Modality) are documented there
// for users; this package knows nothing of them.
package frame

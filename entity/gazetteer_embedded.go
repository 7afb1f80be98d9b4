package entity

import (
	"strings"
)

// readEmbedded reads a default gazetteer file as [ReadGazetteer] does and
// appends its entries to dst, but reads the embedded text in place: fields
// are substrings of text, not copies. Building the default gazetteer of
// some 45,000 entries spends most of its time allocating; this halves it.
// On anything ReadGazetteer would report it falls back to ReadGazetteer,
// for the same error.
func readEmbedded(dst []Entry, text, name string) ([]Entry, error) {
	n0 := len(dst)
	fallback := func() ([]Entry, error) {
		es, err := ReadGazetteer(strings.NewReader(text), name)
		return append(dst[:n0], es...), err
	}
	entries := dst
	var cols []string
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' || strings.HasPrefix(line, "\ufeff") {
			if strings.HasPrefix(line, "\ufeff") {
				return fallback()
			}
			continue
		}
		if cols == nil {
			cols = strings.Split(line, "\t")
			if _, err := header(cols, gazetteerColumns, "id"); err != nil {
				return fallback()
			}
			continue
		}
		var e Entry
		rest := line
		for i := 0; rest != "" || i == 0; i++ {
			if i >= len(cols) {
				return fallback() // more fields than columns
			}
			var f string
			f, rest, _ = strings.Cut(rest, "\t")
			f = strings.TrimSpace(f)
			e.setField(cols[i], f)
			if rest == "" {
				break
			}
		}
		if checkEntry(e) != nil {
			return fallback()
		}
		entries = append(entries, e)
	}
	if cols == nil {
		return fallback()
	}
	return entries, nil
}

package frame

import "strings"

// A Rule reads one party of a frame (the actor or the target of a cue)
// that the cue's own slots left empty, from sentence state S and frame F.
//
// Rules stand in ordered tables that [Walk] walks in order: the first rule
// whose When holds and whose Read gives any entity fills the party. Rules
// of one Group are alternatives: once the When of one of them holds, the
// others of the group are not tried, whatever its Read gave.
type Rule[S, F any] struct {
	Name  string // short, stable, kebab-case: the construction it reads
	Doc   string // the construction, with an example
	Group string // rules that exclude each other, or ""
	When  func(s S, f F) bool
	Read  func(s S, f F) []string
}

// Walk walks table for s and f, and returns the entities and the name of
// the first rule that gave any, or nil and "". tried, when not nil, is
// called for each rule read, with what it gave.
func Walk[S, F any](table []Rule[S, F], s S, f F, tried func(name string, out []string)) ([]string, string) {
	skip := ""
	for i := range table {
		r := &table[i]
		if skip != "" && r.Group == skip {
			continue
		}
		if !r.When(s, f) {
			continue
		}
		if r.Group != "" {
			skip = r.Group
		}
		out := r.Read(s, f)
		if tried != nil {
			tried(r.Name, out)
		}
		if len(out) > 0 {
			return out, r.Name
		}
	}
	return nil, ""
}

// Names are the names of the rules that read a relation: its String is
// relation's Evidence.Rule, "frame=F;actor=A;target=T;then=N" with the
// empty ones left out.
type Names struct {
	Frame, Actor, Target, Then string
}

func (r Names) String() string {
	var b strings.Builder
	b.Grow(len(r.Frame) + len(r.Actor) + len(r.Target) + len(r.Then) + 30)
	for _, p := range [...][2]string{{"frame", r.Frame}, {"actor", r.Actor}, {"target", r.Target}, {"then", r.Then}} {
		if p[1] == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		b.WriteString(p[0])
		b.WriteByte('=')
		b.WriteString(p[1])
	}
	return b.String()
}

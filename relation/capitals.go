package relation

// forCapital returns the country a capital stands for as a party to a
// relation of type t ("Washington criticised Lula", "Kyiv accused
// Moscow", "Beijing responded by banning imports"), or id itself: for a
// place that is no capital, and for a target where the relation is done in
// or to the city itself (a visit, a meeting held there, force used on it, a
// protest held in it). A city never acts: as an actor a capital is always
// its government.
//
// The capitals are the gazetteer's (see [entity.Gazetteer.IsCapital]): a
// user's own gazetteer can add one.
func (s *sentState) forCapital(t Type, id string, actor bool) string {
	if s.d.gaz == nil || !s.d.gaz.IsCapital(id) {
		return id
	}
	if !actor {
		if t == Visit || t == Meet {
			return id
		}
		switch t.PLOVER() {
		case "ASSAULT", "FIGHT", "COERCE", "MOBILIZE", "PROTEST":
			return id
		}
	}
	if c := s.d.impliedCountry(id); c != "" {
		return c
	}
	return id
}

package content

// Row is one page's state in every language, for the translation matrix.
type Row struct {
	ID     string           `json:"id"`
	File   string           `json:"file"` // the source-language file
	States map[string]State `json:"states"`
}

// Totals counts the pages of one language in each state.
type Totals map[State]int

// Matrix returns the state of every page in each language, in page order,
// with totals per language.
func (s *Set) Matrix(langs []string) ([]Row, map[string]Totals) {
	totals := map[string]Totals{}
	for _, l := range langs {
		totals[l] = Totals{}
	}
	rows := make([]Row, 0, len(s.ids))
	for _, id := range s.ids {
		r := Row{ID: id, File: s.Get(id, s.source).File, States: map[string]State{}}
		for _, l := range langs {
			st := s.State(id, l)
			r.States[l] = st
			totals[l][st]++
		}
		rows = append(rows, r)
	}
	return rows, totals
}

// MarshalText writes a state as its name, for JSON.
func (st State) MarshalText() ([]byte, error) { return []byte(st.String()), nil }

package frame

import "testing"

// BenchmarkGroupRowsStrings groups a million rows by a text key with three
// values, as the lessons' group-by on Origin.
func BenchmarkGroupRowsStrings(b *testing.B) {
	keys := []string{"EWR", "JFK", "LGA"}
	v := make([]string, 1<<20)
	for i := range v {
		v[i] = keys[(i*7+i/3)%3]
	}
	a := Strings(v, nil)
	b.ResetTimer()
	for range b.N {
		if _, err := GroupRows(a); err != nil {
			b.Fatal(err)
		}
	}
}

// GroupRows numbers text keys by first appearance whether they fit the
// packed small table (short, few), overflow it (a ninth key, a long key)
// or are missing.
func TestGroupRowsStringsAgreesWithMap(t *testing.T) {
	for _, pool := range [][]string{
		{"EWR", "JFK", "LGA"},
		{"", "a", "ab", "abc", "abcdefg", "abcdefgh", "b", "ba"},
		{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"},
		{"x", "a much longer key", "y", "a much longer key too"},
	} {
		var v []string
		var valid []bool
		for i := 0; i < 500; i++ {
			v = append(v, pool[(i*7+i/5)%len(pool)])
			valid = append(valid, i%17 != 3)
		}
		g, err := GroupRows(Strings(v, valid))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int32{}
		for i, s := range v {
			if !valid[i] {
				if g.IDs[i] != -1 {
					t.Fatalf("%v: missing row %d in group %d", pool, i, g.IDs[i])
				}
				continue
			}
			id, ok := want[s]
			if !ok {
				id = int32(len(want))
				want[s] = id
			}
			if g.IDs[i] != id {
				t.Fatalf("%v: row %d (%q) in group %d, want %d", pool, i, s, g.IDs[i], id)
			}
		}
		if g.N() != len(want) {
			t.Errorf("%v: %d groups, want %d", pool, g.N(), len(want))
		}
	}
}

package frame

import (
	"math"
	"testing"
)

func TestMarshalRoundTrip(t *testing.T) {
	f, err := New([]Column{
		{"x", Float64s([]float64{1.5, math.NaN(), -2})},
		{"n", Int64s([]int64{1, 2, 3})},
		{"s", Strings([]string{"a", "", "c"}, []bool{true, false, true})},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.Index = []Column{{"k", Strings([]string{"p", "q", "r"}, nil)}}
	b, err := Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	v, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	g := v.(*Frame)
	if g.String() != f.String() || g.Rows != 3 || len(g.Index) != 1 || g.Index[0].Name != "k" {
		t.Errorf("round trip changed the frame:\n%s\nwant\n%s", g, f)
	}

	s := &Series{Name: "DepDelay", Index: []Column{{"Origin", Strings([]string{"EWR"}, nil)}}, Data: Float64s([]float64{10.25})}
	if b, err = Marshal(s); err != nil {
		t.Fatal(err)
	}
	if v, err = Unmarshal(b); err != nil {
		t.Fatal(err)
	}
	if got := v.(*Series); got.String() != s.String() {
		t.Errorf("series round trip:\n%s\nwant\n%s", got, s)
	}
	if _, err := Unmarshal([]byte("not arrow")); err == nil {
		t.Error("garbage decoded without error")
	}
}

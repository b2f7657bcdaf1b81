package check

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

func series(index []any, values ...any) Value {
	return Value{Type: "pandas.Series", Shape: []int{len(values)}, Index: index, Values: values}
}

// TestCompare checks each kind of hint: what the learner reads when a
// result differs, and that right answers pass in the forms pandas and
// Dask give them (another row order, an int for a float).
func TestCompare(t *testing.T) {
	want := series([]any{"EWR", "JFK", "LGA"}, 10.5, 2.5, 6.25)
	frame1 := Value{Type: "pandas.DataFrame", Shape: []int{3, 1}, Columns: []string{"DepDelay"}, Index: want.Index, Values: want.Values}
	cases := []struct {
		name      string
		want, got Value
		o         Options
		pass      bool
		hint      string
	}{
		{"same", want, want, Options{}, true, "✓ matches"},
		{"another row order", want, series([]any{"LGA", "EWR", "JFK"}, 6.25, 10.5, 2.5), Options{}, true, "✓"},
		{"order exact", want, series([]any{"LGA", "EWR", "JFK"}, 6.25, 10.5, 2.5), Options{Order: "exact"}, false, "another order"},
		{"a row short", want, series([]any{"EWR", "JFK"}, 10.5, 2.5), Options{}, false, "your result has 2 rows; the expected has 3"},
		{"a frame for a series", want, frame1, Options{}, false, "right values, but a pandas.DataFrame, not a pandas.Series"},
		{"a list for a series", want, Value{Type: "list", Shape: []int{3}, Values: want.Values}, Options{}, false, "right values, but a list, not a pandas.Series"},
		{"not computed", want, Value{Type: "dask.dataframe.Series", Compute: ".compute()"}, Options{}, false, "not computed yet: call .compute()"},
		{"no value", want, Value{Type: "NoneType"}, Options{}, false, "no value to check"},
		{"close", want, series(want.Index, 10.5001, 2.5, 6.25), Options{}, false, "close: within 1e-3"},
		{"within rtol", want, series(want.Index, 10.5000001, 2.5, 6.25), Options{RTol: 1e-6}, true, "✓"},
		{"values differ", want, series(want.Index, 1.0, 2.5, 3.0), Options{}, false, "2 of the 3 values differ from the expected (the first at row \"EWR\")"},
		{"other label", want, series([]any{"EWR", "JFK", "SFO"}, 10.5, 2.5, 6.25), Options{}, false, "a row \"SFO\" that the expected has not"},
		{"int for float", Value{Type: "float", Values: []any{675.0}}, Value{Type: "int", Values: []any{675.0}}, Options{}, true, "✓"},
		{"smaller", Value{Type: "int", Values: []any{44.0}}, Value{Type: "int", Values: []any{36.0}}, Options{}, false, "your value, 36, is smaller than the expected"},
		{"scalar type", Value{Type: "int", Values: []any{44.0}}, Value{Type: "str", Values: []any{"44"}}, Options{}, false, "your result is a str; the expected is an int"},
		{"a series for a scalar", Value{Type: "int", Values: []any{5.0}}, series([]any{0.0}, 5.0), Options{}, false, "right value, but inside a pandas.Series"},
		{"columns", Value{Type: "pandas.DataFrame", Shape: []int{1, 2}, Columns: []string{"a", "b"}, Index: []any{0.0}, Values: []any{1.0, 2.0}},
			Value{Type: "pandas.DataFrame", Shape: []int{1, 2}, Columns: []string{"b", "a"}, Index: []any{0.0}, Values: []any{2.0, 1.0}}, Options{}, true, "✓"},
		{"a column too many", Value{Type: "pandas.DataFrame", Shape: []int{1, 1}, Columns: []string{"a"}, Index: []any{0.0}, Values: []any{1.0}},
			Value{Type: "pandas.DataFrame", Shape: []int{1, 2}, Columns: []string{"a", "c"}, Index: []any{0.0}, Values: []any{1.0, 2.0}}, Options{}, false, "2 columns; the expected has 1"},
	}
	for _, c := range cases {
		r := Compare(c.want, c.got, c.o)
		if r.Pass != c.pass || !strings.Contains(r.Hint, c.hint) {
			t.Errorf("%s: got %+v, want pass=%v and a hint with %q", c.name, r, c.pass, c.hint)
		}
	}
}

// TestOf reduces Starlark's own values; pandas' and numpy's reduce
// themselves (Valuer), tested through the lessons (build's
// TestExerciseChecks).
func TestOf(t *testing.T) {
	d := starlark.NewDict(1)
	d.SetKey(starlark.String("a"), starlark.Float(1.5))
	for _, c := range []struct {
		v    starlark.Value
		want string
	}{
		{starlark.MakeInt(3), `{"type":"int","values":[3]}`},
		{starlark.Float(math.NaN()), `{"type":"float","values":[null]}`},
		{starlark.NewList([]starlark.Value{starlark.True, starlark.String("x"), starlark.None}), `{"type":"list","shape":[3],"values":[true,"x",null]}`},
		{d, `{"type":"dict","shape":[1],"index":["a"],"values":[1.5]}`},
		{nil, `{"type":"NoneType"}`},
	} {
		b, _ := json.Marshal(Of(c.v))
		if string(b) != c.want {
			t.Errorf("Of(%v) = %s, want %s", c.v, b, c.want)
		}
	}
}

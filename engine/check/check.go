// Package check compares a learner's result with an exercise's expected
// one and says how they differ without giving the answer away: "your
// result has 9 rows; the expected has 10", "right values, but a
// DataFrame, not a Series", "close: within 1e-3".
//
// A result is first reduced to a Value (its type, shape, labels and
// values), which is plain JSON: the build reduces each solution's result
// and puts it beside the data, and the page's kernel reduces the
// learner's and compares, so nothing is computed twice and no solution
// code travels with the check.
package check

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"go.starlark.net/starlark"
)

// Limit is how many values a Value keeps: an exercise's answer is small,
// and a learner's huge result differs from it in shape before values.
const Limit = 100_000

// Value is a result reduced to what a check compares.
type Value struct {
	// Type is the Python type's name: "int", "str", "list",
	// "pandas.Series", "numpy.ndarray", "dask.dataframe.Series", …
	Type string `json:"type"`
	// Compute, for a lazy value (a Dask collection, a Delayed, a
	// Future), is what gives its value: ".compute()" or ".result()".
	Compute string `json:"compute,omitempty"`
	// Shape is the number of rows (and columns) of a sequence, Series,
	// DataFrame or array; nil for a scalar.
	Shape []int `json:"shape,omitempty"`
	// Index holds the row labels of a Series or DataFrame (or a dict's
	// keys), Columns a DataFrame's column names.
	Index   []any    `json:"index,omitempty"`
	Columns []string `json:"columns,omitempty"`
	// Values holds the values, row by row: float64 (numbers), bool,
	// string (text, and anything else as its repr) or nil (None, NaN).
	Values []any `json:"values,omitempty"`
	// Truncated is set when there were more than Limit values: only the
	// shape can be compared.
	Truncated bool `json:"truncated,omitempty"`
}

// Valuer is a value that reduces itself for a check: pandas' Series and
// DataFrame, numpy's arrays, Dask's lazy values.
type Valuer interface {
	CheckValue() Value
}

// Of reduces a cell's value (nil when the cell had none).
func Of(v starlark.Value) Value {
	switch v := v.(type) {
	case nil, starlark.NoneType:
		return Value{Type: "NoneType"}
	case Valuer:
		return v.CheckValue()
	case *starlark.List:
		return sequence("list", v)
	case starlark.Tuple:
		return sequence("tuple", v)
	case *starlark.Dict:
		out := Value{Type: "dict", Shape: []int{v.Len()}}
		for _, kv := range v.Items() {
			out.Index = append(out.Index, Scalar(kv[0]))
			out.Values = append(out.Values, Scalar(kv[1]))
		}
		return out
	}
	return Value{Type: v.Type(), Values: []any{Scalar(v)}}
}

func sequence(typ string, s starlark.Indexable) Value {
	out := Value{Type: typ, Shape: []int{s.Len()}}
	if s.Len() > Limit {
		out.Truncated = true
		return out
	}
	for i := 0; i < s.Len(); i++ {
		out.Values = append(out.Values, Scalar(s.Index(i)))
	}
	return out
}

// Scalar is one value as a Value holds it.
func Scalar(v starlark.Value) any {
	switch v := v.(type) {
	case nil, starlark.NoneType:
		return nil
	case starlark.Bool:
		return bool(v)
	case starlark.Int:
		f, _ := starlark.AsFloat(v)
		return f
	case starlark.Float:
		if math.IsNaN(float64(v)) {
			return nil
		}
		return float64(v)
	case starlark.String:
		return string(v)
	}
	if f, ok := v.(interface{ Float() (float64, bool) }); ok {
		if x, ok := f.Float(); ok && !math.IsNaN(x) {
			return x
		}
	}
	return v.String()
}

// Options say how closely a result must match.
type Options struct {
	// RTol and ATol are the relative and absolute tolerances of numbers:
	// a matches b when |a-b| <= ATol + RTol*|b|.
	RTol float64 `json:"rtol,omitempty"`
	ATol float64 `json:"atol,omitempty"`
	// Order "exact" wants labelled rows in the expected order; by
	// default a Series or DataFrame matches in any row order, as Dask
	// returns groups in another order than pandas.
	Order string `json:"order,omitempty"`
}

// DefaultRTol is the relative tolerance when a check sets none: sums
// in another order (Dask's partitions) differ in the last digits.
const DefaultRTol = 1e-6

// Result is a check's outcome: Pass, or a Hint saying how they differ.
type Result struct {
	Pass bool   `json:"pass"`
	Hint string `json:"hint"`
}

func fail(format string, args ...any) Result { return Result{Hint: fmt.Sprintf(format, args...)} }

// Compare checks got against want.
func Compare(want, got Value, o Options) Result {
	if o.RTol == 0 && o.ATol == 0 {
		o.RTol = DefaultRTol
	}
	if got.Compute != "" && want.Compute == "" {
		return fail("your result is a %s, not computed yet: call %s on it to get its value", got.Type, got.Compute)
	}
	if got.Type == "NoneType" && want.Type != "NoneType" {
		return fail("your cell has no value to check: end it with the expression whose value is the answer (print shows a value but gives none)")
	}
	if r, done := compareKinds(want, got, o); done {
		return r
	}
	if len(want.Shape) > 0 && want.Shape[0] != got.Shape[0] {
		return fail("your result has %s; the expected has %s", rows(got), rows(want))
	}
	if len(want.Shape) > 1 && want.Shape[1] != got.Shape[1] {
		return fail("your result has %d columns; the expected has %d", got.Shape[1], want.Shape[1])
	}
	if want.Columns != nil {
		for _, c := range got.Columns {
			if !slices.Contains(want.Columns, c) {
				return fail("your result has a column %q that the expected has not", c)
			}
		}
	}
	if got.Truncated || want.Truncated {
		return fail("your result is too large to compare (more than %d values)", Limit)
	}
	gotValues := got.Values
	if want.Index != nil && got.Index != nil {
		aligned, hint := align(want, got, o.Order == "exact")
		if hint != "" {
			return fail("%s", hint)
		}
		gotValues = aligned
	}
	if got.Columns != nil && want.Columns != nil {
		gotValues = reorderColumns(want.Columns, got.Columns, gotValues)
	}
	return compareValues(want, gotValues, o)
}

// kind is what shape of thing a Value is: "scalar", "1d" (a sequence,
// Series, 1-D array) or "2d" (a DataFrame, 2-D array).
func kind(v Value) string {
	switch len(v.Shape) {
	case 0:
		return "scalar"
	case 1:
		return "1d"
	}
	return "2d"
}

// compareKinds compares what the two are: a Series against a one-column
// DataFrame, a list against a Series. It reports done with a result when
// the kinds alone decide.
func compareKinds(want, got Value, o Options) (Result, bool) {
	wk, gk := kind(want), kind(got)
	if wk == gk {
		if want.Type != got.Type && !numericTypes(want.Type, got.Type) {
			if sameLayout(want, got) && compareValues(want, got.Values, o).Pass {
				return fail("right values, but %s, not %s", article(got.Type), article(want.Type)), true
			}
			if wk == "scalar" {
				return fail("your result is %s; the expected is %s", article(got.Type), article(want.Type)), true
			}
		}
		return Result{}, false
	}
	// A one-column DataFrame for a Series, or the other way round.
	if wk == "1d" && gk == "2d" && got.Shape[1] == 1 && got.Shape[0] == want.Shape[0] {
		if compareValues(want, got.Values, o).Pass {
			return fail("right values, but %s, not %s: select the one column", article(got.Type), article(want.Type)), true
		}
	}
	if wk == "scalar" && gk == "1d" && got.Shape[0] == 1 && !got.Truncated {
		if compareValues(want, got.Values, o).Pass {
			return fail("right value, but inside %s: take the value itself", article(got.Type)), true
		}
	}
	return fail("your result is %s; the expected is %s", describe(got), describe(want)), true
}

func sameLayout(a, b Value) bool {
	if len(a.Shape) != len(b.Shape) || a.Truncated || b.Truncated {
		return false
	}
	for i := range a.Shape {
		if a.Shape[i] != b.Shape[i] {
			return false
		}
	}
	return true
}

// numericTypes reports whether two scalar types are both numbers, which
// compare by value: an int where a float is expected is right.
func numericTypes(a, b string) bool {
	num := func(t string) bool {
		return t == "int" || t == "float" || strings.HasPrefix(t, "numpy.int") || strings.HasPrefix(t, "numpy.float")
	}
	return num(a) && num(b)
}

func article(t string) string {
	if t == "" {
		return "a value"
	}
	switch t[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + t
	}
	return "a " + t
}

func describe(v Value) string {
	switch kind(v) {
	case "scalar":
		return article(v.Type)
	case "1d":
		return fmt.Sprintf("%s of %s", article(v.Type), rows(v))
	}
	return fmt.Sprintf("%s of %s and %d columns", article(v.Type), rows(v), v.Shape[1])
}

func rows(v Value) string {
	if v.Shape[0] == 1 {
		return "1 row"
	}
	return fmt.Sprintf("%d rows", v.Shape[0])
}

// label is a row label as a map key and as the learner reads it.
func label(x any) string {
	switch x := x.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case nil:
		return "NaN"
	}
	return fmt.Sprint(x)
}

// align returns got's values in want's row order, or a hint when the
// labels differ (or, with exact, their order does).
func align(want, got Value, exact bool) ([]any, string) {
	width := 1
	if len(want.Shape) > 1 {
		width = want.Shape[1]
	}
	pos := make(map[string]int, len(got.Index))
	for i, l := range got.Index {
		pos[label(l)] = i
	}
	if len(pos) != len(got.Index) {
		// Repeated labels: only the order can pair the rows.
		return got.Values, ""
	}
	var missing int
	for _, l := range want.Index {
		if _, ok := pos[label(l)]; !ok {
			missing++
		}
	}
	if missing > 0 {
		wanted := make(map[string]bool, len(want.Index))
		for _, l := range want.Index {
			wanted[label(l)] = true
		}
		for _, l := range got.Index {
			if !wanted[label(l)] {
				return nil, fmt.Sprintf("your result has a row %s that the expected has not (%d of the expected rows are missing)", label(l), missing)
			}
		}
		return nil, fmt.Sprintf("the row labels differ: %d of the expected rows are missing", missing)
	}
	out := make([]any, 0, len(got.Values))
	inOrder := true
	for i, l := range want.Index {
		j := pos[label(l)]
		inOrder = inOrder && i == j
		out = append(out, got.Values[j*width:(j+1)*width]...)
	}
	if exact && !inOrder {
		return nil, "right rows, but in another order than the expected"
	}
	return out, ""
}

// reorderColumns puts each row's values in want's column order.
func reorderColumns(want, got []string, values []any) []any {
	if len(want) != len(got) || len(got) == 0 {
		return values
	}
	at := make([]int, len(want))
	same := true
	for i, c := range want {
		at[i] = -1
		for j, g := range got {
			if g == c {
				at[i] = j
			}
		}
		if at[i] < 0 {
			return values
		}
		same = same && at[i] == i
	}
	if same {
		return values
	}
	out := make([]any, 0, len(values))
	for r := 0; r+len(got) <= len(values); r += len(got) {
		for _, j := range at {
			out = append(out, values[r+j])
		}
	}
	return out
}

// compareValues compares want's values with got (in want's order).
func compareValues(want Value, got []any, o Options) Result {
	if len(got) != len(want.Values) {
		return fail("your result has %d values; the expected has %d", len(got), len(want.Values))
	}
	var differ, close int
	first := -1
	var worst float64 // the largest relative difference among numbers
	for i, w := range want.Values {
		g := got[i]
		if equal(w, g) {
			continue
		}
		wf, wok := w.(float64)
		gf, gok := g.(float64)
		if wok && gok {
			d := math.Abs(wf - gf)
			if d <= o.ATol+o.RTol*math.Abs(wf) {
				continue
			}
			rel := d / math.Max(math.Abs(wf), 1e-300)
			worst = math.Max(worst, rel)
			if rel <= 1e-3 {
				close++
			}
		}
		differ++
		if first < 0 {
			first = i
		}
	}
	if differ == 0 {
		return Result{Pass: true, Hint: "✓ matches"}
	}
	if close == differ {
		return fail("close: within 1e-3, but not within the %g this check wants (the largest difference is %.1e of the value)", o.RTol, worst)
	}
	if len(want.Values) == 1 {
		return fail("%s", scalarHint(want.Values[0], got[0]))
	}
	at := ""
	if want.Index != nil {
		width := len(want.Values) / max(len(want.Index), 1)
		at = fmt.Sprintf(" (the first at row %s)", label(want.Index[first/max(width, 1)]))
	}
	return fail("%d of the %d values differ from the expected%s", differ, len(want.Values), at)
}

func equal(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case bool:
		if bf, ok := b.(float64); ok { // True == 1, as in Python
			return (bf == 1) == a && (bf == 0 || bf == 1)
		}
	}
	return a == b
}

// scalarHint says how one value differs, without the expected value.
func scalarHint(want, got any) string {
	wf, wok := want.(float64)
	gf, gok := got.(float64)
	switch {
	case wok && gok && gf > wf:
		return fmt.Sprintf("your value, %v, is larger than the expected", got)
	case wok && gok:
		return fmt.Sprintf("your value, %v, is smaller than the expected", got)
	case got == nil:
		return "your value is missing (None or NaN)"
	}
	return fmt.Sprintf("your value, %s, is not the expected one", label(got))
}

// Spec is an exercise's check as the build writes it beside the data:
// what to compare, how closely, and the expected value its solution gave.
type Spec struct {
	// Name, when set, is the variable to check instead of the cell's
	// value.
	Name string `json:"name,omitempty"`
	Options
	// Hint is the lesson author's advice, added to a failing check's.
	Hint   string `json:"hint,omitempty"`
	Expect Value  `json:"expect"`
}

// Check compares got with the spec's expected value.
func (s Spec) Check(got Value) Result {
	r := Compare(s.Expect, got, s.Options)
	if !r.Pass && s.Hint != "" {
		r.Hint += ". " + s.Hint
	}
	return r
}

package frame

import (
	"slices"
	"strings"
)

// LevelSep joins the levels of a column name under MultiIndex columns:
// ("DepDelay", "mean") is the column "DepDelay\x1fmean". A frame whose
// column names all hold the same number of levels has MultiIndex columns,
// as a group-by with a list of aggregations makes them.
const LevelSep = "\x1f"

// TupleName returns the column name of a MultiIndex column.
func TupleName(levels ...string) string { return strings.Join(levels, LevelSep) }

// Levels splits a column name into its levels (one for a plain name).
func Levels(name string) []string { return strings.Split(name, LevelSep) }

// ColumnLevels returns how many levels f's column names have: 1 for plain
// columns.
func ColumnLevels(f *Frame) int {
	n := 0
	for i, c := range f.Columns {
		k := strings.Count(c.Name, LevelSep) + 1
		if i > 0 && k != n {
			return 1
		}
		n = k
	}
	return max(n, 1)
}

// DisplayName is a column or series name as pandas prints a tuple name:
// "(DepDelay, mean)".
func DisplayName(name string) string {
	if !strings.Contains(name, LevelSep) {
		return name
	}
	return "(" + strings.ReplaceAll(name, LevelSep, ", ") + ")"
}

// SelectLevel returns the columns of f whose first level is key, named by
// their remaining levels (pandas' df["DepDelay"] under MultiIndex columns).
func SelectLevel(f *Frame, key string) (*Frame, bool) {
	if ColumnLevels(f) < 2 {
		return nil, false
	}
	out := &Frame{Index: f.Index, Rows: f.Rows}
	for _, c := range f.Columns {
		if first, rest, _ := strings.Cut(c.Name, LevelSep); first == key {
			out.Columns = append(out.Columns, Column{Name: rest, Data: c.Data})
		}
	}
	return out, len(out.Columns) > 0
}

// SparseLevels returns the header labels of a MultiIndex column with the
// outer levels it shares with the column before (prev, nil for the first)
// left blank, as pandas prints them.
func SparseLevels(prev, cur []string) []string {
	out := slices.Clone(cur)
	for l := 0; l < len(cur)-1 && prev != nil && slices.Equal(cur[:l+1], prev[:l+1]); l++ {
		out[l] = ""
	}
	return out
}

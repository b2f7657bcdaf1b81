package remote

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"go.starlark.net/starlark"

	"burst/engine/frame"
	"burst/engine/lib/pandas"
	"burst/engine/session"
)

// remoteResult is a plan's result as the server sends it (see "POST
// /api/cluster/plan" in server/cluster/README.md): a frame, a series, a
// scalar, or what persist kept.
type remoteResult struct {
	Type string `json:"type"`
	// frame
	Columns []any    `json:"columns"`
	DTypes  []string `json:"dtypes"`
	Data    [][]any  `json:"data"`
	Index   *struct {
		Names  []any    `json:"names"`
		DTypes []string `json:"dtypes"`
		Values [][]any  `json:"values"`
	} `json:"index"`
	// series
	Name   any    `json:"name"`
	DType  string `json:"dtype"`
	Values []any  `json:"values"`
	// scalar
	Value any `json:"value"`
	// persisted
	Kind        string `json:"kind"`
	NPartitions int    `json:"npartitions"`
}

// value builds the pandas value of a result, so that it shows (text and
// HTML) and computes further exactly as a local pandas result does.
func (r *remoteResult) value() (starlark.Value, error) {
	switch r.Type {
	case "frame":
		if len(r.Columns) != len(r.DTypes) || len(r.Columns) != len(r.Data) {
			return nil, fmt.Errorf("OSError: the cluster's frame has %d columns, %d dtypes and %d data lists", len(r.Columns), len(r.DTypes), len(r.Data))
		}
		f := &frame.Frame{}
		for i, c := range r.Columns {
			a, err := remoteColumn(r.DTypes[i], r.Data[i])
			if err != nil {
				return nil, err
			}
			f.Columns = append(f.Columns, frame.Column{Name: columnName(c), Data: a})
		}
		ix, n, err := r.index()
		if err != nil {
			return nil, err
		}
		f.Index, f.Rows = ix, n
		if len(f.Columns) > 0 {
			f.Rows = f.Columns[0].Data.Len()
		}
		return pandas.NewFrame(f), nil
	case "series":
		a, err := remoteColumn(r.DType, r.Values)
		if err != nil {
			return nil, err
		}
		ix, _, err := r.index()
		if err != nil {
			return nil, err
		}
		name := ""
		if r.Name != nil {
			name = columnName(r.Name)
		}
		return pandas.NewSeries(&frame.Series{Name: name, Index: ix, Data: a}), nil
	case "scalar":
		a, err := remoteColumn(r.DType, []any{r.Value})
		if err != nil {
			return nil, err
		}
		if r.Value == nil && !strings.HasPrefix(r.DType, "float") {
			return starlark.None, nil
		}
		return session.CellValue(frame.ValueAt(a, 0)), nil
	}
	return nil, fmt.Errorf("OSError: the cluster sent a result of type %q", r.Type)
}

// index returns the result's index: nil for a RangeIndex (0, 1, … n-1
// without a name), as local frames keep it, else a column per level.
func (r *remoteResult) index() ([]frame.Column, int, error) {
	if r.Index == nil || len(r.Index.Values) == 0 {
		return nil, 0, nil
	}
	ix := r.Index
	if len(ix.Values) != len(ix.DTypes) {
		return nil, 0, fmt.Errorf("OSError: the cluster's index has %d levels and %d dtypes", len(ix.Values), len(ix.DTypes))
	}
	n := len(ix.Values[0])
	if len(ix.Values) == 1 && (len(ix.Names) == 0 || ix.Names[0] == nil) && strings.HasPrefix(ix.DTypes[0], "int") {
		isRange := true
		for i, v := range ix.Values[0] {
			if x, ok := jsonScalar(v).(int64); !ok || x != int64(i) {
				isRange = false
				break
			}
		}
		if isRange {
			return nil, n, nil
		}
	}
	cols := make([]frame.Column, len(ix.Values))
	for l, vs := range ix.Values {
		a, err := remoteColumn(ix.DTypes[l], vs)
		if err != nil {
			return nil, 0, err
		}
		name := ""
		if l < len(ix.Names) && ix.Names[l] != nil {
			name = columnName(ix.Names[l])
		}
		cols[l] = frame.Column{Name: name, Data: a}
	}
	return cols, n, nil
}

// tupleName matches a MultiIndex column label as the bridge writes it:
// "('tip_amount', 'mean')".
var tupleName = regexp.MustCompile(`^\('((?:[^'\\]|\\.)*)', '((?:[^'\\]|\\.)*)'\)$`)

// columnName turns a label from the cluster into a column name; a
// two-level label becomes the name local frames give MultiIndex columns.
func columnName(v any) string {
	s := fmt.Sprint(jsonScalar(v))
	if m := tupleName.FindStringSubmatch(s); m != nil {
		return frame.TupleName(m[1], m[2])
	}
	return s
}

// emptyColumn is an empty column of a dtype the cluster names.
func emptyColumn(dtype string) arrow.Array {
	a, err := remoteColumn(dtype, nil)
	if err != nil {
		return frame.Strings(nil, nil)
	}
	return a
}

// remoteColumn builds a column from the cluster's JSON values: numbers,
// null for missing, "Infinity", ISO dates and durations. Integer columns
// with missing values become float64, as in pandas; dtypes Burst does not
// have (category, string) are object columns of strings.
func remoteColumn(dtype string, vs []any) (arrow.Array, error) {
	switch {
	case strings.HasPrefix(dtype, "int"), strings.HasPrefix(dtype, "uint"), strings.HasPrefix(dtype, "Int"), strings.HasPrefix(dtype, "UInt"):
		ints := make([]int64, len(vs))
		for i, v := range vs {
			x, ok := jsonScalar(v).(int64)
			if !ok {
				return floatColumn(vs)
			}
			ints[i] = x
		}
		return frame.Int64s(ints), nil
	case strings.HasPrefix(dtype, "float"), strings.HasPrefix(dtype, "Float"):
		return floatColumn(vs)
	case dtype == "bool" || dtype == "boolean":
		bs := make([]bool, len(vs))
		for i, v := range vs {
			b, ok := v.(bool)
			if !ok {
				return stringColumn(vs), nil
			}
			bs[i] = b
		}
		return frame.Bools(bs), nil
	case strings.HasPrefix(dtype, "datetime64"):
		ns, valid, err := nanoseconds(vs, "date", func(s string) (int64, error) {
			t, err := parseISO(s)
			return t.UnixNano(), err
		})
		if err != nil {
			return nil, err
		}
		return frame.Timestamps(ns, valid), nil
	case strings.HasPrefix(dtype, "timedelta64"):
		ns, valid, err := nanoseconds(vs, "duration", func(s string) (int64, error) {
			d, err := parseISODuration(s)
			return int64(d), err
		})
		if err != nil {
			return nil, err
		}
		return frame.Durations(ns, valid), nil
	}
	return stringColumn(vs), nil
}

// nanoseconds reads the ISO texts of dates or durations (what) as
// nanoseconds; a value that is not a string is missing (NaT).
func nanoseconds(vs []any, what string, parse func(string) (int64, error)) ([]int64, []bool, error) {
	ns := make([]int64, len(vs))
	valid := make([]bool, len(vs))
	for i, v := range vs {
		s, ok := v.(string)
		if !ok {
			continue // NaT
		}
		n, err := parse(s)
		if err != nil {
			return nil, nil, fmt.Errorf("OSError: the cluster sent the %s %q: %v", what, s, err)
		}
		ns[i], valid[i] = n, true
	}
	return ns, valid, nil
}

func floatColumn(vs []any) (arrow.Array, error) {
	fs := make([]float64, len(vs))
	for i, v := range vs {
		switch x := v.(type) {
		case nil:
			fs[i] = math.NaN()
		case json.Number:
			f, err := x.Float64()
			if err != nil {
				return nil, fmt.Errorf("OSError: the cluster sent the number %q", x)
			}
			fs[i] = f
		case float64:
			fs[i] = x
		case string:
			switch x {
			case "Infinity":
				fs[i] = math.Inf(1)
			case "-Infinity":
				fs[i] = math.Inf(-1)
			default:
				return nil, fmt.Errorf("OSError: the cluster sent %q in a float column", x)
			}
		default:
			return nil, fmt.Errorf("OSError: the cluster sent %v in a float column", v)
		}
	}
	return frame.Float64s(fs), nil
}

func stringColumn(vs []any) arrow.Array {
	ss := make([]string, len(vs))
	valid := make([]bool, len(vs))
	for i, v := range vs {
		switch x := v.(type) {
		case nil:
		case string:
			ss[i], valid[i] = x, true
		case bool:
			ss[i], valid[i] = strconv.FormatBool(x), true
			if x {
				ss[i] = "True"
			} else {
				ss[i] = "False"
			}
		default:
			ss[i], valid[i] = fmt.Sprint(jsonScalar(x)), true
		}
	}
	return frame.Strings(ss, valid)
}

// parseISO reads the bridge's datetimes: "2019-01-01T00:46:40", with
// fractions of a second and an offset when the data had them.
func parseISO(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("not an ISO date")
}

// isoDuration matches pandas' Timedelta.isoformat: "P0DT0H5M0S",
// "-P1DT23H59M59.5S".
var isoDuration = regexp.MustCompile(`^(-)?P(\d+)DT(\d+)H(\d+)M(\d+(?:\.\d+)?)S$`)

func parseISODuration(s string) (time.Duration, error) {
	m := isoDuration.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("not an ISO duration")
	}
	days, _ := strconv.ParseInt(m[2], 10, 64)
	hours, _ := strconv.ParseInt(m[3], 10, 64)
	mins, _ := strconv.ParseInt(m[4], 10, 64)
	secs, _ := strconv.ParseFloat(m[5], 64)
	d := time.Duration(days)*24*time.Hour + time.Duration(hours)*time.Hour + time.Duration(mins)*time.Minute + time.Duration(math.Round(secs*1e9))
	if m[1] == "-" {
		d = -d
	}
	return d, nil
}

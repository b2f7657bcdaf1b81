package frame

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
)

// The .dt and .str accessors of a Series.

// DTFields lists the .dt properties Burst computes.
var DTFields = map[string]bool{"year": true, "month": true, "day": true, "dayofweek": true, "weekday": true, "hour": true, "minute": true, "second": true, "date": true, "dayofyear": true, "quarter": true}

// DT computes a .dt property of datetimes. Numbers are int64, or float64
// with NaN when a value is missing, as pandas does.
func DT(a arrow.Array, field string) (arrow.Array, error) {
	ts, ok := a.(*array.Timestamp)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .dt accessor with datetimelike values")
	}
	if !DTFields[field] {
		return nil, fmt.Errorf("AttributeError: 'DatetimeProperties' object has no attribute '%s'", field)
	}
	n := ts.Len()
	if field == "date" {
		out := make([]string, n)
		valid := make([]bool, n)
		for k := 0; k < n; k++ {
			if ts.IsValid(k) {
				out[k], valid[k] = time.Unix(0, int64(ts.Value(k))).UTC().Format("2006-01-02"), true
			}
		}
		return Strings(out, valid), nil
	}
	v := make([]int64, n)
	for k := 0; k < n; k++ {
		if ts.IsNull(k) {
			continue
		}
		t := time.Unix(0, int64(ts.Value(k))).UTC()
		switch field {
		case "year":
			v[k] = int64(t.Year())
		case "month":
			v[k] = int64(t.Month())
		case "day":
			v[k] = int64(t.Day())
		case "dayofweek", "weekday":
			v[k] = int64((t.Weekday() + 6) % 7) // Monday is 0
		case "hour":
			v[k] = int64(t.Hour())
		case "minute":
			v[k] = int64(t.Minute())
		case "second":
			v[k] = int64(t.Second())
		case "dayofyear":
			v[k] = int64(t.YearDay())
		case "quarter":
			v[k] = int64((t.Month()-1)/3 + 1)
		}
	}
	if ts.NullN() == 0 {
		return Int64s(v), nil
	}
	f := make([]float64, n)
	for k := range f {
		if ts.IsNull(k) {
			f[k] = math.NaN()
		} else {
			f[k] = float64(v[k])
		}
	}
	return Float64s(f), nil
}

// StrMethods lists the .str methods Burst computes.
var StrMethods = map[string]bool{"lower": true, "upper": true, "len": true, "contains": true, "startswith": true, "endswith": true, "slice": true, "strip": true, "replace": true}

// Str applies a .str method. args: contains(pat, regex), startswith(p),
// endswith(p), slice(start, stop) with nil for None, replace(old, new).
func Str(a arrow.Array, method string, args ...any) (arrow.Array, error) {
	s, ok := a.(*array.String)
	if !ok {
		return nil, fmt.Errorf("AttributeError: Can only use .str accessor with string values!")
	}
	n := s.Len()
	strArg := func(i int) (string, error) {
		if i >= len(args) {
			return "", fmt.Errorf("TypeError: str.%s() missing a required argument", method)
		}
		v, ok := args[i].(string)
		if !ok {
			return "", fmt.Errorf("TypeError: str.%s() expects a string, not %s", method, typeName(args[i]))
		}
		return v, nil
	}
	mapStr := func(f func(string) string) arrow.Array { return mapStrings(s, f) }
	// mapBool tests each string. Missing strings give na when it is a
	// bool; by default (nil) they stay missing, and, as pandas cannot hold
	// them in a bool column, the answers become text: an object column of
	// True, False and NaN.
	mapBool := func(f func(string) bool, na any) arrow.Array {
		fill, fillGiven := na.(bool)
		if s.NullN() > 0 && !fillGiven {
			out := make([]string, n)
			valid := make([]bool, n)
			for k := 0; k < n; k++ {
				if s.IsValid(k) {
					out[k], valid[k] = strconv.FormatBool(f(s.Value(k))), true
					out[k] = strings.ToUpper(out[k][:1]) + out[k][1:]
				}
			}
			return Strings(out, valid)
		}
		out := make([]bool, n)
		for k := 0; k < n; k++ {
			if s.IsValid(k) {
				out[k] = f(s.Value(k))
			} else {
				out[k] = fill
			}
		}
		return Bools(out)
	}
	arg := func(i int) any {
		if i < len(args) {
			return args[i]
		}
		return nil
	}
	switch method {
	case "lower":
		return mapStr(strings.ToLower), nil
	case "upper":
		return mapStr(strings.ToUpper), nil
	case "strip":
		return mapStr(strings.TrimSpace), nil
	case "len":
		v := make([]float64, n)
		for k := 0; k < n; k++ {
			if s.IsNull(k) {
				v[k] = math.NaN()
			} else {
				v[k] = float64(utf8.RuneCountInString(s.Value(k)))
			}
		}
		if s.NullN() == 0 {
			return AsType(Float64s(v), Int64)
		}
		return Float64s(v), nil
	case "contains":
		pat, err := strArg(0)
		if err != nil {
			return nil, err
		}
		regex := true
		if b, ok := arg(1).(bool); ok {
			regex = b
		}
		caseSensitive := true
		if b, ok := arg(3).(bool); ok {
			caseSensitive = b
		}
		if !regex {
			if !caseSensitive {
				lp := strings.ToLower(pat)
				return mapBool(func(x string) bool { return strings.Contains(strings.ToLower(x), lp) }, arg(2)), nil
			}
			return mapBool(func(x string) bool { return strings.Contains(x, pat) }, arg(2)), nil
		}
		if !caseSensitive {
			pat = "(?i)" + pat
		}
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("re.error: %v", err)
		}
		return mapBool(re.MatchString, arg(2)), nil
	case "startswith":
		p, err := strArg(0)
		if err != nil {
			return nil, err
		}
		return mapBool(func(x string) bool { return strings.HasPrefix(x, p) }, arg(1)), nil
	case "endswith":
		p, err := strArg(0)
		if err != nil {
			return nil, err
		}
		return mapBool(func(x string) bool { return strings.HasSuffix(x, p) }, arg(1)), nil
	case "replace":
		old, err := strArg(0)
		if err != nil {
			return nil, err
		}
		nw, err := strArg(1)
		if err != nil {
			return nil, err
		}
		return mapStr(func(x string) string { return strings.ReplaceAll(x, old, nw) }), nil
	case "slice":
		bound := func(i int) (int, bool) {
			if i >= len(args) || args[i] == nil {
				return 0, false
			}
			x, ok := asNumeric(args[i])
			if !ok || !x.isInt {
				return 0, false
			}
			return int(x.i[0]), true
		}
		start, hasStart := bound(0)
		stop, hasStop := bound(1)
		return mapStr(func(x string) string {
			r := []rune(x)
			lo, hi := 0, len(r)
			if hasStart {
				lo = clampIndex(start, len(r))
			}
			if hasStop {
				hi = clampIndex(stop, len(r))
			}
			if lo >= hi {
				return ""
			}
			return string(r[lo:hi])
		}), nil
	}
	return nil, fmt.Errorf("AttributeError: 'StringMethods' object has no attribute '%s'", method)
}

// clampIndex resolves a Python slice bound against length n.
func clampIndex(i, n int) int {
	if i < 0 {
		i += n
	}
	return max(0, min(i, n))
}

// mapStrings applies f to every present string of s; missing ones stay
// missing.
func mapStrings(s *array.String, f func(string) string) arrow.Array {
	n := s.Len()
	out := make([]string, n)
	valid := make([]bool, n)
	for k := 0; k < n; k++ {
		if s.IsValid(k) {
			out[k], valid[k] = f(s.Value(k)), true
		}
	}
	return Strings(out, valid)
}

package datetime

import (
	"encoding/json"
	"os"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/session"
)

// Burst's datetime prints and computes what CPython's does on random
// datetimes and durations (testdata/cases.json, written by
// testdata/gen.py with Debian's Python).
func TestAgainstCPython(t *testing.T) {
	data, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		D, TD                          []int
		K                              int
		F                              float64
		Repr, Str, Strftime, Iso       string
		TDRepr, TDStr, Total           string
		Mul, FMul, Div, FloorDiv, Plus string
		ISOCal                         []int `json:"iso_cal"`
		Weekday                        int
		Parsed                         string
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	const format = "%Y-%m-%d %H:%M:%S.%f|%a %A %b %B|%I %p|%j %U %W %w %u|%G %V|%y %C %e|%c|%x %X"
	th := &starlark.Thread{}
	for _, c := range cases {
		d, err := makeDateTime(c.D[0], c.D[1], c.D[2], c.D[3], c.D[4], c.D[5], c.D[6])
		if err != nil {
			t.Fatal(err)
		}
		tdv, err := newTimeDelta(th, nil, nil, []starlark.Tuple{
			{starlark.String("days"), starlark.MakeInt(c.TD[0])},
			{starlark.String("seconds"), starlark.MakeInt(c.TD[1])},
			{starlark.String("microseconds"), starlark.MakeInt(c.TD[2])},
		})
		if err != nil {
			t.Fatal(err)
		}
		td := tdv.(TimeDelta)
		binary := func(op syntax.Token, x, y starlark.Value) string {
			v, err := starlark.Binary(op, x, y)
			if err != nil {
				return err.Error()
			}
			return session.Repr(v)
		}
		strf, _ := strftime(d, format)
		total, _ := td.Attr("total_seconds")
		tot, _ := starlark.Call(th, total, nil, nil)
		plus := binary(syntax.PLUS, d, td)
		if plus == "OverflowError: date value out of range" {
			plus = "OverflowError"
		}
		y, w := d.GoTime().ISOWeek()
		parsed := ""
		if c.Parsed != "" {
			s, _ := strftime(d, "%d/%m/%Y %H:%M:%S.%f")
			p, err := strptime(s, "%d/%m/%Y %H:%M:%S.%f")
			if err != nil {
				t.Fatal(err)
			}
			parsed = session.Repr(p)
		}
		ints := func(a, b, c int) string {
			return session.Repr(starlark.Tuple{starlark.MakeInt(a), starlark.MakeInt(b), starlark.MakeInt(c)})
		}
		for _, check := range [][3]string{
			{"repr", d.String(), c.Repr},
			{"str", d.PyStr(), c.Str},
			{"strftime", strf, c.Strftime},
			{"isoformat", d.isoformat("T", "auto"), c.Iso},
			{"timedelta repr", td.String(), c.TDRepr},
			{"timedelta str", td.PyStr(), c.TDStr},
			{"total_seconds", session.Repr(tot), c.Total},
			{"td * k", binary(syntax.STAR, td, starlark.MakeInt(c.K)), c.Mul},
			{"td * f", binary(syntax.STAR, td, starlark.Float(c.F)), c.FMul},
			{"td / k", binary(syntax.SLASH, td, starlark.MakeInt(c.K)), c.Div},
			{"td // k", binary(syntax.SLASHSLASH, td, starlark.MakeInt(c.K)), c.FloorDiv},
			{"d + td", plus, c.Plus},
			{"isocalendar", ints(y, w, d.weekday()+1), ints(c.ISOCal[0], c.ISOCal[1], c.ISOCal[2])},
			{"strptime", parsed, c.Parsed},
		} {
			if check[1] != check[2] {
				t.Errorf("%s of %s, %s: got %s, CPython %s", check[0], c.Repr, c.TDRepr, check[1], check[2])
			}
		}
		if d.weekday() != c.Weekday {
			t.Errorf("weekday of %s: got %d, CPython %d", c.Repr, d.weekday(), c.Weekday)
		}
	}
}

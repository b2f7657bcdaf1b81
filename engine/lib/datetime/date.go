package datetime

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/session"
)

// Days are counted as Python's ordinals: 0001-01-01 is day 1.
const unixEpochOrdinal = 719163

func ymdToOrd(y, m, d int) int64 {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix()/86400 + unixEpochOrdinal
}

func ordToYMD(ord int64) (y, m, d int) {
	t := time.Unix((ord-unixEpochOrdinal)*86400, 0).UTC()
	y, mm, d := t.Date()
	return y, int(mm), d
}

var (
	minOrd = ymdToOrd(1, 1, 1)
	maxOrd = ymdToOrd(9999, 12, 31)
)

func daysInMonth(y, m int) int { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() }

func checkDate(y, m, d int) error {
	if y < 1 || y > 9999 {
		return fmt.Errorf("ValueError: year %d is out of range", y)
	}
	if m < 1 || m > 12 {
		return fmt.Errorf("ValueError: month must be in 1..12")
	}
	if d < 1 || d > daysInMonth(y, m) {
		return fmt.Errorf("ValueError: day is out of range for month")
	}
	return nil
}

func checkTime(h, mi, s, us int) error {
	switch {
	case h < 0 || h > 23:
		return fmt.Errorf("ValueError: hour must be in 0..23")
	case mi < 0 || mi > 59:
		return fmt.Errorf("ValueError: minute must be in 0..59")
	case s < 0 || s > 59:
		return fmt.Errorf("ValueError: second must be in 0..59")
	case us < 0 || us > 999999:
		return fmt.Errorf("ValueError: microsecond must be in 0..999999")
	}
	return nil
}

func outOfRange() error { return fmt.Errorf("OverflowError: date value out of range") }

func method(recv, name string, fn session.Func) *starlark.Builtin {
	return starlark.NewBuiltin(recv+"."+name, fn)
}

// ---- date ----

// Date is datetime.date.
type Date struct{ ord int64 }

var (
	_ starlark.HasBinary  = Date{}
	_ starlark.Comparable = Date{}
	_ starlark.HasAttrs   = Date{}
)

func dateClass() *Class {
	attrs := map[string]starlark.Value{
		"min":        Date{minOrd},
		"max":        Date{maxOrd},
		"resolution": TimeDelta{days: 1},
		"today": method("date", "today", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return nowLocal().date(), session.NoArgs(b, args, kwargs)
		}),
		"fromisoformat": method("date", "fromisoformat", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &s); err != nil {
				return nil, err
			}
			y, m, d, rest, ok := parseISODate(s)
			if !ok || rest != "" {
				return nil, fmt.Errorf("ValueError: Invalid isoformat string: %s", session.Quote(s))
			}
			if err := checkDate(y, m, d); err != nil {
				return nil, err
			}
			return Date{ymdToOrd(y, m, d)}, nil
		}),
		"fromordinal": method("date", "fromordinal", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var n int64
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &n); err != nil {
				return nil, err
			}
			if n < minOrd || n > maxOrd {
				return nil, fmt.Errorf("ValueError: ordinal must be >= 1")
			}
			return Date{n}, nil
		}),
		"fromtimestamp": method("date", "fromtimestamp", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			dt, err := fromTimestamp(b, args, kwargs, time.Local)
			if err != nil {
				return nil, err
			}
			return dt.date(), nil
		}),
	}
	return &Class{name: "date", new: newDate, attrs: attrs, is: func(v starlark.Value) bool {
		switch v.(type) {
		case Date, DateTime:
			return true // a datetime is a date, as in Python
		}
		return false
	}}
}

func newDate(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var y, m, d int
	if err := starlark.UnpackArgs("date", args, kwargs, "year", &y, "month", &m, "day", &d); err != nil {
		return nil, err
	}
	if err := checkDate(y, m, d); err != nil {
		return nil, err
	}
	return Date{ymdToOrd(y, m, d)}, nil
}

func (d Date) ymd() (int, int, int) { return ordToYMD(d.ord) }

func (d Date) String() string {
	y, m, dd := d.ymd()
	return fmt.Sprintf("datetime.date(%d, %d, %d)", y, m, dd)
}

// PyStr is str(d): its ISO format.
func (d Date) PyStr() string {
	y, m, dd := d.ymd()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// PyFormat is format(d, spec), as f"{d:%d %B}": strftime.
func (d Date) PyFormat(spec string) (string, error) { return strftime(DateTime{ord: d.ord}, spec) }

func (d Date) Type() string                 { return "datetime.date" }
func (d Date) PyClass() string              { return "datetime.date" }
func (d Date) InstanceOf(class string) bool { return class == "date" }
func (d Date) Freeze()                      {}
func (d Date) Truth() starlark.Bool         { return true }
func (d Date) Hash() (uint32, error)        { return starlark.MakeInt64(d.ord).Hash() }

// GoTime is the date at midnight, for pandas.
func (d Date) GoTime() time.Time { return DateTime{ord: d.ord}.GoTime() }

func (d Date) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	o := y.(Date).ord
	c := 0
	if d.ord < o {
		c = -1
	} else if d.ord > o {
		c = 1
	}
	return threeWay(op, c), nil
}

// Operate refuses to order a date against a datetime, as Python does.
func (d Date) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	return mixedCompare(op, x, y)
}

func mixedCompare(op string, x, y starlark.Value) (starlark.Value, error) {
	_, xd := x.(Date)
	_, yd := y.(Date)
	_, xt := x.(DateTime)
	_, yt := y.(DateTime)
	if (xd && yt) || (xt && yd) {
		switch op {
		case "<", "<=", ">", ">=":
			return nil, fmt.Errorf("TypeError: can't compare datetime.datetime to datetime.date")
		}
	}
	return nil, nil
}

// Binary is date ± timedelta (its days) and date − date.
func (d Date) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch o := y.(type) {
	case TimeDelta:
		switch {
		case op == syntax.PLUS:
			return d.addDays(o.days)
		case op == syntax.MINUS && side == starlark.Left:
			return d.addDays(-o.days)
		}
	case Date:
		if op == syntax.MINUS {
			a, b := d.ord, o.ord
			if side == starlark.Right {
				a, b = b, a
			}
			return TimeDelta{days: a - b}, nil
		}
	}
	if deferTo(y) {
		return nil, nil
	}
	return nil, unsupportedOp(op, d, y, side)
}

// deferTo reports whether another library's value (a pandas Series,
// a Timestamp) may handle an operator with a date: Starlark then asks it.
func deferTo(y starlark.Value) bool {
	switch y.(type) {
	case Date, DateTime, Time, TimeDelta:
		return false
	}
	_, ok := y.(starlark.HasBinary)
	return ok
}

func (d Date) addDays(n int64) (starlark.Value, error) {
	o := d.ord + n
	if o < minOrd || o > maxOrd {
		return nil, outOfRange()
	}
	return Date{o}, nil
}

func (d Date) AttrNames() []string {
	return []string{"ctime", "day", "isocalendar", "isoformat", "isoweekday", "max", "min", "month", "replace", "resolution", "strftime", "toordinal", "weekday", "year"}
}

func (d Date) Attr(name string) (starlark.Value, error) {
	y, m, dd := d.ymd()
	switch name {
	case "year":
		return starlark.MakeInt(y), nil
	case "month":
		return starlark.MakeInt(m), nil
	case "day":
		return starlark.MakeInt(dd), nil
	case "replace":
		return method("date", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "year?", &y, "month?", &m, "day?", &dd); err != nil {
				return nil, err
			}
			if err := checkDate(y, m, dd); err != nil {
				return nil, err
			}
			return Date{ymdToOrd(y, m, dd)}, nil
		}), nil
	case "isoformat":
		return method("date", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.String(d.PyStr()), session.NoArgs(b, args, kwargs)
		}), nil
	}
	if v, ok := commonAttr("date", DateTime{ord: d.ord}, name); ok {
		return v, nil
	}
	if v, ok := dateClass().attrs[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("AttributeError: 'datetime.date' object has no attribute '%s'", name)
}

// commonAttr are the methods dates and datetimes share.
func commonAttr(recv string, dt DateTime, name string) (starlark.Value, bool) {
	noArgs := func(f func() starlark.Value) (starlark.Value, bool) {
		return method(recv, name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(), session.NoArgs(b, args, kwargs)
		}), true
	}
	switch name {
	case "weekday":
		return noArgs(func() starlark.Value { return starlark.MakeInt(dt.weekday()) })
	case "isoweekday":
		return noArgs(func() starlark.Value { return starlark.MakeInt(dt.weekday() + 1) })
	case "toordinal":
		return noArgs(func() starlark.Value { return starlark.MakeInt64(dt.ord) })
	case "isocalendar":
		return noArgs(func() starlark.Value {
			y, w := dt.GoTime().ISOWeek()
			return isoCalendar{y, w, dt.weekday() + 1}
		})
	case "ctime":
		return noArgs(func() starlark.Value {
			s, _ := strftime(dt, "%a %b %e %H:%M:%S %Y")
			return starlark.String(s)
		})
	case "strftime":
		return method(recv, name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var f string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "format", &f); err != nil {
				return nil, err
			}
			s, err := strftime(dt, f)
			return starlark.String(s), err
		}), true
	}
	return nil, false
}

// isoCalendar is what isocalendar returns: a tuple with names.
type isoCalendar struct{ year, week, weekday int }

func (c isoCalendar) String() string {
	return fmt.Sprintf("datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)", c.year, c.week, c.weekday)
}
func (c isoCalendar) Type() string          { return "datetime.IsoCalendarDate" }
func (c isoCalendar) Freeze()               {}
func (c isoCalendar) Truth() starlark.Bool  { return true }
func (c isoCalendar) Hash() (uint32, error) { return c.tuple().Hash() }
func (c isoCalendar) tuple() starlark.Tuple {
	return starlark.Tuple{starlark.MakeInt(c.year), starlark.MakeInt(c.week), starlark.MakeInt(c.weekday)}
}
func (c isoCalendar) Len() int                   { return 3 }
func (c isoCalendar) Index(i int) starlark.Value { return c.tuple()[i] }
func (c isoCalendar) Iterate() starlark.Iterator { return c.tuple().Iterate() }
func (c isoCalendar) AttrNames() []string        { return []string{"week", "weekday", "year"} }
func (c isoCalendar) Attr(name string) (starlark.Value, error) {
	switch name {
	case "year":
		return starlark.MakeInt(c.year), nil
	case "week":
		return starlark.MakeInt(c.week), nil
	case "weekday":
		return starlark.MakeInt(c.weekday), nil
	}
	return nil, fmt.Errorf("AttributeError: 'datetime.IsoCalendarDate' object has no attribute '%s'", name)
}

// ---- datetime ----

// DateTime is datetime.datetime, naive: a day and the microseconds
// since its midnight.
type DateTime struct {
	ord int64
	us  int64
}

var (
	_ starlark.HasBinary  = DateTime{}
	_ starlark.Comparable = DateTime{}
	_ starlark.HasAttrs   = DateTime{}
)

func dateTimeClass() *Class {
	attrs := map[string]starlark.Value{
		"min":        DateTime{ord: minOrd},
		"max":        DateTime{ord: maxOrd, us: usPerDay - 1},
		"resolution": TimeDelta{us: 1},
		"now": method("datetime", "now", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var tz starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "tz?", &tz); err != nil {
				return nil, err
			}
			if tz != starlark.None {
				return nil, noTimeZones()
			}
			return nowLocal(), nil
		}),
		"today": method("datetime", "today", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return nowLocal(), session.NoArgs(b, args, kwargs)
		}),
		"utcnow": method("datetime", "utcnow", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return fromGoTime(time.Now().UTC()), session.NoArgs(b, args, kwargs)
		}),
		"fromtimestamp": method("datetime", "fromtimestamp", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return fromTimestamp(b, args, kwargs, time.Local)
		}),
		"utcfromtimestamp": method("datetime", "utcfromtimestamp", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return fromTimestamp(b, args, kwargs, time.UTC)
		}),
		"fromisoformat": method("datetime", "fromisoformat", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &s); err != nil {
				return nil, err
			}
			return parseISODateTime(s)
		}),
		"strptime": method("datetime", "strptime", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s, f string
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &s, &f); err != nil {
				return nil, err
			}
			return strptime(s, f)
		}),
		"combine": method("datetime", "combine", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var d, t, tz starlark.Value = nil, nil, starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "date", &d, "time", &t, "tzinfo?", &tz); err != nil {
				return nil, err
			}
			if tz != starlark.None {
				return nil, noTimeZones()
			}
			var ord int64
			switch d := d.(type) {
			case Date:
				ord = d.ord
			case DateTime:
				ord = d.ord
			default:
				return nil, fmt.Errorf("TypeError: combine() argument 1 must be datetime.date, not %s", session.TypeName(d))
			}
			tt, ok := t.(Time)
			if !ok {
				return nil, fmt.Errorf("TypeError: combine() argument 2 must be datetime.time, not %s", session.TypeName(t))
			}
			return DateTime{ord: ord, us: tt.us}, nil
		}),
		"fromordinal": method("datetime", "fromordinal", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var n int64
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &n); err != nil {
				return nil, err
			}
			if n < minOrd || n > maxOrd {
				return nil, fmt.Errorf("ValueError: ordinal must be >= 1")
			}
			return DateTime{ord: n}, nil
		}),
	}
	return &Class{name: "datetime", new: newDateTime, attrs: attrs, is: func(v starlark.Value) bool { _, ok := v.(DateTime); return ok }}
}

func newDateTime(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var y, m, d, h, mi, s, us, fold int
	var tz starlark.Value = starlark.None
	if err := starlark.UnpackArgs("datetime", args, kwargs, "year", &y, "month", &m, "day", &d, "hour?", &h, "minute?", &mi, "second?", &s, "microsecond?", &us, "tzinfo?", &tz, "fold?", &fold); err != nil {
		return nil, err
	}
	if tz != starlark.None {
		return nil, noTimeZones()
	}
	return makeDateTime(y, m, d, h, mi, s, us)
}

func makeDateTime(y, m, d, h, mi, s, us int) (DateTime, error) {
	if err := checkDate(y, m, d); err != nil {
		return DateTime{}, err
	}
	if err := checkTime(h, mi, s, us); err != nil {
		return DateTime{}, err
	}
	return DateTime{ord: ymdToOrd(y, m, d), us: ((int64(h)*60+int64(mi))*60+int64(s))*usPerSec + int64(us)}, nil
}

func fromGoTime(t time.Time) DateTime {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	dt, _ := makeDateTime(y, int(m), d, h, mi, s, t.Nanosecond()/1000)
	return dt
}

func nowLocal() DateTime { return fromGoTime(time.Now()) }

func fromTimestamp(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, loc *time.Location) (DateTime, error) {
	var ts, tz starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "timestamp", &ts, "tz?", &tz); err != nil {
		return DateTime{}, err
	}
	if tz != starlark.None {
		return DateTime{}, noTimeZones()
	}
	f, ok := starlark.AsFloat(ts)
	if !ok {
		return DateTime{}, fmt.Errorf("TypeError: 'float' object cannot be interpreted as an integer")
	}
	us := math.RoundToEven(f * 1e6)
	sec := math.Floor(us / 1e6)
	t := time.Unix(int64(sec), int64(us-sec*1e6)*1000).In(loc)
	return fromGoTime(t), nil
}

func (t DateTime) date() Date { return Date{t.ord} }

func (t DateTime) clock() (h, mi, s, us int) {
	v := t.us
	return int(v / (3600 * usPerSec)), int(v / (60 * usPerSec) % 60), int(v / usPerSec % 60), int(v % usPerSec)
}

// weekday is Monday 0 … Sunday 6.
func (t DateTime) weekday() int { return int((t.ord + 6) % 7) }

// GoTime is the datetime as a UTC time, for pandas (whose naive
// timestamps are UTC).
func (t DateTime) GoTime() time.Time {
	return time.Unix((t.ord-unixEpochOrdinal)*86400+t.us/usPerSec, (t.us%usPerSec)*1000).UTC()
}

func (t DateTime) String() string {
	y, m, d := ordToYMD(t.ord)
	h, mi, s, us := t.clock()
	parts := []int{y, m, d, h, mi, s, us}
	if us == 0 {
		parts = parts[:6]
		if s == 0 {
			parts = parts[:5]
		}
	}
	strs := make([]string, len(parts))
	for i, p := range parts {
		strs[i] = fmt.Sprint(p)
	}
	return "datetime.datetime(" + strings.Join(strs, ", ") + ")"
}

// PyStr is str(t): "2024-01-02 03:04:00".
func (t DateTime) PyStr() string { return t.isoformat(" ", "auto") }

// PyFormat is format(t, spec): strftime.
func (t DateTime) PyFormat(spec string) (string, error) { return strftime(t, spec) }

func (t DateTime) isoformat(sep, timespec string) string {
	return Date{t.ord}.PyStr() + sep + Time{t.us}.isoformat(timespec)
}

func (t DateTime) Type() string                 { return "datetime.datetime" }
func (t DateTime) PyClass() string              { return "datetime.datetime" }
func (t DateTime) InstanceOf(class string) bool { return class == "datetime" || class == "date" }
func (t DateTime) Freeze()                      {}
func (t DateTime) Truth() starlark.Bool         { return true }
func (t DateTime) Hash() (uint32, error) {
	return starlark.Tuple{starlark.MakeInt64(t.ord), starlark.MakeInt64(t.us)}.Hash()
}

func (t DateTime) cmp(o DateTime) int {
	switch {
	case t.ord != o.ord:
		if t.ord < o.ord {
			return -1
		}
		return 1
	case t.us < o.us:
		return -1
	case t.us > o.us:
		return 1
	}
	return 0
}

func (t DateTime) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	return threeWay(op, t.cmp(y.(DateTime))), nil
}

// Operate refuses to order a datetime against a date, as Python does.
func (t DateTime) Operate(op string, x, y starlark.Value) (starlark.Value, error) {
	return mixedCompare(op, x, y)
}

func (t DateTime) micros() *big.Int {
	v := big.NewInt(t.ord)
	v.Mul(v, big.NewInt(usPerDay))
	return v.Add(v, big.NewInt(t.us))
}

func dateTimeOfMicros(us *big.Int) (starlark.Value, error) {
	ord, rest := new(big.Int).DivMod(us, big.NewInt(usPerDay), new(big.Int))
	if !ord.IsInt64() || ord.Int64() < minOrd || ord.Int64() > maxOrd {
		return nil, outOfRange()
	}
	return DateTime{ord: ord.Int64(), us: rest.Int64()}, nil
}

// Binary is datetime ± timedelta and datetime − datetime.
func (t DateTime) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch o := y.(type) {
	case TimeDelta:
		switch {
		case op == syntax.PLUS:
			return dateTimeOfMicros(new(big.Int).Add(t.micros(), o.micros()))
		case op == syntax.MINUS && side == starlark.Left:
			return dateTimeOfMicros(new(big.Int).Sub(t.micros(), o.micros()))
		}
	case DateTime:
		if op == syntax.MINUS {
			a, b := t.micros(), o.micros()
			if side == starlark.Right {
				a, b = b, a
			}
			return fromMicros(new(big.Int).Sub(a, b))
		}
	}
	if deferTo(y) {
		return nil, nil
	}
	return nil, unsupportedOp(op, t, y, side)
}

func (t DateTime) AttrNames() []string {
	return []string{"combine", "ctime", "date", "day", "fold", "fromisoformat", "hour", "isocalendar", "isoformat", "isoweekday", "max", "microsecond", "min", "minute", "month", "now", "replace", "resolution", "second", "strftime", "strptime", "time", "timestamp", "today", "toordinal", "tzinfo", "weekday", "year"}
}

func (t DateTime) Attr(name string) (starlark.Value, error) {
	y, m, d := ordToYMD(t.ord)
	h, mi, s, us := t.clock()
	switch name {
	case "year":
		return starlark.MakeInt(y), nil
	case "month":
		return starlark.MakeInt(m), nil
	case "day":
		return starlark.MakeInt(d), nil
	case "hour":
		return starlark.MakeInt(h), nil
	case "minute":
		return starlark.MakeInt(mi), nil
	case "second":
		return starlark.MakeInt(s), nil
	case "microsecond":
		return starlark.MakeInt(us), nil
	case "tzinfo":
		return starlark.None, nil
	case "fold":
		return starlark.MakeInt(0), nil
	case "date":
		return method("datetime", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return t.date(), session.NoArgs(b, args, kwargs)
		}), nil
	case "time":
		return method("datetime", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return Time{t.us}, session.NoArgs(b, args, kwargs)
		}), nil
	case "timestamp":
		return method("datetime", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			// A naive datetime is local time, as in Python.
			lt := time.Date(y, time.Month(m), d, h, mi, s, us*1000, time.Local)
			return starlark.Float(float64(lt.Unix()) + float64(us)/1e6), session.NoArgs(b, args, kwargs)
		}), nil
	case "replace":
		return method("datetime", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var tz starlark.Value = starlark.None
			fold := 0
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "year?", &y, "month?", &m, "day?", &d, "hour?", &h, "minute?", &mi, "second?", &s, "microsecond?", &us, "tzinfo?", &tz, "fold?", &fold); err != nil {
				return nil, err
			}
			if tz != starlark.None {
				return nil, noTimeZones()
			}
			return makeDateTime(y, m, d, h, mi, s, us)
		}), nil
	case "isoformat":
		return method("datetime", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			sep, spec := "T", "auto"
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "sep?", &sep, "timespec?", &spec); err != nil {
				return nil, err
			}
			if !validTimespec(spec) {
				return nil, fmt.Errorf("ValueError: Unknown timespec value")
			}
			return starlark.String(t.isoformat(sep, spec)), nil
		}), nil
	}
	if v, ok := commonAttr("datetime", t, name); ok {
		return v, nil
	}
	if v, ok := dateTimeClass().attrs[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("AttributeError: 'datetime.datetime' object has no attribute '%s'", name)
}

// ---- time ----

// Time is datetime.time, naive: microseconds since midnight.
type Time struct{ us int64 }

var (
	_ starlark.Comparable = Time{}
	_ starlark.HasAttrs   = Time{}
)

func timeClass() *Class {
	attrs := map[string]starlark.Value{
		"min":        Time{0},
		"max":        Time{usPerDay - 1},
		"resolution": TimeDelta{us: 1},
		"fromisoformat": method("time", "fromisoformat", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &s); err != nil {
				return nil, err
			}
			us, ok, err := parseISOTime(s)
			if err != nil {
				return nil, err
			}
			if !ok {
				return nil, fmt.Errorf("ValueError: Invalid isoformat string: %s", session.Quote(s))
			}
			return Time{us}, nil
		}),
	}
	return &Class{name: "time", new: newTime, attrs: attrs, is: func(v starlark.Value) bool { _, ok := v.(Time); return ok }}
}

func newTime(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var h, mi, s, us, fold int
	var tz starlark.Value = starlark.None
	if err := starlark.UnpackArgs("time", args, kwargs, "hour?", &h, "minute?", &mi, "second?", &s, "microsecond?", &us, "tzinfo?", &tz, "fold?", &fold); err != nil {
		return nil, err
	}
	if tz != starlark.None {
		return nil, noTimeZones()
	}
	if err := checkTime(h, mi, s, us); err != nil {
		return nil, err
	}
	return Time{((int64(h)*60+int64(mi))*60+int64(s))*usPerSec + int64(us)}, nil
}

func (t Time) String() string {
	h, mi, s, us := DateTime{us: t.us}.clock()
	switch {
	case us != 0:
		return fmt.Sprintf("datetime.time(%d, %d, %d, %d)", h, mi, s, us)
	case s != 0:
		return fmt.Sprintf("datetime.time(%d, %d, %d)", h, mi, s)
	}
	return fmt.Sprintf("datetime.time(%d, %d)", h, mi)
}

// PyStr is str(t): "03:04:00".
func (t Time) PyStr() string { return t.isoformat("auto") }

// PyFormat is format(t, spec): strftime.
func (t Time) PyFormat(spec string) (string, error) {
	return strftime(DateTime{ord: ymdToOrd(1900, 1, 1), us: t.us}, spec)
}

func validTimespec(s string) bool {
	switch s {
	case "auto", "hours", "minutes", "seconds", "milliseconds", "microseconds":
		return true
	}
	return false
}

func (t Time) isoformat(timespec string) string {
	h, mi, s, us := DateTime{us: t.us}.clock()
	switch timespec {
	case "hours":
		return fmt.Sprintf("%02d", h)
	case "minutes":
		return fmt.Sprintf("%02d:%02d", h, mi)
	case "seconds":
		return fmt.Sprintf("%02d:%02d:%02d", h, mi, s)
	case "milliseconds":
		return fmt.Sprintf("%02d:%02d:%02d.%03d", h, mi, s, us/1000)
	case "microseconds":
		return fmt.Sprintf("%02d:%02d:%02d.%06d", h, mi, s, us)
	}
	if us != 0 {
		return fmt.Sprintf("%02d:%02d:%02d.%06d", h, mi, s, us)
	}
	return fmt.Sprintf("%02d:%02d:%02d", h, mi, s)
}

func (t Time) Type() string                 { return "datetime.time" }
func (t Time) PyClass() string              { return "datetime.time" }
func (t Time) InstanceOf(class string) bool { return class == "time" }
func (t Time) Freeze()                      {}
func (t Time) Truth() starlark.Bool         { return true }
func (t Time) Hash() (uint32, error)        { return starlark.MakeInt64(t.us).Hash() }

func (t Time) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	o := y.(Time).us
	c := 0
	if t.us < o {
		c = -1
	} else if t.us > o {
		c = 1
	}
	return threeWay(op, c), nil
}

func (t Time) AttrNames() []string {
	return []string{"fold", "hour", "isoformat", "microsecond", "minute", "replace", "second", "strftime", "tzinfo"}
}

func (t Time) Attr(name string) (starlark.Value, error) {
	h, mi, s, us := DateTime{us: t.us}.clock()
	switch name {
	case "hour":
		return starlark.MakeInt(h), nil
	case "minute":
		return starlark.MakeInt(mi), nil
	case "second":
		return starlark.MakeInt(s), nil
	case "microsecond":
		return starlark.MakeInt(us), nil
	case "tzinfo":
		return starlark.None, nil
	case "fold":
		return starlark.MakeInt(0), nil
	case "isoformat":
		return method("time", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			spec := "auto"
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "timespec?", &spec); err != nil {
				return nil, err
			}
			if !validTimespec(spec) {
				return nil, fmt.Errorf("ValueError: Unknown timespec value")
			}
			return starlark.String(t.isoformat(spec)), nil
		}), nil
	case "strftime":
		return method("time", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var f string
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "format", &f); err != nil {
				return nil, err
			}
			s, err := t.PyFormat(f)
			return starlark.String(s), err
		}), nil
	case "replace":
		return method("time", name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "hour?", &h, "minute?", &mi, "second?", &s, "microsecond?", &us); err != nil {
				return nil, err
			}
			if err := checkTime(h, mi, s, us); err != nil {
				return nil, err
			}
			return Time{((int64(h)*60+int64(mi))*60+int64(s))*usPerSec + int64(us)}, nil
		}), nil
	}
	if v, ok := timeClass().attrs[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("AttributeError: 'datetime.time' object has no attribute '%s'", name)
}

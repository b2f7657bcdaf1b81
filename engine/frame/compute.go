package frame

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"github.com/apache/arrow/go/v15/arrow/bitutil"
	"github.com/apache/arrow/go/v15/arrow/memory"
)

// Element-wise kernels over columns: arithmetic, comparisons, masks and
// conversions, with pandas' dtype rules. An operand is an Arrow array or a
// Go scalar (float64, int64, bool, string, time.Time, time.Duration, nil);
// a scalar stands for a column of that value.

// Timedelta is pandas' timedelta64[ns]: Arrow durations in nanoseconds.
const Timedelta DType = "timedelta64[ns]"

var durationType = &arrow.DurationType{Unit: arrow.Nanosecond}
var timestampType = &arrow.TimestampType{Unit: arrow.Nanosecond}

// timestampUTC is pandas' datetime64[ns, UTC], what to_datetime gives for
// times written with the offset +00:00 (or Z).
var timestampUTC = &arrow.TimestampType{Unit: arrow.Nanosecond, TimeZone: "UTC"}

// UTC is the location of a tz-aware Timestamp (datetime64[ns, UTC]); a
// naive one is in time.UTC. Scalars carry the difference this way.
var UTC = time.FixedZone("UTC", 0)

// timeType is the datetime type of x: tz-aware (UTC) or naive.
func timeType(x any) arrow.DataType {
	switch x := x.(type) {
	case *array.Timestamp:
		return x.DataType()
	case time.Time:
		if x.Location() == UTC {
			return timestampUTC
		}
	}
	return timestampType
}

// numeric is a read-only view of a numeric operand as float64 or int64
// values; a scalar has one value and scalar set.
type numeric struct {
	f      []float64
	i      []int64
	isInt  bool
	scalar bool
}

func (v numeric) float(k int) float64 {
	if v.scalar {
		k = 0
	}
	if v.isInt {
		return float64(v.i[k])
	}
	return v.f[k]
}

func (v numeric) int(k int) int64 {
	if v.scalar {
		k = 0
	}
	return v.i[k]
}

// asNumeric views x as numbers; bools count as 0 and 1.
func asNumeric(x any) (numeric, bool) {
	switch x := x.(type) {
	case *array.Float64:
		return numeric{f: x.Float64Values()}, true
	case *array.Int64:
		return numeric{i: x.Int64Values(), isInt: true}, true
	case *array.Boolean:
		v := make([]int64, x.Len())
		for k := range v {
			if x.Value(k) {
				v[k] = 1
			}
		}
		return numeric{i: v, isInt: true}, true
	case float64:
		return numeric{f: []float64{x}, scalar: true}, true
	case int64:
		return numeric{i: []int64{x}, isInt: true, scalar: true}, true
	case int:
		return numeric{i: []int64{int64(x)}, isInt: true, scalar: true}, true
	case bool:
		b := int64(0)
		if x {
			b = 1
		}
		return numeric{i: []int64{b}, isInt: true, scalar: true}, true
	}
	return numeric{}, false
}

func lenOf(a, b any) int {
	if x, ok := a.(arrow.Array); ok {
		return x.Len()
	}
	if x, ok := b.(arrow.Array); ok {
		return x.Len()
	}
	return 1
}

func typeName(x any) string {
	switch x := x.(type) {
	case arrow.Array:
		return string(DTypeOf(x.DataType()))
	case nil:
		return "NoneType"
	case float64:
		return "float"
	case int64, int:
		return "int"
	case string:
		return "str"
	case time.Time:
		return "Timestamp"
	case time.Duration:
		return "Timedelta"
	}
	return fmt.Sprintf("%T", x)
}

// Arith applies a Python arithmetic operator (+ - * / // % **) element-wise.
// Integers stay integers except for /, and for // and % by zero and ** with
// a negative exponent, which give floats as pandas does. NaN propagates.
func Arith(op string, a, b any) (arrow.Array, error) {
	if r, ok, err := timeArith(op, a, b); ok {
		return r, err
	}
	if op == "+" {
		if r, ok := concatStrings(a, b); ok {
			return r, nil
		}
	}
	x, ok1 := asNumeric(a)
	y, ok2 := asNumeric(b)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("TypeError: unsupported operand type(s) for %s: '%s' and '%s'", op, typeName(a), typeName(b))
	}
	n := lenOf(a, b)
	if x.isInt && y.isInt && op != "/" {
		intOK := true
		switch op {
		case "//", "%":
			for k := 0; k < n && intOK; k++ {
				intOK = y.int(k) != 0
			}
		case "**":
			for k := 0; k < n && intOK; k++ {
				intOK = y.int(k) >= 0
			}
		}
		if intOK {
			out := make([]int64, n)
			switch op {
			case "+":
				for k := range out {
					out[k] = x.int(k) + y.int(k)
				}
			case "-":
				for k := range out {
					out[k] = x.int(k) - y.int(k)
				}
			case "*":
				for k := range out {
					out[k] = x.int(k) * y.int(k)
				}
			case "//":
				for k := range out {
					p, q := x.int(k), y.int(k)
					d := p / q
					if (p%q != 0) && ((p < 0) != (q < 0)) {
						d--
					}
					out[k] = d
				}
			case "%":
				for k := range out {
					p, q := x.int(k), y.int(k)
					m := p % q
					if m != 0 && (m < 0) != (q < 0) {
						m += q
					}
					out[k] = m
				}
			case "**":
				for k := range out {
					out[k] = ipow(x.int(k), y.int(k))
				}
			default:
				return nil, fmt.Errorf("unsupported operator %s", op)
			}
			return Int64s(out), nil
		}
	}
	out := make([]float64, n)
	switch op {
	case "+":
		if !x.scalar && !y.scalar && !x.isInt && !y.isInt {
			for k := range out {
				out[k] = x.f[k] + y.f[k]
			}
		} else {
			for k := range out {
				out[k] = x.float(k) + y.float(k)
			}
		}
	case "-":
		for k := range out {
			out[k] = x.float(k) - y.float(k)
		}
	case "*":
		for k := range out {
			out[k] = x.float(k) * y.float(k)
		}
	case "/":
		for k := range out {
			out[k] = x.float(k) / y.float(k)
		}
	case "//":
		for k := range out {
			p, q := x.float(k), y.float(k)
			if q == 0 {
				out[k] = p / q
				if p == 0 || math.IsNaN(p) {
					out[k] = math.NaN()
				}
				continue
			}
			out[k] = math.Floor(p / q)
		}
	case "%":
		for k := range out {
			p, q := x.float(k), y.float(k)
			m := math.Mod(p, q)
			if m != 0 && (m < 0) != (q < 0) {
				m += q
			}
			out[k] = m
		}
	case "**":
		for k := range out {
			out[k] = math.Pow(x.float(k), y.float(k))
		}
	default:
		return nil, fmt.Errorf("unsupported operator %s", op)
	}
	return Float64s(out), nil
}

func ipow(b, e int64) int64 {
	r := int64(1)
	for e > 0 {
		if e&1 == 1 {
			r *= b
		}
		b *= b
		e >>= 1
	}
	return r
}

func concatStrings(a, b any) (arrow.Array, bool) {
	sa, aok := a.(*array.String)
	sb, bok := b.(*array.String)
	ca, caok := a.(string)
	cb, cbok := b.(string)
	if !(aok || caok) || !(bok || cbok) || (!aok && !bok) {
		return nil, false
	}
	n := lenOf(a, b)
	out := make([]string, n)
	valid := make([]bool, n)
	for k := range out {
		l, r := ca, cb
		ok := true
		if aok {
			l, ok = sa.Value(k), sa.IsValid(k)
		}
		if bok {
			r = sb.Value(k)
			ok = ok && sb.IsValid(k)
		}
		out[k], valid[k] = l+r, ok
	}
	return Strings(out, valid), true
}

// timeArith handles datetimes and timedeltas: timestamp ± timedelta,
// timestamp - timestamp, timedelta ± timedelta, timedelta * number.
func timeArith(op string, a, b any) (arrow.Array, bool, error) {
	ta, tka := timeOperand(a)
	tb, tkb := timeOperand(b)
	if tka == 0 && tkb == 0 {
		return nil, false, nil
	}
	n := lenOf(a, b)
	const ts, td = 1, 2
	var kind int
	switch {
	case tka == ts && tkb == td && (op == "+" || op == "-"), tka == td && tkb == ts && op == "+":
		kind = ts
	case tka == ts && tkb == ts && op == "-", tka == td && tkb == td && (op == "+" || op == "-"):
		kind = td
	case tka == td && tkb == 0 && (op == "*" || op == "/" || op == "//"), tka == 0 && tkb == td && op == "*":
		x, ok := asNumeric(a)
		if tka == td {
			x, ok = asNumeric(b)
		}
		if !ok {
			return nil, true, fmt.Errorf("TypeError: unsupported operand type(s) for %s: '%s' and '%s'", op, typeName(a), typeName(b))
		}
		d := ta
		if tkb == td {
			d = tb
		}
		vals := make([]int64, n)
		valid := make([]bool, n)
		for k := range vals {
			v, ok := d.at(k)
			f := x.float(k)
			if !ok || math.IsNaN(f) {
				continue
			}
			var r float64
			switch op {
			case "*":
				r = float64(v) * f
			case "/":
				r = float64(v) / f
			default:
				r = math.Floor(float64(v) / f)
			}
			vals[k], valid[k] = int64(r), true
		}
		return durations(vals, valid), true, nil
	default:
		return nil, true, fmt.Errorf("TypeError: unsupported operand type(s) for %s: '%s' and '%s'", op, typeName(a), typeName(b))
	}
	vals := make([]int64, n)
	valid := make([]bool, n)
	for k := range vals {
		x, ok1 := ta.at(k)
		y, ok2 := tb.at(k)
		if !ok1 || !ok2 {
			continue
		}
		if op == "+" {
			vals[k] = x + y
		} else {
			vals[k] = x - y
		}
		valid[k] = true
	}
	if kind == ts {
		t := timeType(a)
		if tka != ts {
			t = timeType(b)
		}
		return timestampsOf(t, vals, valid), true, nil
	}
	return durations(vals, valid), true, nil
}

// nanos is a view of datetime or timedelta values as int64 nanoseconds.
type nanos struct {
	v      []int64
	valid  func(int) bool
	scalar bool
}

func (t nanos) at(k int) (int64, bool) {
	if t.scalar {
		k = 0
	}
	if t.valid != nil && !t.valid(k) {
		return 0, false
	}
	return t.v[k], true
}

// timeOperand returns x as nanoseconds and 1 for datetimes, 2 for
// timedeltas, 0 for anything else.
func timeOperand(x any) (nanos, int) {
	switch x := x.(type) {
	case *array.Timestamp:
		return nanos{v: arrow.Int64Traits.CastFromBytes(arrow.TimestampTraits.CastToBytes(x.TimestampValues())), valid: x.IsValid}, 1
	case *array.Duration:
		return nanos{v: arrow.Int64Traits.CastFromBytes(arrow.DurationTraits.CastToBytes(x.DurationValues())), valid: x.IsValid}, 2
	case time.Time:
		return nanos{v: []int64{x.UnixNano()}, scalar: true}, 1
	case time.Duration:
		return nanos{v: []int64{int64(x)}, scalar: true}, 2
	}
	return nanos{}, 0
}

func timestamps(v []int64, valid []bool) arrow.Array {
	return timestampsOf(timestampType, v, valid)
}

// timestampsOf builds datetimes of type t (naive or tz-aware).
func timestampsOf(t arrow.DataType, v []int64, valid []bool) arrow.Array {
	b := array.NewTimestampBuilder(memory.DefaultAllocator, t.(*arrow.TimestampType))
	defer b.Release()
	b.AppendValues(arrow.TimestampTraits.CastFromBytes(arrow.Int64Traits.CastToBytes(v)), valid)
	return b.NewArray()
}

func durations(v []int64, valid []bool) arrow.Array {
	b := array.NewDurationBuilder(memory.DefaultAllocator, durationType)
	defer b.Release()
	b.AppendValues(arrow.DurationTraits.CastFromBytes(arrow.Int64Traits.CastToBytes(v)), valid)
	return b.NewArray()
}

// Timestamps builds a datetime64[ns] array from nanoseconds since the epoch;
// valid may be nil.
func Timestamps(v []int64, valid []bool) arrow.Array { return timestamps(v, valid) }

// Durations builds a timedelta64[ns] array from nanoseconds; valid may be nil.
func Durations(v []int64, valid []bool) arrow.Array { return durations(v, valid) }

// boolsFromBits builds a boolean array without nulls from a bitmap.
func boolsFromBits(bits []byte, n int) *array.Boolean {
	d := array.NewData(arrow.FixedWidthTypes.Boolean, n, []*memory.Buffer{nil, memory.NewBufferBytes(bits)}, nil, 0, 0)
	defer d.Release()
	return array.NewBooleanData(d)
}

// Compare applies a comparison (== != < <= > >=) element-wise and returns
// a mask. Missing values compare false, except with !=, as in pandas.
func Compare(op string, a, b any) (arrow.Array, error) {
	n := lenOf(a, b)
	bits := make([]byte, bitutil.BytesForBits(int64(n)))
	set := func(k int) { bits[k>>3] |= 1 << (k & 7) }
	var cmp func(c int) bool
	switch op {
	case "==":
		cmp = func(c int) bool { return c == 0 }
	case "!=":
		cmp = func(c int) bool { return c != 0 }
	case "<":
		cmp = func(c int) bool { return c < 0 }
	case "<=":
		cmp = func(c int) bool { return c <= 0 }
	case ">":
		cmp = func(c int) bool { return c > 0 }
	case ">=":
		cmp = func(c int) bool { return c >= 0 }
	default:
		return nil, fmt.Errorf("unsupported comparison %s", op)
	}
	missing := op == "!="
	// Datetimes compare with datetimes or date strings.
	if _, tk := timeOperand(a); tk != 0 {
		b = toTimeScalar(b)
	} else if _, tk := timeOperand(b); tk != 0 {
		a = toTimeScalar(a)
	}
	if ta, tka := timeOperand(a); tka != 0 {
		tb, tkb := timeOperand(b)
		if tkb != tka {
			return nil, fmt.Errorf("TypeError: Invalid comparison between dtype=%s and %s", typeName(a), typeName(b))
		}
		for k := 0; k < n; k++ {
			x, ok1 := ta.at(k)
			y, ok2 := tb.at(k)
			if !ok1 || !ok2 {
				if missing {
					set(k)
				}
				continue
			}
			c := 0
			if x < y {
				c = -1
			} else if x > y {
				c = 1
			}
			if cmp(c) {
				set(k)
			}
		}
		return boolsFromBits(bits, n), nil
	}
	x, ok1 := asNumeric(a)
	y, ok2 := asNumeric(b)
	if ok1 && ok2 {
		if x.isInt && y.isInt {
			for k := 0; k < n; k++ {
				p, q := x.int(k), y.int(k)
				c := 0
				if p < q {
					c = -1
				} else if p > q {
					c = 1
				}
				if cmp(c) {
					set(k)
				}
			}
			return boolsFromBits(bits, n), nil
		}
		// The common case, a float column against a number, in one loop
		// per operator.
		if !x.scalar && !x.isInt && y.scalar {
			q := y.float(0)
			v := x.f
			switch op {
			case ">":
				for k, p := range v {
					if p > q {
						set(k)
					}
				}
				return boolsFromBits(bits, n), nil
			case "<":
				for k, p := range v {
					if p < q {
						set(k)
					}
				}
				return boolsFromBits(bits, n), nil
			}
		}
		for k := 0; k < n; k++ {
			p, q := x.float(k), y.float(k)
			if p != p || q != q {
				if missing {
					set(k)
				}
				continue
			}
			c := 0
			if p < q {
				c = -1
			} else if p > q {
				c = 1
			}
			if cmp(c) {
				set(k)
			}
		}
		return boolsFromBits(bits, n), nil
	}
	sa, aok := a.(*array.String)
	sb, bok := b.(*array.String)
	ca, caok := a.(string)
	cb, cbok := b.(string)
	if (aok || caok) && (bok || cbok) {
		for k := 0; k < n; k++ {
			l, r := ca, cb
			valid := true
			if aok {
				l, valid = sa.Value(k), sa.IsValid(k)
			}
			if bok {
				r = sb.Value(k)
				valid = valid && sb.IsValid(k)
			}
			if !valid {
				if missing {
					set(k)
				}
				continue
			}
			if cmp(strings.Compare(l, r)) {
				set(k)
			}
		}
		return boolsFromBits(bits, n), nil
	}
	if op == "==" || op == "!=" {
		// Different kinds are never equal (pandas compares object-wise).
		if op == "!=" {
			for k := 0; k < n; k++ {
				set(k)
			}
		}
		return boolsFromBits(bits, n), nil
	}
	return nil, fmt.Errorf("TypeError: '%s' not supported between instances of '%s' and '%s'", op, typeName(a), typeName(b))
}

// toTimeScalar turns a date string into a time, for df.Date > "1995-01-01".
func toTimeScalar(x any) any {
	if s, ok := x.(string); ok {
		if t, ok := ParseTime(s); ok {
			return t
		}
	}
	return x
}

var timeLayouts = []string{"2006-01-02", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999", "01/02/2006", "1/2/2006", "2006/01/02", "2006 1 2", "20060102"}

// ParseTime parses the date and time spellings pandas' to_datetime accepts
// most often.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// offsetLayouts are the spellings of times with a UTC offset.
var offsetLayouts = []string{"2006-01-02 15:04:05Z07:00", "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02 15:04:05Z0700", "2006-01-02T15:04:05Z0700"}

// parseTimeOffset parses a time written with its UTC offset, returned in
// seconds.
func parseTimeOffset(s string) (time.Time, int, bool) {
	s = strings.TrimSpace(s)
	for _, l := range offsetLayouts {
		if t, err := time.Parse(l, s); err == nil {
			_, off := t.Zone()
			return t, off, true
		}
	}
	return time.Time{}, 0, false
}

// AsMask returns a as a boolean mask, or an error naming what it is.
func AsMask(a arrow.Array) (*array.Boolean, error) {
	b, ok := a.(*array.Boolean)
	if !ok {
		return nil, fmt.Errorf("TypeError: a mask must be a boolean Series, not %s", DTypeOf(a.DataType()))
	}
	return b, nil
}

// Logic applies & | ^ to masks, or to integers bitwise.
func Logic(op string, a, b any) (arrow.Array, error) {
	ba, aok := a.(*array.Boolean)
	bb, bok := b.(*array.Boolean)
	sa, saok := a.(bool)
	sb, sbok := b.(bool)
	if (aok || saok) && (bok || sbok) {
		n := lenOf(a, b)
		bits := make([]byte, bitutil.BytesForBits(int64(n)))
		full := func(v bool) []byte {
			out := make([]byte, len(bits))
			if v {
				for i := range out {
					out[i] = 0xff
				}
			}
			return out
		}
		x, y := full(sa), full(sb)
		if aok {
			x = packed(ba)
		}
		if bok {
			y = packed(bb)
		}
		for i := range bits {
			switch op {
			case "&":
				bits[i] = x[i] & y[i]
			case "|":
				bits[i] = x[i] | y[i]
			case "^":
				bits[i] = x[i] ^ y[i]
			}
		}
		return boolsFromBits(bits, n), nil
	}
	x, ok1 := asNumeric(a)
	y, ok2 := asNumeric(b)
	if ok1 && ok2 && x.isInt && y.isInt {
		n := lenOf(a, b)
		out := make([]int64, n)
		for k := range out {
			switch op {
			case "&":
				out[k] = x.int(k) & y.int(k)
			case "|":
				out[k] = x.int(k) | y.int(k)
			case "^":
				out[k] = x.int(k) ^ y.int(k)
			}
		}
		return Int64s(out), nil
	}
	return nil, fmt.Errorf("TypeError: unsupported operand type(s) for %s: '%s' and '%s'", op, typeName(a), typeName(b))
}

// packed returns a's values as a bitmap starting at bit 0.
func packed(a *array.Boolean) []byte {
	n := a.Len()
	out := make([]byte, bitutil.BytesForBits(int64(n)))
	buf := a.Data().Buffers()[1].Bytes()
	off := a.Data().Offset()
	if off == 0 {
		copy(out, buf)
		return out
	}
	for k := 0; k < n; k++ {
		if bitutil.BitIsSet(buf, off+k) {
			out[k>>3] |= 1 << (k & 7)
		}
	}
	return out
}

// Invert is ~: logical not for masks, bitwise not for integers.
func Invert(a arrow.Array) (arrow.Array, error) {
	switch a := a.(type) {
	case *array.Boolean:
		bits := packed(a)
		for i := range bits {
			bits[i] = ^bits[i]
		}
		return boolsFromBits(bits, a.Len()), nil
	case *array.Int64:
		out := make([]int64, a.Len())
		for k, v := range a.Int64Values() {
			out[k] = ^v
		}
		return Int64s(out), nil
	}
	return nil, fmt.Errorf("TypeError: bad operand type for unary ~: '%s'", DTypeOf(a.DataType()))
}

// Neg is unary minus.
func Neg(a arrow.Array) (arrow.Array, error) {
	if _, ok := a.(*array.Boolean); ok {
		return nil, fmt.Errorf("TypeError: The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
	}
	if d, ok := a.(*array.Duration); ok {
		return Arith("*", d, int64(-1))
	}
	return Arith("*", a, int64(-1))
}

// Abs is abs().
func Abs(a arrow.Array) (arrow.Array, error) {
	switch a := a.(type) {
	case *array.Float64:
		out := make([]float64, a.Len())
		for k, v := range a.Float64Values() {
			out[k] = math.Abs(v)
		}
		return Float64s(out), nil
	case *array.Int64:
		out := make([]int64, a.Len())
		for k, v := range a.Int64Values() {
			if v < 0 {
				v = -v
			}
			out[k] = v
		}
		return Int64s(out), nil
	}
	return nil, fmt.Errorf("TypeError: bad operand type for abs(): '%s'", DTypeOf(a.DataType()))
}

// Round rounds to decimals places, halves to even, as numpy does.
func Round(a arrow.Array, decimals int) (arrow.Array, error) {
	switch a := a.(type) {
	case *array.Float64:
		p := math.Pow(10, float64(decimals))
		out := make([]float64, a.Len())
		for k, v := range a.Float64Values() {
			out[k] = math.RoundToEven(v*p) / p
		}
		return Float64s(out), nil
	case *array.Int64, *array.Boolean:
		return a, nil
	}
	return nil, fmt.Errorf("TypeError: cannot round %s values", DTypeOf(a.DataType()))
}

// IsNA marks missing values: NaN, null strings, NaT.
func IsNA(a arrow.Array) arrow.Array {
	n := a.Len()
	bits := make([]byte, bitutil.BytesForBits(int64(n)))
	if f, ok := a.(*array.Float64); ok {
		for k, v := range f.Float64Values() {
			if v != v {
				bits[k>>3] |= 1 << (k & 7)
			}
		}
	} else if a.NullN() > 0 {
		for k := 0; k < n; k++ {
			if a.IsNull(k) {
				bits[k>>3] |= 1 << (k & 7)
			}
		}
	}
	return boolsFromBits(bits, n)
}

// FillNA replaces missing values by v.
func FillNA(a arrow.Array, v any) (arrow.Array, error) {
	switch a := a.(type) {
	case *array.Float64:
		x, ok := asNumeric(v)
		if !ok {
			return nil, fmt.Errorf("TypeError: cannot fill a float column with %s", typeName(v))
		}
		fill := x.float(0)
		out := make([]float64, a.Len())
		for k, y := range a.Float64Values() {
			if y != y {
				y = fill
			}
			out[k] = y
		}
		return Float64s(out), nil
	case *array.String:
		s, ok := v.(string)
		if !ok {
			s = fmt.Sprint(v)
		}
		out := make([]string, a.Len())
		for k := range out {
			if a.IsValid(k) {
				out[k] = a.Value(k)
			} else {
				out[k] = s
			}
		}
		return Strings(out, nil), nil
	}
	return a, nil
}

// AsType converts a to dtype t.
func AsType(a arrow.Array, t DType) (arrow.Array, error) {
	from := DTypeOf(a.DataType())
	if from == t {
		return a, nil
	}
	n := a.Len()
	switch t {
	case Float64:
		if s, ok := a.(*array.String); ok {
			out := make([]float64, n)
			for k := range out {
				if s.IsNull(k) {
					out[k] = math.NaN()
					continue
				}
				f, err := strconv.ParseFloat(strings.TrimSpace(s.Value(k)), 64)
				if err != nil {
					return nil, fmt.Errorf("ValueError: could not convert string to float: '%s'", s.Value(k))
				}
				out[k] = f
			}
			return Float64s(out), nil
		}
		x, ok := asNumeric(a)
		if !ok {
			break
		}
		out := make([]float64, n)
		for k := range out {
			out[k] = x.float(k)
		}
		return Float64s(out), nil
	case Int64:
		if f, ok := a.(*array.Float64); ok {
			out := make([]int64, n)
			for k, v := range f.Float64Values() {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					return nil, fmt.Errorf("ValueError: Cannot convert non-finite values (NA or inf) to integer")
				}
				out[k] = int64(v)
			}
			return Int64s(out), nil
		}
		if s, ok := a.(*array.String); ok {
			out := make([]int64, n)
			for k := range out {
				i, err := strconv.ParseInt(strings.TrimSpace(s.Value(k)), 10, 64)
				if err != nil || s.IsNull(k) {
					return nil, fmt.Errorf("ValueError: invalid literal for int() with base 10: '%s'", s.Value(k))
				}
				out[k] = i
			}
			return Int64s(out), nil
		}
		if x, ok := asNumeric(a); ok {
			return Int64s(x.i), nil
		}
		if ts, ok := a.(*array.Timestamp); ok {
			v, _ := timeOperand(ts)
			return Int64s(append([]int64(nil), v.v...)), nil
		}
	case Bool:
		bits := make([]byte, bitutil.BytesForBits(int64(n)))
		switch a := a.(type) {
		case *array.Float64:
			for k, v := range a.Float64Values() {
				if v != 0 {
					bits[k>>3] |= 1 << (k & 7)
				}
			}
		case *array.Int64:
			for k, v := range a.Int64Values() {
				if v != 0 {
					bits[k>>3] |= 1 << (k & 7)
				}
			}
		case *array.String:
			for k := 0; k < n; k++ {
				if a.IsNull(k) || a.Value(k) != "" {
					bits[k>>3] |= 1 << (k & 7)
				}
			}
		default:
			return nil, fmt.Errorf("TypeError: cannot convert %s to bool", from)
		}
		return boolsFromBits(bits, n), nil
	case Object:
		vals := formatPlain(a)
		valid := make([]bool, n)
		for k := range valid {
			valid[k] = !a.IsNull(k)
			if f, ok := a.(*array.Float64); ok && math.IsNaN(f.Value(k)) {
				vals[k] = "nan"
			}
		}
		return Strings(vals, valid), nil
	case Datetime:
		return ToDatetime(a)
	}
	return nil, fmt.Errorf("TypeError: cannot convert %s to %s", from, t)
}

// formatPlain formats values as Python's str() does.
func formatPlain(a arrow.Array) []string {
	n := a.Len()
	out := make([]string, n)
	switch a := a.(type) {
	case *array.Float64:
		for k, v := range a.Float64Values() {
			out[k] = PyFloat(v)
		}
	case *array.Int64:
		for k, v := range a.Int64Values() {
			out[k] = strconv.FormatInt(v, 10)
		}
	case *array.Boolean:
		for k := 0; k < n; k++ {
			if a.Value(k) {
				out[k] = "True"
			} else {
				out[k] = "False"
			}
		}
	case *array.String:
		for k := 0; k < n; k++ {
			out[k] = a.Value(k)
		}
	default:
		for k := 0; k < n; k++ {
			out[k] = a.ValueStr(k)
		}
	}
	return out
}

// PyFloat formats x as Python's repr of a float.
func PyFloat(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	if x == math.Trunc(x) && math.Abs(x) < 1e16 {
		return strconv.FormatFloat(x, 'f', 1, 64)
	}
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if strings.Contains(s, "e") {
		// Python writes 1e-05 where Go writes 1e-05 too, but 1e+16 as 1e+16.
		return s
	}
	return s
}

// ToDatetime parses strings (or converts integers as nanoseconds) into
// datetime64[ns], as pd.to_datetime.
func ToDatetime(a arrow.Array) (arrow.Array, error) {
	switch a := a.(type) {
	case *array.Timestamp:
		return a, nil
	case *array.String:
		n := a.Len()
		v := make([]int64, n)
		valid := make([]bool, n)
		aware, naive := 0, 0
		for k := 0; k < n; k++ {
			if a.IsNull(k) {
				continue
			}
			s := a.Value(k)
			t, ok := ParseTime(s)
			if !ok {
				var off int
				if t, off, ok = parseTimeOffset(s); ok {
					if off != 0 {
						return nil, fmt.Errorf("NotImplementedError: to_datetime of %q: Burst reads times at the UTC offset +00:00 only", s)
					}
					aware++
				}
			} else {
				naive++
			}
			if !ok {
				return nil, fmt.Errorf("ParserError: Unknown string format: %s", s)
			}
			v[k], valid[k] = t.UnixNano(), true
		}
		if aware > 0 {
			if naive > 0 {
				return nil, fmt.Errorf("NotImplementedError: to_datetime of times with and without a UTC offset")
			}
			return timestampsOf(timestampUTC, v, valid), nil
		}
		return timestamps(v, valid), nil
	case *array.Int64:
		return timestamps(append([]int64(nil), a.Int64Values()...), nil), nil
	}
	return nil, fmt.Errorf("TypeError: cannot convert %s to datetime64[ns]", DTypeOf(a.DataType()))
}

// Units maps pandas' to_timedelta units to nanoseconds.
var Units = map[string]int64{
	"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9, "sec": 1e9, "seconds": 1e9, "second": 1e9,
	"m": 60e9, "min": 60e9, "minute": 60e9, "minutes": 60e9, "T": 60e9,
	"h": 3600e9, "H": 3600e9, "hour": 3600e9, "hours": 3600e9,
	"D": 86400e9, "d": 86400e9, "day": 86400e9, "days": 86400e9,
	"W": 7 * 86400e9, "w": 7 * 86400e9,
}

// ToTimedelta converts numbers in unit into timedelta64[ns], as
// pd.to_timedelta(x, unit=...). NaN becomes NaT.
func ToTimedelta(a arrow.Array, unit string) (arrow.Array, error) {
	u, ok := Units[unit]
	if !ok {
		return nil, fmt.Errorf("ValueError: invalid unit abbreviation: %s", unit)
	}
	n := a.Len()
	v := make([]int64, n)
	valid := make([]bool, n)
	switch a := a.(type) {
	case *array.Int64:
		for k, x := range a.Int64Values() {
			v[k], valid[k] = x*u, true
		}
	case *array.Float64:
		for k, x := range a.Float64Values() {
			if x == x {
				v[k], valid[k] = int64(math.Round(x*float64(u))), true
			}
		}
	case *array.Duration:
		return a, nil
	default:
		return nil, fmt.Errorf("TypeError: cannot convert %s to timedelta64[ns]", DTypeOf(a.DataType()))
	}
	return durations(v, valid), nil
}

// IsIn marks values found in set.
func IsIn(a arrow.Array, set []any) (arrow.Array, error) {
	n := a.Len()
	bits := make([]byte, bitutil.BytesForBits(int64(n)))
	switch a := a.(type) {
	case *array.String:
		m := map[string]bool{}
		for _, x := range set {
			if s, ok := x.(string); ok {
				m[s] = true
			}
		}
		for k := 0; k < n; k++ {
			if a.IsValid(k) && m[a.Value(k)] {
				bits[k>>3] |= 1 << (k & 7)
			}
		}
	default:
		x, ok := asNumeric(a)
		if !ok {
			return nil, fmt.Errorf("TypeError: isin is not supported for %s", DTypeOf(a.DataType()))
		}
		m := map[float64]bool{}
		for _, s := range set {
			if y, ok := asNumeric(s); ok {
				m[y.float(0)] = true
			}
		}
		for k := 0; k < n; k++ {
			if m[x.float(k)] {
				bits[k>>3] |= 1 << (k & 7)
			}
		}
	}
	return boolsFromBits(bits, n), nil
}

// Broadcast returns a column of n copies of the scalar v.
func Broadcast(v any, n int) (arrow.Array, error) {
	switch x := v.(type) {
	case float64:
		out := make([]float64, n)
		for i := range out {
			out[i] = x
		}
		return Float64s(out), nil
	case int64, int:
		y, _ := asNumeric(x)
		out := make([]int64, n)
		for i := range out {
			out[i] = y.i[0]
		}
		return Int64s(out), nil
	case bool:
		out := make([]bool, n)
		for i := range out {
			out[i] = x
		}
		return Bools(out), nil
	case string:
		out := make([]string, n)
		for i := range out {
			out[i] = x
		}
		return Strings(out, nil), nil
	case nil:
		out := make([]float64, n)
		for i := range out {
			out[i] = math.NaN()
		}
		return Float64s(out), nil
	case time.Time:
		out := make([]int64, n)
		for i := range out {
			out[i] = x.UnixNano()
		}
		return timestampsOf(timeType(x), out, nil), nil
	case time.Duration:
		out := make([]int64, n)
		for i := range out {
			out[i] = int64(x)
		}
		return durations(out, nil), nil
	}
	return nil, fmt.Errorf("TypeError: cannot make a column of %s", typeName(v))
}

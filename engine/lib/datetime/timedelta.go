package datetime

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/session"
)

const (
	usPerSec = int64(1_000_000)
	usPerDay = 86400 * usPerSec
	maxDays  = 999_999_999
)

// TimeDelta is datetime.timedelta, normalized as Python keeps it: days
// may be negative, 0 <= seconds < 86400, 0 <= microseconds < 10**6.
type TimeDelta struct {
	days, secs, us int64
}

var (
	_ starlark.HasBinary  = TimeDelta{}
	_ starlark.Comparable = TimeDelta{}
	_ starlark.HasUnary   = TimeDelta{}
	_ starlark.HasAttrs   = TimeDelta{}
)

// micros is the duration in microseconds, exactly.
func (d TimeDelta) micros() *big.Int {
	v := big.NewInt(d.days)
	v.Mul(v, big.NewInt(usPerDay))
	return v.Add(v, big.NewInt(d.secs*usPerSec+d.us))
}

// fromMicros normalizes a duration in microseconds; out of timedelta's
// range is Python's OverflowError.
func fromMicros(us *big.Int) (TimeDelta, error) {
	days, rest := new(big.Int).DivMod(us, big.NewInt(usPerDay), new(big.Int))
	if !days.IsInt64() || days.Int64() > math.MaxInt32 || days.Int64() < math.MinInt32 {
		// CPython keeps days in a C int.
		return TimeDelta{}, fmt.Errorf("OverflowError: Python int too large to convert to C int")
	}
	if days.Int64() > maxDays || days.Int64() < -maxDays {
		return TimeDelta{}, fmt.Errorf("OverflowError: days=%s; must have magnitude <= %d", days, maxDays)
	}
	r := rest.Int64()
	return TimeDelta{days: days.Int64(), secs: r / usPerSec, us: r % usPerSec}, nil
}

func deltaMicros(us int64) TimeDelta {
	d, _ := fromMicros(big.NewInt(us))
	return d
}

// roundRat rounds to the nearest integer, halves to even, as Python's
// timedelta rounds microseconds.
func roundRat(r *big.Rat) *big.Int {
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).DivMod(num, den, new(big.Int))
	twice := new(big.Int).Mul(m, big.NewInt(2))
	switch twice.Cmp(den) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// ratOf is an int or a float as an exact fraction.
func ratOf(v starlark.Value) (*big.Rat, bool) {
	switch v := v.(type) {
	case starlark.Int:
		return new(big.Rat).SetInt(v.BigInt()), true
	case starlark.Float:
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return nil, false
		}
		return new(big.Rat).SetFloat64(float64(v)), true
	}
	return nil, false
}

func newTimeDelta(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	names := []string{"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"}
	factors := []int64{usPerDay, usPerSec, 1, 1000, 60 * usPerSec, 3600 * usPerSec, 7 * usPerDay}
	vals := make([]starlark.Value, len(names))
	pairs := make([]any, 0, 2*len(names))
	for i, n := range names {
		pairs = append(pairs, n+"?", &vals[i])
	}
	if err := starlark.UnpackArgs("timedelta", args, kwargs, pairs...); err != nil {
		return nil, err
	}
	total := new(big.Rat)
	for i, v := range vals {
		if v == nil {
			continue
		}
		r, ok := ratOf(v)
		if !ok {
			if f, isF := v.(starlark.Float); isF {
				return nil, fmt.Errorf("ValueError: cannot convert float %s to integer", session.Repr(f))
			}
			return nil, fmt.Errorf("TypeError: unsupported type for timedelta %s component: %s", names[i], session.TypeName(v))
		}
		total.Add(total, r.Mul(r, new(big.Rat).SetInt64(factors[i])))
	}
	return fromMicros(roundRat(total))
}

func (d TimeDelta) String() string {
	var parts []string
	if d.days != 0 {
		parts = append(parts, fmt.Sprintf("days=%d", d.days))
	}
	if d.secs != 0 {
		parts = append(parts, fmt.Sprintf("seconds=%d", d.secs))
	}
	if d.us != 0 {
		parts = append(parts, fmt.Sprintf("microseconds=%d", d.us))
	}
	if len(parts) == 0 {
		return "datetime.timedelta(0)"
	}
	return "datetime.timedelta(" + strings.Join(parts, ", ") + ")"
}

// PyStr is str(d): "1 day, 1:00:00".
func (d TimeDelta) PyStr() string {
	s := fmt.Sprintf("%d:%02d:%02d", d.secs/3600, d.secs/60%60, d.secs%60)
	if d.days != 0 {
		plural := "s"
		if d.days == 1 || d.days == -1 {
			plural = ""
		}
		s = fmt.Sprintf("%d day%s, ", d.days, plural) + s
	}
	if d.us != 0 {
		s += fmt.Sprintf(".%06d", d.us)
	}
	return s
}

func (d TimeDelta) Type() string                 { return "datetime.timedelta" }
func (d TimeDelta) PyClass() string              { return "datetime.timedelta" }
func (d TimeDelta) InstanceOf(class string) bool { return class == "timedelta" }
func (d TimeDelta) Freeze()                      {}
func (d TimeDelta) Truth() starlark.Bool         { return d != TimeDelta{} }
func (d TimeDelta) Hash() (uint32, error) {
	return starlark.Tuple{starlark.MakeInt64(d.days), starlark.MakeInt64(d.secs), starlark.MakeInt64(d.us)}.Hash()
}

// GoDuration is the duration for pandas (which holds nanoseconds).
func (d TimeDelta) GoDuration() (int64, bool) {
	us := d.micros()
	us.Mul(us, big.NewInt(1000))
	return us.Int64(), us.IsInt64()
}

func (d TimeDelta) cmp(o TimeDelta) int {
	return d.micros().Cmp(o.micros())
}

// CompareSameType compares durations.
func (d TimeDelta) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	return threeWay(op, d.cmp(y.(TimeDelta))), nil
}

func threeWay(op syntax.Token, c int) bool {
	switch op {
	case syntax.EQL:
		return c == 0
	case syntax.NEQ:
		return c != 0
	case syntax.LT:
		return c < 0
	case syntax.LE:
		return c <= 0
	case syntax.GT:
		return c > 0
	case syntax.GE:
		return c >= 0
	}
	return false
}

// Unary is -d and +d.
func (d TimeDelta) Unary(op syntax.Token) (starlark.Value, error) {
	switch op {
	case syntax.MINUS:
		return fromMicros(new(big.Int).Neg(d.micros()))
	case syntax.PLUS:
		return d, nil
	}
	return nil, nil
}

// PyAbs is abs(d).
func (d TimeDelta) PyAbs() (starlark.Value, error) {
	return fromMicros(new(big.Int).Abs(d.micros()))
}

// Binary is timedelta arithmetic: ± timedelta, × and ÷ by numbers,
// ÷ and // and % by a timedelta; date and datetime ± timedelta are
// theirs.
func (d TimeDelta) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	us := d.micros()
	if o, ok := y.(TimeDelta); ok {
		a, b := us, o.micros()
		if side == starlark.Right {
			a, b = b, a
		}
		switch op {
		case syntax.PLUS:
			return fromMicros(new(big.Int).Add(a, b))
		case syntax.MINUS:
			return fromMicros(new(big.Int).Sub(a, b))
		case syntax.SLASH:
			if b.Sign() == 0 {
				return nil, fmt.Errorf("ZeroDivisionError: division by zero")
			}
			f, _ := new(big.Rat).SetFrac(a, b).Float64()
			return starlark.Float(f), nil
		case syntax.SLASHSLASH, syntax.PERCENT:
			if b.Sign() == 0 {
				return nil, fmt.Errorf("ZeroDivisionError: integer division or modulo by zero")
			}
			q, m := floorDivMod(a, b)
			if op == syntax.SLASHSLASH {
				return starlark.MakeBigInt(q), nil
			}
			return fromMicros(m)
		}
		return nil, unsupportedOp(op, d, y, side)
	}
	r, isNum := ratOf(y)
	if f, isFloat := y.(starlark.Float); isFloat && !isNum {
		if math.IsNaN(float64(f)) {
			return nil, fmt.Errorf("ValueError: cannot convert NaN to integer ratio")
		}
		return nil, fmt.Errorf("OverflowError: cannot convert Infinity to integer ratio")
	}
	if !isNum {
		switch y.(type) {
		case Date, DateTime:
			if op == syntax.PLUS || (op == syntax.MINUS && side == starlark.Right) {
				return nil, nil // the date adds the duration
			}
		default:
			if deferTo(y) {
				return nil, nil // a pandas value handles it
			}
		}
		return nil, unsupportedOp(op, d, y, side)
	}
	switch {
	case op == syntax.STAR:
		return fromMicros(roundRat(r.Mul(r, new(big.Rat).SetInt(us))))
	case op == syntax.SLASH && side == starlark.Left:
		if r.Sign() == 0 {
			return nil, fmt.Errorf("ZeroDivisionError: integer division or modulo by zero")
		}
		return fromMicros(roundRat(new(big.Rat).Quo(new(big.Rat).SetInt(us), r)))
	case op == syntax.SLASHSLASH && side == starlark.Left:
		i, isInt := y.(starlark.Int)
		if !isInt {
			break
		}
		if i.Sign() == 0 {
			return nil, fmt.Errorf("ZeroDivisionError: integer division or modulo by zero")
		}
		q, _ := floorDivMod(us, i.BigInt())
		return fromMicros(q)
	}
	return nil, unsupportedOp(op, d, y, side)
}

func floorDivMod(a, b *big.Int) (*big.Int, *big.Int) {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return q, m
}

// unsupportedOp is Python's TypeError for an operator the operands do
// not have.
func unsupportedOp(op syntax.Token, x, y starlark.Value, side starlark.Side) error {
	if side == starlark.Right {
		x, y = y, x
	}
	return fmt.Errorf("TypeError: unsupported operand type(s) for %s: '%s' and '%s'", op, session.TypeName(x), session.TypeName(y))
}

func (d TimeDelta) AttrNames() []string {
	return []string{"days", "max", "microseconds", "min", "resolution", "seconds", "total_seconds"}
}

func (d TimeDelta) Attr(name string) (starlark.Value, error) {
	switch name {
	case "days":
		return starlark.MakeInt64(d.days), nil
	case "seconds":
		return starlark.MakeInt64(d.secs), nil
	case "microseconds":
		return starlark.MakeInt64(d.us), nil
	case "total_seconds":
		return starlark.NewBuiltin("timedelta.total_seconds", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			f, _ := new(big.Rat).SetFrac(d.micros(), big.NewInt(usPerSec)).Float64()
			return starlark.Float(f), session.NoArgs(b, args, kwargs)
		}), nil
	}
	if v, ok := deltaClassAttrs()[name]; ok {
		return v, nil
	}
	return nil, fmt.Errorf("AttributeError: 'datetime.timedelta' object has no attribute '%s'", name)
}

func deltaClassAttrs() map[string]starlark.Value {
	return map[string]starlark.Value{
		"min":        TimeDelta{days: -maxDays},
		"max":        TimeDelta{days: maxDays, secs: 86399, us: 999999},
		"resolution": TimeDelta{us: 1},
	}
}

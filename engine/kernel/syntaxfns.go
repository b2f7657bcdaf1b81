package kernel

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
)

// The builtins that translated Python statements call: f-strings, assert,
// del and with.

// fstr implements f-strings: the pieces, already formatted, joined.
func fstr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	var b strings.Builder
	for _, a := range args {
		if s, ok := a.(starlark.String); ok {
			b.WriteString(string(s))
		} else {
			b.WriteString(pyStr(a))
		}
	}
	return starlark.String(b.String()), nil
}

// fv formats one replacement field: value, format spec, conversion.
func fv(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	v := args[0]
	spec, _ := starlark.AsString(args[1])
	conv, _ := starlark.AsString(args[2])
	switch conv {
	case "r", "a":
		v = starlark.String(pyRepr(v))
	case "s":
		v = starlark.String(pyStr(v))
	case "":
	default:
		return nil, fmt.Errorf("SyntaxError: f-string: invalid conversion character %q: expected 's', 'r', or 'a'", conv)
	}
	s, err := pyFormat(v, spec)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

// pyStr is Python's str(v).
func pyStr(v starlark.Value) string {
	switch x := v.(type) {
	case starlark.String:
		return string(x)
	case Timestamp:
		// str() of a Timestamp is its time, without the Timestamp(...).
		r := x.String()
		return strings.TrimSuffix(strings.TrimPrefix(r, "Timestamp('"), "')")
	case Timedelta:
		return strings.TrimSuffix(strings.TrimPrefix(x.String(), "Timedelta('"), "')")
	case *NDArray:
		return x.a.Str()
	case *DTypeValue:
		return x.t.String()
	}
	return pyRepr(v)
}

// formatSpec is Python's format mini-language:
// [[fill]align][sign][#][0][width][,|_][.precision][type].
type formatSpec struct {
	fill      rune
	align     byte
	sign      byte
	alt, zero bool
	width     int
	group     byte
	prec      int // -1: none
	typ       byte
}

func parseSpec(spec string) (formatSpec, error) {
	f := formatSpec{fill: ' ', prec: -1}
	r := []rune(spec)
	i := 0
	isAlign := func(c rune) bool { return c == '<' || c == '>' || c == '^' || c == '=' }
	if len(r) >= 2 && isAlign(r[1]) {
		f.fill, f.align, i = r[0], byte(r[1]), 2
	} else if len(r) >= 1 && isAlign(r[0]) {
		f.align, i = byte(r[0]), 1
	}
	if i < len(r) && (r[i] == '+' || r[i] == '-' || r[i] == ' ') {
		f.sign = byte(r[i])
		i++
	}
	if i < len(r) && r[i] == '#' {
		f.alt = true
		i++
	}
	if i < len(r) && r[i] == '0' {
		f.zero = true
		i++
	}
	start := i
	for i < len(r) && r[i] >= '0' && r[i] <= '9' {
		i++
	}
	if i > start {
		f.width, _ = strconv.Atoi(string(r[start:i]))
	}
	if i < len(r) && (r[i] == ',' || r[i] == '_') {
		f.group = byte(r[i])
		i++
	}
	if i < len(r) && r[i] == '.' {
		i++
		start = i
		for i < len(r) && r[i] >= '0' && r[i] <= '9' {
			i++
		}
		if i == start {
			return f, fmt.Errorf("ValueError: Format specifier missing precision")
		}
		f.prec, _ = strconv.Atoi(string(r[start:i]))
	}
	if i < len(r) {
		f.typ = byte(r[i])
		i++
	}
	if i != len(r) {
		return f, fmt.Errorf("ValueError: Invalid format specifier")
	}
	return f, nil
}

// pyFormat is Python's format(v, spec) for strings, numbers, booleans and
// None.
func pyFormat(v starlark.Value, spec string) (string, error) {
	if spec == "" {
		return pyStr(v), nil
	}
	f, err := parseSpec(spec)
	if err != nil {
		return "", err
	}
	var body, sign string
	numeric := false
	switch x := v.(type) {
	case starlark.String:
		if f.typ != 0 && f.typ != 's' {
			return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type 'str'", f.typ)
		}
		body = string(x)
		if f.prec >= 0 && len([]rune(body)) > f.prec {
			body = string([]rune(body)[:f.prec])
		}
	case starlark.Bool, starlark.Int:
		numeric = true
		i, _ := starlark.AsInt32(x)
		if b, ok := x.(starlark.Bool); ok {
			if f.typ == 0 {
				return pad(pyStr(x), f, false), nil
			}
			i = 0
			if b {
				i = 1
			}
		}
		n := int64(i)
		if xi, ok := x.(starlark.Int); ok {
			n, _ = xi.Int64()
		}
		switch f.typ {
		case 0, 'd', 'n':
			body = strconv.FormatInt(abs64(n), 10)
			body = group(body, f.group)
		case 'x', 'X', 'o', 'b':
			base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'b': 2}[f.typ]
			body = strconv.FormatInt(abs64(n), base)
			if f.typ == 'X' {
				body = strings.ToUpper(body)
			}
			if f.alt {
				body = "0" + string(f.typ) + body
			}
		case 'f', 'F', 'e', 'E', 'g', 'G', '%':
			return pyFormat(starlark.Float(float64(n)), spec)
		case 'c':
			return pad(string(rune(n)), f, false), nil
		default:
			return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type 'int'", f.typ)
		}
		if n < 0 {
			sign = "-"
		}
	case starlark.Float:
		numeric = true
		x64 := float64(x)
		neg := math.Signbit(x64) && !math.IsNaN(x64)
		a := math.Abs(x64)
		prec := f.prec
		switch f.typ {
		case 'f', 'F':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a, 'f', prec, 64)
		case 'e', 'E':
			if prec < 0 {
				prec = 6
			}
			body = pyExp(strconv.FormatFloat(a, 'e', prec, 64))
		case 'g', 'G':
			if prec < 0 {
				prec = 6
			}
			if prec == 0 {
				prec = 1
			}
			body = pyGeneral(a, prec, f.alt)
		case '%':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
		case 0, 'n':
			if prec >= 0 {
				body = pyGeneral(a, max(prec, 1), false)
				if !strings.ContainsAny(body, ".e") && !math.IsInf(a, 0) && !math.IsNaN(a) {
					// repr-style: keeps at least one digit after the point
					// only without a precision; with one, like 'g'.
				}
			} else {
				body = pyRepr(starlark.Float(a))
			}
		default:
			return "", fmt.Errorf("ValueError: Unknown format code '%c' for object of type 'float'", f.typ)
		}
		if math.IsInf(a, 0) {
			body = "inf"
		} else if math.IsNaN(a) {
			body = "nan"
		}
		if f.typ == 'E' || f.typ == 'G' || f.typ == 'F' {
			body = strings.ToUpper(body)
		}
		if f.group != 0 {
			intPart, rest := body, ""
			if k := strings.IndexAny(body, ".e%"); k >= 0 {
				intPart, rest = body[:k], body[k:]
			}
			body = group(intPart, f.group) + rest
		}
		if neg {
			sign = "-"
		}
	case starlark.NoneType:
		if f.typ != 0 && f.typ != 's' {
			return "", fmt.Errorf("TypeError: unsupported format string passed to NoneType.__format__")
		}
		body = "None"
	default:
		return "", fmt.Errorf("TypeError: unsupported format string passed to %s.__format__", pyType(v))
	}
	if numeric && sign == "" && (f.sign == '+' || f.sign == ' ') {
		sign = string(f.sign)
	}
	if numeric && f.zero && f.align == 0 {
		f.fill, f.align = '0', '='
	}
	if f.align == '=' && numeric {
		n := f.width - len([]rune(sign+body))
		if n > 0 {
			return sign + strings.Repeat(string(f.fill), n) + body, nil
		}
		return sign + body, nil
	}
	return pad(sign+body, f, numeric), nil
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// pad aligns s in the spec's width: numbers to the right, text to the
// left, by default.
func pad(s string, f formatSpec, numeric bool) string {
	n := f.width - len([]rune(s))
	if n <= 0 {
		return s
	}
	align := f.align
	if align == 0 {
		align = '<'
		if numeric {
			align = '>'
		}
	}
	fill := string(f.fill)
	switch align {
	case '>', '=':
		return strings.Repeat(fill, n) + s
	case '^':
		return strings.Repeat(fill, n/2) + s + strings.Repeat(fill, n-n/2)
	}
	return s + strings.Repeat(fill, n)
}

// group inserts thousands separators in a string of digits.
func group(digits string, sep byte) string {
	if sep == 0 || len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	first := len(digits) % 3
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// pyExp writes Go's exponent (e+1) as Python does (e+01).
func pyExp(s string) string {
	k := strings.IndexAny(s, "eE")
	if k < 0 {
		return s
	}
	exp := s[k+2:]
	if len(exp) < 2 {
		exp = "0" + exp
	}
	return s[:k+2] + exp
}

// pyGeneral is Python's 'g' format with precision p.
func pyGeneral(a float64, p int, alt bool) string {
	if a == 0 {
		return "0"
	}
	exp := int(math.Floor(math.Log10(a)))
	// Rounding can carry into the next power of ten.
	if r, _ := strconv.ParseFloat(strconv.FormatFloat(a, 'e', p-1, 64), 64); r != 0 {
		exp = int(math.Floor(math.Log10(r)))
	}
	var s string
	if exp < -4 || exp >= p {
		s = strconv.FormatFloat(a, 'e', p-1, 64)
		if !alt {
			mant, e, _ := strings.Cut(s, "e")
			if strings.Contains(mant, ".") {
				mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
			}
			s = mant + "e" + e
		}
		return pyExp(s)
	}
	s = strconv.FormatFloat(a, 'f', max(p-1-exp, 0), 64)
	if !alt && strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// pyAssert implements assert: AssertionError with the message, if any.
func pyAssert(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 || len(args) > 2 {
		return nil, fmt.Errorf("SyntaxError: assert takes a condition and an optional message")
	}
	if args[0].Truth() {
		return starlark.None, nil
	}
	if len(args) == 2 {
		return nil, fmt.Errorf("AssertionError: %s", pyStr(args[1]))
	}
	return nil, fmt.Errorf("AssertionError")
}

// deletedValue marks a name removed by del: the kernel forgets it when the
// cell ends.
type deletedValue string

func (d deletedValue) String() string       { return "<deleted>" }
func (d deletedValue) Type() string         { return "deleted" }
func (d deletedValue) Freeze()              {}
func (d deletedValue) Truth() starlark.Bool { return false }
func (d deletedValue) Hash() (uint32, error) {
	return 0, fmt.Errorf("NameError: name '%s' is not defined", string(d))
}

func pyDeleted(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	name, _ := starlark.AsString(args[0])
	return deletedValue(name), nil
}

// pyDelitem implements del x[k] for dicts and lists.
func pyDelitem(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	switch x := args[0].(type) {
	case *starlark.Dict:
		if _, found, err := x.Delete(args[1]); err != nil {
			return nil, err
		} else if !found {
			return nil, fmt.Errorf("KeyError: %s", pyRepr(args[1]))
		}
		return starlark.None, nil
	case *starlark.List:
		i, err := starlark.AsInt32(args[1])
		if err != nil {
			return nil, fmt.Errorf("TypeError: list indices must be integers or slices, not %s", pyType(args[1]))
		}
		n := x.Len()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return nil, fmt.Errorf("IndexError: list assignment index out of range")
		}
		vals := make([]starlark.Value, 0, n-1)
		for k := 0; k < n; k++ {
			if k != i {
				vals = append(vals, x.Index(k))
			}
		}
		if err := x.Clear(); err != nil {
			return nil, err
		}
		for _, v := range vals {
			x.Append(v)
		}
		return starlark.None, nil
	}
	if h, ok := args[0].(starlark.HasAttrs); ok {
		if m, err := h.Attr("pop"); err == nil && m != nil {
			if c, ok := m.(starlark.Callable); ok {
				_, err := starlark.Call(&starlark.Thread{}, c, starlark.Tuple{args[1]}, nil)
				return starlark.None, err
			}
		}
	}
	return nil, fmt.Errorf("TypeError: '%s' object doesn't support item deletion", pyType(args[0]))
}

// ContextManager is a value usable in a with statement.
type ContextManager interface {
	starlark.Value
	// Enter starts the context and returns the value bound by "as".
	Enter(th *starlark.Thread) (starlark.Value, error)
	// Exit ends it, whether the block ended or failed.
	Exit(th *starlark.Thread) error
}

// pyWith implements with: a one-pass iterable whose iterator enters the
// contexts and, when the loop ends for any reason, exits them in reverse.
func pyWith(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	var cms []ContextManager
	for _, a := range args {
		cm, ok := a.(ContextManager)
		if !ok {
			return nil, fmt.Errorf("TypeError: '%s' object does not support the context manager protocol", pyType(a))
		}
		cms = append(cms, cm)
	}
	var vals []starlark.Value
	entered := 0
	for _, cm := range cms {
		v, err := cm.Enter(th)
		if err != nil {
			for k := entered - 1; k >= 0; k-- {
				cms[k].Exit(th)
			}
			return nil, err
		}
		entered++
		vals = append(vals, v)
	}
	var item starlark.Value = vals[0]
	if len(vals) > 1 {
		item = starlark.Tuple(vals)
	}
	return &withBlock{th: th, cms: cms, item: item}, nil
}

type withBlock struct {
	th   *starlark.Thread
	cms  []ContextManager
	item starlark.Value
}

func (w *withBlock) String() string        { return "<with>" }
func (w *withBlock) Type() string          { return "with" }
func (w *withBlock) Freeze()               {}
func (w *withBlock) Truth() starlark.Bool  { return true }
func (w *withBlock) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable") }
func (w *withBlock) Iterate() starlark.Iterator {
	return &withIter{w: w}
}

type withIter struct {
	w    *withBlock
	done bool
}

func (it *withIter) Next(p *starlark.Value) bool {
	if it.done {
		return false
	}
	it.done = true
	*p = it.w.item
	return true
}

// Done runs when the block ends, normally or by an error.
func (it *withIter) Done() {
	for k := len(it.w.cms) - 1; k >= 0; k-- {
		it.w.cms[k].Exit(it.w.th)
	}
}

// pyPercent implements "format" % values, Python's printf-style string
// formatting: %[(key)][flags][width][.precision]type.
func pyPercent(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	format, _ := starlark.AsString(args[0])
	values := []starlark.Value{args[1]}
	if t, ok := args[1].(starlark.Tuple); ok {
		values = t
	}
	mapping, _ := args[1].(*starlark.Dict)
	next := 0
	take := func() (starlark.Value, error) {
		if next >= len(values) {
			return nil, fmt.Errorf("TypeError: not enough arguments for format string")
		}
		v := values[next]
		next++
		return v, nil
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return nil, fmt.Errorf("ValueError: incomplete format")
		}
		var v starlark.Value
		if format[i] == '(' {
			end := strings.IndexByte(format[i:], ')')
			if end < 0 || mapping == nil {
				return nil, fmt.Errorf("TypeError: format requires a mapping")
			}
			key := format[i+1 : i+end]
			x, found, _ := mapping.Get(starlark.String(key))
			if !found {
				return nil, fmt.Errorf("KeyError: %s", pyQuote(key))
			}
			v = x
			i += end + 1
		}
		var spec strings.Builder
		left := false
		for i < len(format) && strings.IndexByte("-+ 0#", format[i]) >= 0 {
			switch format[i] {
			case '-':
				left = true
			default:
				spec.WriteByte(format[i])
			}
			i++
		}
		width := ""
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			width += string(format[i])
			i++
		}
		prec := ""
		if i < len(format) && format[i] == '.' {
			i++
			prec = "."
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				prec += string(format[i])
				i++
			}
			if prec == "." {
				prec = ".0"
			}
		}
		if i >= len(format) {
			return nil, fmt.Errorf("ValueError: incomplete format")
		}
		conv := format[i]
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if v == nil {
			var err error
			if v, err = take(); err != nil {
				return nil, err
			}
		}
		flags := spec.String()
		if left {
			flags = "<" + strings.ReplaceAll(flags, "0", "")
		}
		var s string
		var err error
		switch conv {
		case 's':
			s, err = pyFormat(starlark.String(pyStr(v)), strings.Trim(flags, "+ #0")+width+prec)
		case 'r', 'a':
			s, err = pyFormat(starlark.String(pyRepr(v)), strings.Trim(flags, "+ #0")+width+prec)
		case 'd', 'i', 'u':
			if f, ok := v.(starlark.Float); ok {
				v = starlark.MakeInt64(int64(f))
			}
			s, err = pyFormat(v, flags+width+"d")
		case 'f', 'F', 'e', 'E', 'g', 'G', 'x', 'X', 'o', 'c':
			if prec == "" && strings.IndexByte("fFeE", conv) >= 0 {
				prec = ".6"
			}
			s, err = pyFormat(v, flags+width+prec+string(conv))
		default:
			return nil, fmt.Errorf("ValueError: unsupported format character '%c' (0x%x) at index %d", conv, conv, i)
		}
		if err != nil {
			return nil, fmt.Errorf("TypeError: %%%c format: a real number is required, not %s", conv, pyType(v))
		}
		b.WriteString(s)
	}
	if mapping == nil && next < len(values) {
		return nil, fmt.Errorf("TypeError: not all arguments converted during string formatting")
	}
	return starlark.String(b.String()), nil
}

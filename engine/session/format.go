package session

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
)

// fstr implements f-strings: the pieces, already formatted, joined.
func fstr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	var b strings.Builder
	for _, a := range args {
		if s, ok := a.(starlark.String); ok {
			b.WriteString(string(s))
		} else {
			b.WriteString(Str(a))
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
	case "r":
		v = starlark.String(Repr(v))
	case "a":
		v = starlark.String(Ascii(v))
	case "s":
		v = starlark.String(Str(v))
	case "":
	default:
		return nil, fmt.Errorf("SyntaxError: f-string: invalid conversion character %q: expected 's', 'r', or 'a'", conv)
	}
	s, err := Format(v, spec)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

// Str is Python's str(v).
func Str(v starlark.Value) string {
	switch x := v.(type) {
	case starlark.String:
		return string(x)
	case Stringer:
		return x.PyStr()
	}
	return Repr(v)
}

// GroupDigits inserts thousands separators in a string of digits.
func GroupDigits(digits string, sep byte) string {
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

// General is Python's 'g' format with precision p.
func General(a float64, p int, alt bool) string {
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
				return nil, fmt.Errorf("KeyError: %s", Quote(key))
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
		case 's', 'r', 'a':
			// Text is right-aligned in printf-style formats, unless '-'.
			text := Str(v)
			if conv == 'r' {
				text = Repr(v)
			} else if conv == 'a' {
				text = Ascii(v)
			}
			align := ">"
			if left {
				align = "<"
			}
			s, err = Format(starlark.String(text), align+width+prec)
		case 'd', 'i', 'u':
			if f, ok := v.(starlark.Float); ok {
				v = starlark.MakeInt64(int64(f))
			}
			s, err = Format(v, flags+width+"d")
		case 'f', 'F', 'e', 'E', 'g', 'G', 'x', 'X', 'o', 'c':
			if prec == "" && strings.IndexByte("fFeE", conv) >= 0 {
				prec = ".6"
			}
			s, err = Format(v, flags+width+prec+string(conv))
		default:
			return nil, fmt.Errorf("ValueError: unsupported format character '%c' (0x%x) at index %d", conv, conv, i)
		}
		if err != nil {
			return nil, fmt.Errorf("TypeError: %%%c format: a real number is required, not %s", conv, TypeName(v))
		}
		b.WriteString(s)
	}
	if mapping == nil && next < len(values) {
		return nil, fmt.Errorf("TypeError: not all arguments converted during string formatting")
	}
	return starlark.String(b.String()), nil
}

package session

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// formatter holds one str.format call's arguments and its automatic
// field numbering.
type formatter struct {
	args   starlark.Tuple
	kwargs starlark.Mapping
	auto   int // next automatic index; -1 once a field was numbered by hand
	manual bool
}

func strFormat(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	kw := starlark.NewDict(len(kwargs))
	for _, kv := range kwargs {
		kw.SetKey(kv[0], kv[1])
	}
	f := &formatter{args: args, kwargs: kw}
	s, err := f.format(recvStr(b), 1)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

func strFormatMap(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var m starlark.Value
	if err := starlark.UnpackPositionalArgs("format_map", args, kwargs, 1, &m); err != nil {
		return nil, err
	}
	mapping, ok := m.(starlark.Mapping)
	if !ok {
		return nil, fmt.Errorf("TypeError: '%s' object is not subscriptable", TypeName(m))
	}
	f := &formatter{kwargs: mapping}
	s, err := f.format(recvStr(b), 1)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

// format expands the replacement fields of s; depth bounds the nesting
// of fields inside format specs, as Python's does.
func (f *formatter) format(s string, depth int) (string, error) {
	if depth < 0 {
		return "", fmt.Errorf("ValueError: Max string recursion exceeded")
	}
	var out strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '}' {
			if i+1 < len(s) && s[i+1] == '}' {
				out.WriteByte('}')
				i += 2
				continue
			}
			return "", fmt.Errorf("ValueError: Single '}' encountered in format string")
		}
		if c != '{' {
			out.WriteByte(c)
			i++
			continue
		}
		if i+1 < len(s) && s[i+1] == '{' {
			out.WriteByte('{')
			i += 2
			continue
		}
		// The field runs to the matching '}', over nested fields in the
		// spec and brackets in the name.
		level, bracket, j := 1, false, i+1
		for ; j < len(s); j++ {
			switch s[j] {
			case '[':
				bracket = true
			case ']':
				bracket = false
			case '{':
				if !bracket {
					level++
				}
			case '}':
				if !bracket {
					level--
				}
			}
			if level == 0 {
				break
			}
		}
		if level != 0 {
			if i+1 >= len(s) {
				return "", fmt.Errorf("ValueError: Single '{' encountered in format string")
			}
			return "", fmt.Errorf("ValueError: expected '}' before end of string")
		}
		text, err := f.field(s[i+1:j], depth)
		if err != nil {
			return "", err
		}
		out.WriteString(text)
		i = j + 1
	}
	return out.String(), nil
}

// field formats one replacement field: name[!conversion][:spec].
func (f *formatter) field(field string, depth int) (string, error) {
	name, conv, spec := field, "", ""
	bracket := false
	for k := 0; k < len(field); k++ {
		c := field[k]
		if c == '[' {
			bracket = true
		} else if c == ']' {
			bracket = false
		} else if !bracket && (c == '!' || c == ':') {
			name = field[:k]
			rest := field[k:]
			if c == '!' {
				if len(rest) < 2 {
					return "", fmt.Errorf("ValueError: end of string while looking for conversion specifier")
				}
				conv = rest[1:2]
				rest = rest[2:]
				if rest != "" && rest[0] != ':' {
					return "", fmt.Errorf("ValueError: expected ':' after conversion specifier")
				}
			}
			if rest != "" {
				spec = rest[1:]
			}
			break
		}
	}
	v, err := f.lookup(name)
	if err != nil {
		return "", err
	}
	switch conv {
	case "":
	case "r":
		v = starlark.String(Repr(v))
	case "s":
		v = starlark.String(Str(v))
	case "a":
		v = starlark.String(Ascii(v))
	default:
		return "", fmt.Errorf("ValueError: Unknown conversion specifier %s", conv)
	}
	if strings.ContainsRune(spec, '{') {
		if spec, err = f.format(spec, depth-1); err != nil {
			return "", err
		}
	}
	return Format(v, spec)
}

// lookup finds a field's value: an argument (automatic, by position or
// by keyword), then .attribute and [key] lookups.
func (f *formatter) lookup(name string) (starlark.Value, error) {
	k := strings.IndexAny(name, ".[")
	if k < 0 {
		k = len(name)
	}
	first, rest := name[:k], name[k:]
	var v starlark.Value
	if first == "" || isDigits(first) {
		var index int
		if first == "" {
			if f.manual {
				return nil, fmt.Errorf("ValueError: cannot switch from manual field specification to automatic field numbering")
			}
			index = f.auto
			f.auto++
		} else {
			if f.auto > 0 {
				return nil, fmt.Errorf("ValueError: cannot switch from automatic field numbering to manual field specification")
			}
			f.manual = true
			var err error
			if index, err = strconv.Atoi(first); err != nil {
				return nil, fmt.Errorf("ValueError: Too many decimal digits in format string")
			}
		}
		if index >= len(f.args) {
			if f.args == nil && f.kwargs != nil {
				return nil, fmt.Errorf("ValueError: Format string contains positional fields")
			}
			return nil, fmt.Errorf("IndexError: Replacement index %d out of range for positional args tuple", index)
		}
		v = f.args[index]
	} else {
		x, found, err := f.kwargs.Get(starlark.String(first))
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("KeyError: %s", Quote(first))
		}
		v = x
	}
	for rest != "" {
		if rest[0] == '.' {
			end := strings.IndexAny(rest[1:], ".[")
			if end < 0 {
				end = len(rest) - 1
			}
			attr := rest[1 : 1+end]
			if attr == "" {
				return nil, fmt.Errorf("ValueError: Empty attribute in format string")
			}
			x, err := Getattr(v, attr)
			if err != nil {
				return nil, err
			}
			v, rest = x, rest[1+end:]
			continue
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return nil, fmt.Errorf("ValueError: Missing ']' in format string")
		}
		key := rest[1:end]
		if key == "" {
			return nil, fmt.Errorf("ValueError: Empty attribute in format string")
		}
		rest = rest[end+1:]
		if rest != "" && rest[0] != '.' && rest[0] != '[' {
			return nil, fmt.Errorf("ValueError: Only '.' or '[' may follow ']' in format field specifier")
		}
		var kv starlark.Value = starlark.String(key)
		if isDigits(key) {
			n, _ := strconv.Atoi(key)
			kv = starlark.MakeInt(n)
		}
		x, err := getItem(v, kv)
		if err != nil {
			return nil, err
		}
		v = x
	}
	return v, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// getItem is v[k] with Python's errors.
func getItem(v, k starlark.Value) (starlark.Value, error) {
	switch x := v.(type) {
	case starlark.Mapping:
		r, found, err := x.Get(k)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("KeyError: %s", Repr(k))
		}
		return r, nil
	case starlark.Indexable:
		i, err := starlark.AsInt32(k)
		if err != nil {
			return nil, fmt.Errorf("TypeError: %s indices must be integers or slices, not %s", TypeName(v), TypeName(k))
		}
		n := x.Len()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return nil, fmt.Errorf("IndexError: %s index out of range", TypeName(v))
		}
		return x.Index(i), nil
	}
	return nil, fmt.Errorf("TypeError: '%s' object is not subscriptable", TypeName(v))
}

// Ascii is Python's ascii(v): the repr with non-ASCII code points
// escaped.
func Ascii(v starlark.Value) string {
	r := Repr(v)
	if isASCII(r) {
		return r
	}
	var b strings.Builder
	for _, c := range r {
		switch {
		case c < utf8.RuneSelf:
			b.WriteRune(c)
		case c <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, c)
		case c <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			fmt.Fprintf(&b, `\U%08x`, c)
		}
	}
	return b.String()
}

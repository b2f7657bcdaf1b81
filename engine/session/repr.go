package session

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"go.starlark.net/starlark"
)

// Methods is a set of named builtins bound to a receiver.
type Methods map[string]func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

func (m Methods) Attr(recvType, name string) (starlark.Value, bool) {
	f, ok := m[name]
	if !ok {
		return nil, false
	}
	return starlark.NewBuiltin(recvType+"."+name, f), true
}

func (m Methods) Names() []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// NoArgs checks that a method was called without arguments.
func NoArgs(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
	return starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
}

func StringList(ss []string) *starlark.List {
	vs := make([]starlark.Value, len(ss))
	for i, s := range ss {
		vs[i] = starlark.String(s)
	}
	return starlark.NewList(vs)
}

// MIMEBundle returns a value's representations for display.
func MIMEBundle(v starlark.Value) map[string]any {
	out := map[string]any{"text/plain": Pretty(v)}
	if h, ok := v.(interface{ HTML() string }); ok {
		out["text/html"] = h.HTML()
	}
	if j, ok := v.(interface{ JSON() any }); ok {
		if data := j.JSON(); data != nil {
			out["application/json"] = data
		}
	}
	if g, ok := v.(interface{ GraphJSON() any }); ok {
		out["application/vnd.burst.graph+json"] = g.GraphJSON()
	}
	if c, ok := v.(interface{ VegaLite() any }); ok {
		if spec := c.VegaLite(); spec != nil {
			out["application/vnd.vegalite.v5+json"] = spec
		}
	}
	return out
}

// Repr formats v as Python's repr would.
func Repr(v starlark.Value) string {
	switch v := v.(type) {
	case starlark.String:
		return Quote(string(v))
	case starlark.NoneType:
		return "None"
	case starlark.Float:
		f := float64(v)
		switch {
		case math.IsNaN(f):
			return "nan"
		case math.IsInf(f, 1):
			return "inf"
		case math.IsInf(f, -1):
			return "-inf"
		}
		s := strconv.FormatFloat(f, 'g', -1, 64)
		if e := strings.IndexByte(s, 'e'); e >= 0 {
			exp, _ := strconv.Atoi(s[e+1:])
			if exp >= -4 && exp < 16 {
				s = strconv.FormatFloat(f, 'f', -1, 64)
			} else if len(s[e+1:]) == 2 || (s[e+1] == '-' && len(s[e+1:]) == 3) {
				// Python pads exponents to two digits: 1e+16, 1e-05.
			}
		}
		if !strings.ContainsAny(s, ".en") {
			s += ".0"
		}
		return s
	case *starlark.List:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = Repr(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case starlark.Tuple:
		parts := make([]string, len(v))
		for i := range parts {
			parts[i] = Repr(v[i])
		}
		if len(v) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	case *starlark.Dict:
		var parts []string
		for _, kv := range v.Items() {
			parts = append(parts, Repr(kv[0])+": "+Repr(kv[1]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *starlark.Set:
		if v.Len() == 0 {
			return "set()"
		}
		parts := make([]string, 0, v.Len())
		for e := range v.Elements() {
			parts = append(parts, Repr(e))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case starlark.Bytes:
		return bytesRepr(string(v))
	}
	if v.Type() == "range" {
		// Python writes range(0, 3) where Starlark writes range(3).
		if s := v.String(); !strings.Contains(s, ",") {
			return "range(0, " + strings.TrimPrefix(s, "range(")
		}
	}
	return v.String()
}

// bytesRepr is Python's repr of bytes: b'...' with \x escapes.
func bytesRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte('b')
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == quote:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

func Quote(s string) string {
	quote := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == quote:
			b.WriteRune('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case !unicode.IsPrint(r) && r > 0x7f:
			if r <= 0xffff {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteRune(quote)
	return b.String()
}

// MapNested rebuilds v with leaf applied to every value inside lists,
// tuples and dicts (dict values; keys stay). leaf reports whether it took
// a value; values it does not take and that are not containers stay.
func MapNested(v starlark.Value, leaf func(starlark.Value) (starlark.Value, bool, error)) (starlark.Value, error) {
	if r, ok, err := leaf(v); ok || err != nil {
		return r, err
	}
	switch x := v.(type) {
	case *starlark.List:
		out := make([]starlark.Value, x.Len())
		for i := range out {
			e, err := MapNested(x.Index(i), leaf)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return starlark.NewList(out), nil
	case starlark.Tuple:
		out := make(starlark.Tuple, len(x))
		for i := range x {
			e, err := MapNested(x[i], leaf)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	case *starlark.Dict:
		out := starlark.NewDict(x.Len())
		for _, it := range x.Items() {
			e, err := MapNested(it[1], leaf)
			if err != nil {
				return nil, err
			}
			out.SetKey(it[0], e)
		}
		return out, nil
	}
	return v, nil
}

func IsNumber(v starlark.Value) bool {
	switch v.(type) {
	case starlark.Int, starlark.Float:
		return true
	}
	return false
}

// TypeName names a value's type as Python does.
func TypeName(v starlark.Value) string {
	switch v.(type) {
	case starlark.String:
		return "str"
	case starlark.Int:
		return "int"
	case starlark.Float:
		return "float"
	case starlark.NoneType:
		return "NoneType"
	case *starlark.List:
		return "list"
	case *starlark.Dict:
		return "dict"
	case starlark.Tuple:
		return "tuple"
	}
	return v.Type()
}

// KwargsMap collects keyword arguments by name.
func KwargsMap(kwargs []starlark.Tuple) map[string]starlark.Value {
	m := map[string]starlark.Value{}
	for _, kv := range kwargs {
		m[string(kv[0].(starlark.String))] = kv[1]
	}
	return m
}

// TypeObject is a dtype-like name such as np.float64 or pd.Timestamp used
// as a type.
type TypeObject struct{ Name string }

func (t *TypeObject) String() string { return fmt.Sprintf("<class '%s'>", t.Name) }

func (t *TypeObject) Type() string { return "type" }

func (t *TypeObject) Freeze() {}

func (t *TypeObject) Truth() starlark.Bool { return true }

func (t *TypeObject) Hash() (uint32, error) { return starlark.String(t.Name).Hash() }

// JoinNames quotes names for messages.
func JoinNames(ns []string) string {
	q := make([]string, len(ns))
	for i, n := range ns {
		q[i] = "'" + n + "'"
	}
	return strings.Join(q, ", ")
}

// Identical is Python's "is": the same object for values held by
// reference, the same value for None, booleans, numbers and strings (which
// CPython shares when small or interned).
func Identical(x, y starlark.Value) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	if x.Type() != y.Type() {
		return false
	}
	return x == y
}

func Values(v starlark.Value) ([]starlark.Value, error) {
	it := starlark.Iterate(v)
	if it == nil {
		return nil, fmt.Errorf("TypeError: expected a list, not %s", TypeName(v))
	}
	defer it.Done()
	var out []starlark.Value
	if sq, ok := v.(starlark.Sequence); ok {
		if err := CheckItems(nil, int64(sq.Len()), ItemBytes); err != nil {
			return nil, err
		}
		out = make([]starlark.Value, 0, sq.Len())
	}
	var x starlark.Value
	for it.Next(&x) {
		out = append(out, x)
	}
	return out, nil
}

func FormatBytes(n int64) string {
	if n <= 0 {
		return "unknown"
	}
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	f := float64(n)
	i := 0
	for f >= 1024 && i < len(units)-1 {
		f /= 1024
		i++
	}
	return fmt.Sprintf("%.2f %s", f, units[i])
}

// Unhashable gives a value type Starlark's Freeze (its values do not
// change), Truth (always true) and a Hash that raises Python's
// TypeError: a type embeds it when it needs nothing else of these.
type Unhashable struct{}

func (Unhashable) Freeze()               {}
func (Unhashable) Truth() starlark.Bool  { return true }
func (Unhashable) Hash() (uint32, error) { return 0, fmt.Errorf("TypeError: unhashable type") }

package kernel

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"go.starlark.net/starlark"

	"burst/engine/graph"
)

// kernelOf returns the kernel running thread.
func kernelOf(thread *starlark.Thread) *Kernel {
	k, _ := thread.Local("kernel").(*Kernel)
	return k
}

// methods is a set of named builtins bound to a receiver.
type methods map[string]func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

func (m methods) attr(recvType, name string) (starlark.Value, bool) {
	f, ok := m[name]
	if !ok {
		return nil, false
	}
	return starlark.NewBuiltin(recvType+"."+name, f), true
}

func (m methods) names() []string {
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// noArgs checks that a method was called without arguments.
func noArgs(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
	return starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0)
}

// layers describes a graph as Dask does: how many collections (layers)
// built it.
func layers(g graph.Graph) string {
	names := map[string]bool{}
	for k := range g {
		s := string(k)
		if i := strings.LastIndex(s, "', "); i > 0 {
			s = s[:i]
		}
		names[s] = true
	}
	if len(names) == 1 {
		return "1 graph layer"
	}
	return fmt.Sprintf("%d graph layers", len(names))
}

// toValues converts an Arrow array to Starlark values.
func toValues(a arrow.Array) []starlark.Value {
	out := make([]starlark.Value, a.Len())
	for i := range out {
		if a.IsNull(i) {
			out[i] = starlark.None
			continue
		}
		switch a := a.(type) {
		case *array.Float64:
			out[i] = starlark.Float(a.Value(i))
		case *array.Int64:
			out[i] = starlark.MakeInt64(a.Value(i))
		case *array.Boolean:
			out[i] = starlark.Bool(a.Value(i))
		case *array.String:
			out[i] = starlark.String(a.Value(i))
		case *array.Timestamp:
			out[i] = Timestamp(time.Unix(0, int64(a.Value(i))).UTC())
		case *array.Duration:
			out[i] = Timedelta(time.Duration(a.Value(i)))
		default:
			out[i] = starlark.String(a.ValueStr(i))
		}
	}
	return out
}

// jsonValues converts an Arrow array for JSON; NaN and missing are null.
func jsonValues(a arrow.Array) []any {
	out := make([]any, a.Len())
	for i := range out {
		if a.IsNull(i) {
			continue
		}
		switch a := a.(type) {
		case *array.Float64:
			if v := a.Value(i); !math.IsNaN(v) && !math.IsInf(v, 0) {
				out[i] = v
			}
		case *array.Int64:
			out[i] = a.Value(i)
		case *array.Boolean:
			out[i] = a.Value(i)
		case *array.String:
			out[i] = a.Value(i)
		default:
			out[i] = a.ValueStr(i)
		}
	}
	return out
}

func stringList(ss []string) *starlark.List {
	vs := make([]starlark.Value, len(ss))
	for i, s := range ss {
		vs[i] = starlark.String(s)
	}
	return starlark.NewList(vs)
}

// mimeBundle returns a value's representations for display.
func mimeBundle(v starlark.Value) map[string]any {
	out := map[string]any{"text/plain": pyRepr(v)}
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
	return out
}

// pyRepr formats v as Python's repr would.
func pyRepr(v starlark.Value) string {
	switch v := v.(type) {
	case starlark.String:
		return pyQuote(string(v))
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
			parts[i] = pyRepr(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case starlark.Tuple:
		parts := make([]string, len(v))
		for i := range parts {
			parts[i] = pyRepr(v[i])
		}
		if len(v) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	case *starlark.Dict:
		var parts []string
		for _, kv := range v.Items() {
			parts = append(parts, pyRepr(kv[0])+": "+pyRepr(kv[1]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return v.String()
}

func pyQuote(s string) string {
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

// mapNested rebuilds v with leaf applied to every value inside lists,
// tuples and dicts (dict values; keys stay). leaf reports whether it took
// a value; values it does not take and that are not containers stay.
func mapNested(v starlark.Value, leaf func(starlark.Value) (starlark.Value, bool, error)) (starlark.Value, error) {
	if r, ok, err := leaf(v); ok || err != nil {
		return r, err
	}
	switch x := v.(type) {
	case *starlark.List:
		out := make([]starlark.Value, x.Len())
		for i := range out {
			e, err := mapNested(x.Index(i), leaf)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return starlark.NewList(out), nil
	case starlark.Tuple:
		out := make(starlark.Tuple, len(x))
		for i := range x {
			e, err := mapNested(x[i], leaf)
			if err != nil {
				return nil, err
			}
			out[i] = e
		}
		return out, nil
	case *starlark.Dict:
		out := starlark.NewDict(x.Len())
		for _, it := range x.Items() {
			e, err := mapNested(it[1], leaf)
			if err != nil {
				return nil, err
			}
			out.SetKey(it[0], e)
		}
		return out, nil
	}
	return v, nil
}

package session

import (
	"math/big"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// call calls x's Python method name.
func call(t *testing.T, x starlark.Value, name string, args starlark.Tuple, kwargs ...starlark.Tuple) (starlark.Value, error) {
	t.Helper()
	m, err := Getattr(x, name)
	if err != nil {
		t.Fatalf("%s.%s: %v", TypeName(x), name, err)
	}
	return starlark.Call(&starlark.Thread{}, m, args, kwargs)
}

// list.sort sorts the list itself, stably, by key and in reverse.
func TestListSortInPlace(t *testing.T) {
	pairs := []starlark.Value{
		starlark.Tuple{starlark.String("a"), starlark.MakeInt(2)},
		starlark.Tuple{starlark.String("b"), starlark.MakeInt(1)},
		starlark.Tuple{starlark.String("c"), starlark.MakeInt(2)},
		starlark.Tuple{starlark.String("d"), starlark.MakeInt(1)},
	}
	l := starlark.NewList(pairs)
	second := starlark.NewBuiltin("second", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return args[0].(starlark.Tuple)[1], nil
	})
	r, err := call(t, l, "sort", nil, starlark.Tuple{starlark.String("key"), second}, starlark.Tuple{starlark.String("reverse"), starlark.True})
	if err != nil || r != starlark.None {
		t.Fatalf("sort: %v, %v", r, err)
	}
	if got, want := Repr(l), "[('a', 2), ('c', 2), ('b', 1), ('d', 1)]"; got != want {
		t.Errorf("sorted in place: %s, want %s", got, want)
	}
	l.Freeze()
	if _, err := call(t, l, "sort", nil); err == nil {
		t.Errorf("sorting a frozen list: no error")
	}
	mixed := starlark.NewList([]starlark.Value{starlark.MakeInt(1), starlark.String("a")})
	if _, err := call(t, mixed, "sort", nil); err == nil || !strings.Contains(err.Error(), "'<' not supported between instances of 'str' and 'int'") {
		t.Errorf("sorting int and str: %v", err)
	}
}

// Format never panics, whatever the spec, and gives Python's errors.
func TestFormatAnySpec(t *testing.T) {
	values := []starlark.Value{starlark.MakeInt(-42), starlark.MakeInt(0), starlark.Float(-0.0), starlark.Float(1e300),
		starlark.String("é"), starlark.True, starlark.None, starlark.NewList(nil), starlark.MakeBigInt(new(bigInt).Lsh(bigOne(), 100))}
	specs := []string{"", "<", "é^9", "x=+#0,.3", ".", ".f", "0", "=", "99999999999999999999", "_b", ",x", "c", "%", "#.0e", "z", ",_", "{", "10.3n", "-^20,.2%", "\x00>3"}
	for _, v := range values {
		for _, s := range specs {
			out, err := Format(v, s)
			if err != nil && !strings.HasPrefix(err.Error(), "ValueError: ") && !strings.HasPrefix(err.Error(), "TypeError: ") && !strings.HasPrefix(err.Error(), "OverflowError: ") && !strings.HasPrefix(err.Error(), "MemoryError: ") {
				t.Errorf("format(%s, %q): %v", Repr(v), s, err)
			}
			if len(out) > 1000 {
				t.Errorf("format(%s, %q): %d bytes", Repr(v), s, len(out))
			}
		}
	}
}

// str.format's fields: automatic, numbered and named, with lookups and
// nested specs.
func TestStrFormat(t *testing.T) {
	d := starlark.NewDict(1)
	d.SetKey(starlark.String("k"), starlark.NewList([]starlark.Value{starlark.MakeInt(10), starlark.MakeInt(20)}))
	for _, c := range []struct {
		format string
		args   starlark.Tuple
		want   string
	}{
		{"{} {}", starlark.Tuple{starlark.MakeInt(1), starlark.String("a")}, "1 a"},
		{"{1}{0}{1}", starlark.Tuple{starlark.MakeInt(1), starlark.MakeInt(2)}, "212"},
		{"{0[k][1]:>5}|{0[k]!r}", starlark.Tuple{d}, "   20|[10, 20]"},
		{"{:{}.{}f}", starlark.Tuple{starlark.Float(3.14159), starlark.MakeInt(8), starlark.MakeInt(3)}, "   3.142"},
		{"{{}}{0.real}", starlark.Tuple{starlark.MakeInt(7)}, "{}7"},
		{"{} {1}", starlark.Tuple{starlark.MakeInt(1), starlark.MakeInt(2)}, "ValueError: cannot switch from automatic field numbering to manual field specification"},
		{"{2}", starlark.Tuple{}, "IndexError: Replacement index 2 out of range for positional args tuple"},
		{"{", nil, "ValueError: Single '{' encountered in format string"},
		{"{:{:{}}}", starlark.Tuple{starlark.MakeInt(1), starlark.MakeInt(2), starlark.MakeInt(3)}, "ValueError: Max string recursion exceeded"},
	} {
		r, err := call(t, starlark.String(c.format), "format", c.args)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = string(r.(starlark.String))
		}
		if got != c.want {
			t.Errorf("%q.format%s: %q, want %q", c.format, Repr(c.args), got, c.want)
		}
	}
}

type bigInt = big.Int

func bigOne() *big.Int { return big.NewInt(1) }

// Every Python method of the builtin types has a docstring for help().
func TestMethodsDocumented(t *testing.T) {
	for _, name := range []string{"str", "list", "tuple", "dict", "set", "frozenset", "int", "float", "bytes"} {
		typ := NewPyType(name, nil)
		for _, m := range typ.AttrNames() {
			if methodDocs[name+"."+m] == "" {
				t.Errorf("%s.%s has no docstring", name, m)
			}
		}
	}
}

// Every method of the builtin types, called with assorted arguments,
// returns a value or an error: never a panic.
func TestMethodsNeverPanic(t *testing.T) {
	args := []starlark.Value{
		starlark.None, starlark.True, starlark.MakeInt(-1), starlark.MakeInt(0), starlark.MakeInt(3),
		starlark.MakeBigInt(new(big.Int).Lsh(big.NewInt(1), 80)), starlark.Float(-2.5), starlark.String(""),
		starlark.String("é,a b"), starlark.Tuple{starlark.String("a")}, starlark.Tuple{starlark.MakeInt(1)},
		starlark.NewList([]starlark.Value{starlark.MakeInt(2), starlark.MakeInt(1)}), starlark.Bytes("\xff"),
	}
	dict := func() *starlark.Dict {
		d := starlark.NewDict(1)
		d.SetKey(starlark.MakeInt(97), starlark.String("x"))
		return d
	}
	receivers := func() []starlark.Value {
		set := starlark.NewSet(1)
		set.Insert(starlark.MakeInt(1))
		return []starlark.Value{
			starlark.String("Héllo, wörld\t1²"), starlark.String(""),
			starlark.NewList([]starlark.Value{starlark.MakeInt(3), starlark.String("a")}), starlark.NewList(nil),
			starlark.Tuple{starlark.MakeInt(1)}, dict(), starlark.NewDict(0), set, starlark.NewSet(0),
			starlark.MakeInt(-5), starlark.True, starlark.Float(1.5), starlark.Float(0), starlark.Bytes("ab"),
		}
	}
	th := &starlark.Thread{}
	for i := range receivers() {
		for _, name := range methodNames(receivers()[i]) {
			try := func(call starlark.Tuple, kwargs ...starlark.Tuple) {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s.%s%s: panic %v", TypeName(receivers()[i]), name, Repr(call), r)
					}
				}()
				x := receivers()[i]
				m, ok := pyMethod(x, name)
				if !ok {
					t.Fatalf("%s.%s: no method", TypeName(x), name)
				}
				starlark.Call(th, m, call, kwargs)
			}
			try(nil)
			for _, kw := range []string{"sep", "maxsplit", "keepends", "key", "reverse", "tabsize", "encoding", "errors", "x"} {
				for _, a := range args {
					try(nil, starlark.Tuple{starlark.String(kw), a})
				}
			}
			for _, a := range args {
				try(starlark.Tuple{a})
				for _, b := range args {
					try(starlark.Tuple{a, b})
					try(starlark.Tuple{a, b, starlark.MakeInt(-2)})
				}
			}
		}
	}
}

// Every builtin, called with assorted arguments, returns a value or an
// error: never a panic.
func TestBuiltinsNeverPanic(t *testing.T) {
	args := []starlark.Value{
		starlark.None, starlark.False, starlark.MakeInt(-1), starlark.MakeInt(2),
		starlark.MakeBigInt(new(big.Int).Lsh(big.NewInt(1), 80)), starlark.Float(-2.5), starlark.Float(0),
		starlark.String(""), starlark.String("1_0"), starlark.String("é"), starlark.Tuple{}, starlark.Bytes("\xff"),
		starlark.NewList([]starlark.Value{starlark.MakeInt(2), starlark.String("a")}), starlark.NewDict(0),
		starlark.Universe["len"],
	}
	th := &starlark.Thread{}
	b := Builtins()
	for name, v := range b {
		if name[0] == '_' || name == "print" {
			continue
		}
		fn, ok := v.(starlark.Callable)
		if !ok {
			continue
		}
		try := func(call starlark.Tuple, kwargs []starlark.Tuple) {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s%s %v: panic %v", name, Repr(call), kwargs, r)
				}
			}()
			starlark.Call(th, fn, call, kwargs)
		}
		try(nil, nil)
		for _, a := range args {
			try(starlark.Tuple{a}, nil)
			for _, kw := range []string{"key", "default", "start", "base", "strict", "reverse", "ndigits", "mod", "encoding", "x"} {
				try(starlark.Tuple{a}, []starlark.Tuple{{starlark.String(kw), a}})
				try(nil, []starlark.Tuple{{starlark.String(kw), a}})
			}
			for _, c := range args {
				try(starlark.Tuple{a, c}, nil)
				try(starlark.Tuple{a, c, starlark.MakeInt(3)}, nil)
			}
		}
	}
}

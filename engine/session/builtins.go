package session

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// pyPrint is Python's print: strings as they are, other values as their
// Python repr, separated by sep and ended by end.
func pyPrint(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sep, end := " ", "\n"
	for _, kv := range kwargs {
		s, isStr := starlark.AsString(kv[1])
		name := string(kv[0].(starlark.String))
		if (name == "sep" || name == "end") && !isStr && kv[1] != starlark.None {
			return nil, fmt.Errorf("TypeError: %s must be None or a string, not %s", name, TypeName(kv[1]))
		}
		switch name {
		case "sep":
			if isStr {
				sep = s
			}
		case "end":
			if isStr {
				end = s
			}
		case "flush", "file":
		default:
			return nil, fmt.Errorf("TypeError: '%s' is an invalid keyword argument for print()", string(kv[0].(starlark.String)))
		}
	}
	var b strings.Builder
	for _, a := range args {
		if u, ok := a.(UndefinedName); ok {
			return nil, u.Err()
		}
	}
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(Str(a))
	}
	b.WriteString(end)
	if !Of(thread).Emit(Output{Type: "stream", Name: "stdout", Text: b.String()}) && thread.Print != nil {
		thread.Print(thread, strings.TrimSuffix(b.String(), "\n"))
	}
	return starlark.None, nil
}

// pyPow is x ** y.
func pyPow(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	x, y := args[0], args[1]
	if r, err := operate("**", x, y); r != nil || err != nil {
		return r, err
	}
	xi, xInt := x.(starlark.Int)
	yi, yInt := y.(starlark.Int)
	if xInt && yInt && yi.Sign() >= 0 {
		return intPow(th, xi, yi)
	}
	xf, ok1 := starlark.AsFloat(x)
	yf, ok2 := starlark.AsFloat(y)
	if !ok1 || !ok2 {
		// Values with their own ** (dask arrays, Delayed) take it, as
		// Python's __pow__ and __rpow__.
		for _, side := range []starlark.Side{starlark.Left, starlark.Right} {
			v, other := x, y
			if side == starlark.Right {
				v, other = y, x
			}
			if b, ok := v.(starlark.HasBinary); ok {
				if r, err := b.Binary(syntax.STARSTAR, other, side); r != nil || err != nil {
					return r, err
				}
			}
		}
		return nil, fmt.Errorf("TypeError: unsupported operand type(s) for ** or pow(): '%s' and '%s'", TypeName(x), TypeName(y))
	}
	return starlark.Float(math.Pow(xf, yf)), nil
}

// cmp implements the comparisons cells are rewritten to use: element-wise
// for frames and series, Python's comparison otherwise.
func cmp(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 3 {
		return nil, fmt.Errorf("_cmp: want 3 arguments")
	}
	op := string(args[0].(starlark.String))
	x, y := args[1], args[2]
	if op == "is" || op == "is not" {
		return starlark.Bool(Identical(x, y) == (op == "is")), nil
	}
	if r, err := operate(op, x, y); r != nil || err != nil {
		return r, err
	}
	// bool is an int subclass in Python: True == 1, False < 0.5.
	x, y = boolAsInt(x, y)
	tok := map[string]syntax.Token{"==": syntax.EQL, "!=": syntax.NEQ, "<": syntax.LT, "<=": syntax.LE, ">": syntax.GT, ">=": syntax.GE}[op]
	if (isNaN(x) || isNaN(y)) && IsNumber(x) && IsNumber(y) {
		// NaN equals nothing, itself included, and orders with nothing.
		return starlark.Bool(tok == syntax.NEQ), nil
	}
	// Python compares ints with floats, and anything with None for
	// (in)equality.
	if tok == syntax.EQL || tok == syntax.NEQ {
		if x.Type() != y.Type() && !IsNumber(x) && !IsNumber(y) {
			return starlark.Bool(tok == syntax.NEQ), nil
		}
	}
	ok, err := starlark.Compare(tok, x, y)
	if err != nil {
		return nil, fmt.Errorf("TypeError: '%s' not supported between instances of '%s' and '%s'", op, TypeName(x), TypeName(y))
	}
	return starlark.Bool(ok), nil
}

// operate applies op between x and y when either is an Operator, the
// left operand first, as Python asks __op__ before __rop__.
func operate(op string, x, y starlark.Value) (starlark.Value, error) {
	if o, ok := x.(Operator); ok {
		if r, err := o.Operate(op, x, y); r != nil || err != nil {
			return r, err
		}
	}
	if o, ok := y.(Operator); ok {
		return o.Operate(op, x, y)
	}
	return nil, nil
}

// pyLen is len(x).
func pyLen(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		if s, ok := args[0].(starlark.String); ok {
			return starlark.MakeInt(runeLen(string(s))), nil
		}
		if x, ok := args[0].(Sized); ok {
			n, err := x.PyLen(th)
			if err != nil {
				return nil, err
			}
			return starlark.MakeInt(n), nil
		}
	}
	r, err := starlark.Call(th, starlark.Universe["len"], args, kwargs)
	if err != nil && len(args) == 1 && strings.Contains(err.Error(), "has no len") {
		return nil, fmt.Errorf("TypeError: object of type '%s' has no len()", TypeName(args[0]))
	}
	return r, err
}

func isNaN(v starlark.Value) bool {
	f, ok := v.(starlark.Float)
	return ok && math.IsNaN(float64(f))
}

// pySum is Python's sum(iterable, /, start=0).
func pySum(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var it starlark.Iterable
	var acc starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackArgs("sum", args, kwargs, "iterable", &it, "start?", &acc); err != nil {
		return nil, err
	}
	if _, ok := acc.(starlark.String); ok {
		return nil, fmt.Errorf("TypeError: sum() can't sum strings [use ''.join(seq) instead]")
	}
	iter := it.Iterate()
	defer iter.Done()
	var x starlark.Value
	for iter.Next(&x) {
		if bo, ok := x.(starlark.Bool); ok {
			x = b2i(bo)
		}
		r, err := starlark.Binary(syntax.PLUS, acc, x)
		if err != nil {
			return nil, fmt.Errorf("TypeError: unsupported operand type(s) for +: '%s' and '%s'", TypeName(acc), TypeName(x))
		}
		acc = r
	}
	return acc, nil
}

// pyAbs is Python's abs(x).
func pyAbs(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("abs", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case starlark.Int:
		if v.Sign() < 0 {
			return starlark.MakeBigInt(new(big.Int).Neg(v.BigInt())), nil
		}
		return v, nil
	case starlark.Float:
		return starlark.Float(math.Abs(float64(v))), nil
	case starlark.Bool:
		if v {
			return starlark.MakeInt(1), nil
		}
		return starlark.MakeInt(0), nil
	case Absolute:
		return v.PyAbs()
	}
	if h, ok := x.(starlark.HasAttrs); ok {
		if m, err := h.Attr("abs"); err == nil && m != nil {
			if c, ok := m.(starlark.Callable); ok {
				return starlark.Call(&starlark.Thread{}, c, nil, nil)
			}
		}
	}
	return nil, fmt.Errorf("TypeError: bad operand type for abs(): '%s'", TypeName(x))
}

// pyRound is Python's round(number, ndigits=None): halves to even; an int
// without ndigits.
func pyRound(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, nd starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("round", args, kwargs, "number", &x, "ndigits?", &nd); err != nil {
		return nil, err
	}
	if b, ok := x.(starlark.Bool); ok {
		x = b2i(b)
	}
	if i, ok := x.(starlark.Int); ok && nd == starlark.None {
		return i, nil
	}
	f, ok := starlark.AsFloat(x)
	if !ok {
		return nil, fmt.Errorf("TypeError: type %s doesn't define __round__ method", TypeName(x))
	}
	if nd == starlark.None {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("ValueError: cannot convert float %s to integer", Repr(x))
		}
		return starlark.NumberToInt(starlark.Float(math.RoundToEven(f)))
	}
	n, err := starlark.AsInt32(nd)
	if err != nil {
		return nil, fmt.Errorf("TypeError: 'ndigits' must be an integer")
	}
	if _, ok := x.(starlark.Int); ok && n >= 0 {
		return x, nil
	}
	var r float64
	if n >= 0 {
		// The decimal expansion of the binary value, rounded half to
		// even, as Python's round does (round(2.675, 2) is 2.67).
		r, _ = strconv.ParseFloat(strconv.FormatFloat(f, 'f', int(n), 64), 64)
	} else {
		p := math.Pow(10, float64(-n))
		r = math.RoundToEven(f/p) * p
	}
	if _, ok := x.(starlark.Int); ok {
		return starlark.NumberToInt(starlark.Float(r))
	}
	return starlark.Float(r), nil
}

// pyStrBuiltin is Python's str(x): Python reprs inside containers.
func pyStrBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return starlark.String(""), nil
	}
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("str", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return starlark.String(Str(x)), nil
}

func pyReprBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("repr", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return starlark.String(Repr(x)), nil
}

// pyPowBuiltin is pow(base, exp, mod=None).
func pyPowBuiltin(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var base, exp starlark.Value
	var mod starlark.Value = starlark.None
	if err := starlark.UnpackArgs("pow", args, kwargs, "base", &base, "exp", &exp, "mod?", &mod); err != nil {
		return nil, err
	}
	for _, v := range []*starlark.Value{&base, &exp, &mod} {
		if b, ok := (*v).(starlark.Bool); ok {
			*v = b2i(b)
		}
	}
	if mod == starlark.None {
		return pyPow(th, b, starlark.Tuple{base, exp}, nil)
	}
	bi, ok1 := base.(starlark.Int)
	ei, ok2 := exp.(starlark.Int)
	mi, ok3 := mod.(starlark.Int)
	if !ok1 || !ok2 || !ok3 {
		return nil, fmt.Errorf("TypeError: pow() 3rd argument not allowed unless all arguments are integers")
	}
	if mi.Sign() == 0 {
		return nil, fmt.Errorf("ValueError: pow() 3rd argument cannot be 0")
	}
	r := new(big.Int).Exp(bi.BigInt(), ei.BigInt(), mi.BigInt())
	if r == nil {
		// A negative exponent asks for an inverse, which may not exist.
		return nil, fmt.Errorf("ValueError: base is not invertible for the given modulus")
	}
	if r.Sign() != 0 && mi.Sign() < 0 {
		r.Add(r, mi.BigInt())
	}
	return starlark.MakeBigInt(r), nil
}

// pyDivmod is divmod(a, b): (a // b, a % b).
func pyDivmod(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y starlark.Value
	if err := starlark.UnpackPositionalArgs("divmod", args, kwargs, 2, &x, &y); err != nil {
		return nil, err
	}
	x, y = intOfBool(x), intOfBool(y)
	q, err := starlark.Binary(syntax.SLASHSLASH, x, y)
	if err != nil {
		return nil, ArithError(err, "divmod()", x, y)
	}
	r, err := starlark.Binary(syntax.PERCENT, x, y)
	if err != nil {
		return nil, ArithError(err, "divmod()", x, y)
	}
	return starlark.Tuple{q, r}, nil
}

func ArithError(err error, what string, x, y starlark.Value) error {
	if strings.Contains(err.Error(), "division by zero") || strings.Contains(err.Error(), "modulo by zero") {
		if _, ok := x.(starlark.Float); ok {
			return fmt.Errorf("ZeroDivisionError: float divmod()")
		}
		if _, ok := y.(starlark.Float); ok {
			return fmt.Errorf("ZeroDivisionError: float divmod()")
		}
		return fmt.Errorf("ZeroDivisionError: integer division or modulo by zero")
	}
	return fmt.Errorf("TypeError: unsupported operand type(s) for %s: '%s' and '%s'", what, TypeName(x), TypeName(y))
}

// pyTypeBuiltin is type(x): a class object printed <class 'int'>.
func pyTypeBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("type", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	name := TypeName(x)
	switch x := x.(type) {
	case Classed:
		name = x.PyClass()
	case starlark.Bool:
		name = "bool"
	case *starlark.Function, *starlark.Builtin:
		name = "function"
	}
	return &TypeObject{name}, nil
}

// pyIsinstance is isinstance(obj, classinfo) for Python's builtin types
// (the builtins int, float, str, …), Burst's (pd.DataFrame, …), type()
// results, and tuples of them.
func pyIsinstance(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, classinfo starlark.Value
	if err := starlark.UnpackPositionalArgs("isinstance", args, kwargs, 2, &x, &classinfo); err != nil {
		return nil, err
	}
	var check func(c starlark.Value) (bool, error)
	check = func(c starlark.Value) (bool, error) {
		switch c := c.(type) {
		case starlark.Tuple:
			for _, e := range c {
				if ok, err := check(e); ok || err != nil {
					return ok, err
				}
			}
			return false, nil
		case *TypeObject:
			t, _ := pyTypeBuiltin(th, b, starlark.Tuple{x}, nil)
			return t.(*TypeObject).Name == c.Name, nil
		case ClassInfo:
			return c.IsInstance(x), nil
		case *starlark.Builtin:
			switch c.Name() {
			case "int":
				_, isInt := x.(starlark.Int)
				_, isBool := x.(starlark.Bool)
				return isInt || isBool, nil
			case "float", "str", "list", "dict", "tuple", "bool", "set":
				name := TypeName(x)
				if _, ok := x.(starlark.Bool); ok {
					name = "bool"
				}
				// A library's subclass of a builtin type (Counter
				// of dict) says so.
				if i, ok := x.(Instance); ok && i.InstanceOf(c.Name()) {
					return true, nil
				}
				return name == c.Name(), nil
			default:
				// A library's class (pd.DataFrame): the value knows
				// whether it is one.
				i, ok := x.(Instance)
				return ok && i.InstanceOf(c.Name()), nil
			}
		}
		return false, fmt.Errorf("TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union")
	}
	ok, err := check(classinfo)
	return starlark.Bool(ok), err
}

// pyIter and pyNext are iter(x) and next(it[, default]).
type iterValue struct {
	Unhashable
	it   starlark.Iterator
	desc string
}

func (i *iterValue) String() string { return fmt.Sprintf("<%s_iterator object>", i.desc) }
func (i *iterValue) Type() string   { return i.desc + "_iterator" }
func (i *iterValue) Iterate() starlark.Iterator {
	return &iterOnce{i}
}

type iterOnce struct{ v *iterValue }

func (o *iterOnce) Next(p *starlark.Value) bool { return o.v.it.Next(p) }
func (o *iterOnce) Done()                       {}

func pyIter(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 2 {
		return nil, fmt.Errorf("NotImplementedError: iter(callable, sentinel) is not available in Burst cells: call the function in a while loop until it returns the sentinel")
	}
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("iter", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if it, ok := x.(*iterValue); ok {
		return it, nil
	}
	if it, ok := x.(Iterator); ok {
		return it, nil
	}
	itb, ok := x.(starlark.Iterable)
	if !ok {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", TypeName(x))
	}
	// Iterate a frozen copy of the items: a list may change meanwhile.
	var items []starlark.Value
	it := itb.Iterate()
	var v starlark.Value
	for it.Next(&v) {
		items = append(items, v)
	}
	it.Done()
	return &iterValue{it: &sliceIter{items: items}, desc: TypeName(x)}, nil
}

type sliceIter struct {
	items []starlark.Value
	i     int
}

func (s *sliceIter) Next(p *starlark.Value) bool {
	if s.i >= len(s.items) {
		return false
	}
	*p = s.items[s.i]
	s.i++
	return true
}
func (s *sliceIter) Done() {}

func pyNext(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 1 || len(args) > 2 || len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: next expected 1 or 2 arguments, got %d", len(args))
	}
	var next func(p *starlark.Value) bool
	switch it := args[0].(type) {
	case *iterValue:
		next = it.it.Next
	case Iterator:
		next = it.Next
	default:
		return nil, fmt.Errorf("TypeError: '%s' object is not an iterator", TypeName(args[0]))
	}
	var v starlark.Value
	if next(&v) {
		return v, nil
	}
	if len(args) == 2 {
		return args[1], nil
	}
	return nil, fmt.Errorf("StopIteration")
}

func pyInput(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return nil, fmt.Errorf("StdinNotImplementedError: input() is not available in Burst cells: set the value in the code instead")
}

// stringIterating wraps a Starlark builtin that takes iterables so that
// strings iterate over their characters, as in Python (Starlark strings
// are not iterable); min and max also take default=.
func stringIterating(name string) *starlark.Builtin {
	orig := starlark.Universe[name].(*starlark.Builtin)
	return starlark.NewBuiltin(name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		minmax := name == "min" || name == "max"
		conv := make(starlark.Tuple, len(args))
		for i, a := range args {
			conv[i] = a
			if s, ok := a.(starlark.String); ok && (!minmax || len(args) == 1) {
				conv[i] = Chars(s)
			}
		}
		var rest []starlark.Tuple
		var def starlark.Value
		for _, kv := range kwargs {
			if minmax && string(kv[0].(starlark.String)) == "default" {
				def = kv[1]
				continue
			}
			if name == "enumerate" && string(kv[0].(starlark.String)) == "start" && len(conv) == 1 {
				// Starlark's enumerate takes start by position only.
				conv = append(conv, kv[1])
				continue
			}
			rest = append(rest, kv)
		}
		if len(conv) >= 1 && (name == "list" || name == "tuple" || name == "sorted" || name == "set" || name == "reversed") {
			// Materializing range(10**10) would pass the memory
			// budget: MemoryError before allocating.
			if s, ok := conv[0].(starlark.Sequence); ok {
				if err := CheckItems(th, int64(s.Len()), ItemBytes); err != nil {
					return nil, err
				}
			}
		}
		if def != nil && len(conv) == 1 {
			if s, ok := conv[0].(starlark.Sequence); ok && s.Len() == 0 {
				return def, nil
			}
		}
		r, err := starlark.Call(th, orig, conv, rest)
		if err != nil {
			if minmax && strings.Contains(err.Error(), "empty") {
				return nil, fmt.Errorf("ValueError: %s() arg is an empty sequence", name)
			}
			return nil, err
		}
		return r, nil
	})
}

func Chars(s starlark.String) *starlark.List {
	var out []starlark.Value
	for _, r := range string(s) {
		out = append(out, starlark.String(string(r)))
	}
	return starlark.NewList(out)
}

// Builtins returns Python's builtin functions as cells see them, and the
// functions translated cells call (_cmp, _pow, _fstr, …).
func Builtins() starlark.StringDict {
	b := starlark.StringDict{
		"_cmp":      Builtin("_cmp", cmp),
		"_attr":     Builtin("_attr", pyAttr),
		"print":     Builtin("print", pyPrint),
		"_pow":      Builtin("_pow", pyPow),
		"sum":       Builtin("sum", pySum),
		"len":       Builtin("len", pyLen),
		"abs":       Builtin("abs", pyAbs),
		"round":     Builtin("round", pyRound),
		"str":       Builtin("str", pyStrBuiltin),
		"min":       stringIterating("min"),
		"max":       stringIterating("max"),
		"enumerate": stringIterating("enumerate"),
		"map":       Builtin("map", pyMap),
		"filter":    Builtin("filter", pyFilter),
		"hex":       Builtin("hex", intText("hex", 16, "0x")),
		"oct":       Builtin("oct", intText("oct", 8, "0o")),
		"bin":       Builtin("bin", intText("bin", 2, "0b")),
		"zip":       stringIterating("zip"),
		"list":      stringIterating("list"),
		"tuple":     stringIterating("tuple"),
		"sorted":    stringIterating("sorted"),
		"reversed":  stringIterating("reversed"),
		"any":       stringIterating("any"),
		"all":       stringIterating("all"),
		"_iter": Builtin("_iter", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			if s, ok := args[0].(starlark.String); ok {
				return Chars(s), nil
			}
			return args[0], nil
		}),
		"_pct":       Builtin("_pct", pyPercent),
		"float":      pyNumber("float"),
		"int":        pyNumber("int"),
		"repr":       Builtin("repr", pyReprBuiltin),
		"pow":        Builtin("pow", pyPowBuiltin),
		"divmod":     Builtin("divmod", pyDivmod),
		"type":       Builtin("type", pyTypeBuiltin),
		"isinstance": Builtin("isinstance", pyIsinstance),
		"iter":       Builtin("iter", pyIter),
		"next":       Builtin("next", pyNext),
		"input":      Builtin("input", pyInput),
		"_fstr":      Builtin("_fstr", fstr),
		"_fv":        Builtin("_fv", fv),
		"_assert":    Builtin("_assert", pyAssert),
		"_deleted":   Builtin("_deleted", pyDeleted),
		"_delitem":   Builtin("_delitem", pyDelitem),
		"_unpack":    Builtin("_unpack", pyUnpack),
		"_with":      Builtin("_with", pyWith),
		"_decorate": Builtin("_decorate", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return nil, fmt.Errorf("SyntaxError: a decorator must come right before a def")
		}),
	}
	addBuiltins(b)
	return b
}

// pyNumber wraps float or int so that library scalars (a size-1 array)
// convert, as their __float__ and __int__ do.
func pyNumber(name string) *starlark.Builtin {
	orig := starlark.Universe[name].(*starlark.Builtin)
	return starlark.NewBuiltin(name, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 1 {
			if s, ok := args[0].(Scalar); ok {
				v, err := s.PyScalar()
				if err != nil {
					return nil, err
				}
				args = starlark.Tuple{v}
			}
		}
		return starlark.Call(th, orig, args, kwargs)
	})
}

// OpPrefix names an operator's tasks as Dask's key prefixes do ("+" is
// add); false for an operator that has none.
func OpPrefix(op string) (string, bool) {
	switch op {
	case "+":
		return "add", true
	case "-":
		return "sub", true
	case "*":
		return "mul", true
	case "/":
		return "truediv", true
	case "//":
		return "floordiv", true
	case "%":
		return "mod", true
	case "**":
		return "pow", true
	case "==":
		return "eq", true
	case "!=":
		return "ne", true
	case "<":
		return "lt", true
	case "<=":
		return "le", true
	case ">":
		return "gt", true
	case ">=":
		return "ge", true
	case "&":
		return "and", true
	case "|":
		return "or", true
	case "^":
		return "xor", true
	}
	return "", false
}

// pyMap is map(function, *iterables): the function of the items at the
// same position, as long as the shortest iterable. Python's map is lazy;
// this one calls the function at once and iterates over the results.
func pyMap(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: map() takes no keyword arguments")
	}
	if len(args) < 2 {
		return nil, fmt.Errorf("TypeError: map() must have at least two arguments.")
	}
	fn, ok := args[0].(starlark.Callable)
	if !ok {
		return nil, fmt.Errorf("TypeError: '%s' object is not callable", TypeName(args[0]))
	}
	var lists [][]starlark.Value
	n := -1
	for _, it := range args[1:] {
		if s, ok := it.(starlark.String); ok {
			it = Chars(s)
		}
		vs, err := Values(it)
		if err != nil {
			return nil, fmt.Errorf("TypeError: '%s' object is not iterable", TypeName(it))
		}
		lists = append(lists, vs)
		if n < 0 || len(vs) < n {
			n = len(vs)
		}
	}
	out := make([]starlark.Value, n)
	for i := range out {
		call := make(starlark.Tuple, len(lists))
		for j, l := range lists {
			call[j] = l[i]
		}
		r, err := starlark.Call(th, fn, call, nil)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return &iterValue{it: starlark.NewList(out).Iterate(), desc: "map"}, nil
}

// pyFilter is filter(function, iterable): the items for which the
// function is true, or which are true themselves for None.
func pyFilter(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn, seq starlark.Value
	if err := starlark.UnpackPositionalArgs("filter", args, kwargs, 2, &fn, &seq); err != nil {
		return nil, err
	}
	if s, ok := seq.(starlark.String); ok {
		seq = Chars(s)
	}
	vs, err := Values(seq)
	if err != nil {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", TypeName(seq))
	}
	var out []starlark.Value
	for _, v := range vs {
		keep := v
		if fn != starlark.None {
			c, ok := fn.(starlark.Callable)
			if !ok {
				return nil, fmt.Errorf("TypeError: '%s' object is not callable", TypeName(fn))
			}
			if keep, err = starlark.Call(th, c, starlark.Tuple{v}, nil); err != nil {
				return nil, err
			}
		}
		if keep.Truth() {
			out = append(out, v)
		}
	}
	return &iterValue{it: starlark.NewList(out).Iterate(), desc: "filter"}, nil
}

// intText is hex, oct or bin: an int's digits in base, after prefix
// (and a minus sign).
func intText(name string, base int, prefix string) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		var i starlark.Int
		switch v := x.(type) {
		case starlark.Int:
			i = v
		case starlark.Bool:
			i = starlark.MakeInt(0)
			if v {
				i = starlark.MakeInt(1)
			}
		default:
			return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", TypeName(x))
		}
		n := i.BigInt()
		sign := ""
		if n.Sign() < 0 {
			sign = "-"
			n.Neg(n)
		}
		return starlark.String(sign + prefix + n.Text(base)), nil
	}
}

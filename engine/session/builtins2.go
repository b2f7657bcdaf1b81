package session

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// refused are Python's builtins that cells cannot have, with what to
// do instead. Each exists, and raises an error that names it.
var refused = map[string]string{
	"open":         "NotImplementedError: open() is not available in Burst cells: there are no files to open; read data with pd.read_csv or dd.read_csv",
	"exec":         "NotImplementedError: exec() is not available in Burst cells: write the code in the cell",
	"eval":         "NotImplementedError: eval() is not available in Burst cells: write the expression in the cell (or use int()/float() to read a number)",
	"compile":      "NotImplementedError: compile() is not available in Burst cells: write the code in the cell",
	"globals":      "NotImplementedError: globals() is not available in Burst cells: use the variables by name",
	"locals":       "NotImplementedError: locals() is not available in Burst cells: use the variables by name",
	"vars":         "NotImplementedError: vars() is not available in Burst cells: use the variables by name, or dir(obj) for an object's attributes",
	"breakpoint":   "NotImplementedError: breakpoint() is not available in Burst cells: there is no debugger; print the values instead",
	"aiter":        "NotImplementedError: aiter() is not available in Burst cells: cells have no async code; use iter()",
	"anext":        "NotImplementedError: anext() is not available in Burst cells: cells have no async code; use next()",
	"classmethod":  "NotImplementedError: classmethod is not available in Burst cells: cells cannot define classes; write a function",
	"staticmethod": "NotImplementedError: staticmethod is not available in Burst cells: cells cannot define classes; write a function",
	"property":     "NotImplementedError: property is not available in Burst cells: cells cannot define classes; write a function",
	"super":        "NotImplementedError: super() is not available in Burst cells: cells cannot define classes",
	"memoryview":   "NotImplementedError: memoryview is not available in Burst cells: use bytes",
	"bytearray":    "NotImplementedError: bytearray is not available in Burst cells: use bytes, or a list of ints",
	"complex":      "NotImplementedError: complex numbers are not available in Burst cells: keep the real and imaginary parts as two floats",
	"slice":        "NotImplementedError: slice objects are not available in Burst cells: write the slice in brackets, xs[1:3]",
	"delattr":      "NotImplementedError: delattr() is not available in Burst cells: the objects cells make have no attributes to delete",
	"__import__":   "NotImplementedError: __import__() is not available in Burst cells: use the import statement",
}

// refusedBuiltin is a builtin that raises its refusal.
func refusedBuiltin(name string) *starlark.Builtin {
	msg := refused[name]
	return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, fmt.Errorf("%s", msg)
	})
}

// addBuiltins completes b, the builtins of Builtins(), with the rest of
// Python's: the types as PyType values, the functions Starlark lacks,
// and the refused ones.
func addBuiltins(b starlark.StringDict) {
	conv := func(name string) Func {
		fn := b[name].(*starlark.Builtin)
		return func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.Call(th, fn, args, kwargs)
		}
	}
	types := map[string]*PyType{
		"str":       NewPyType("str", pyStrType),
		"int":       NewPyType("int", pyInt(conv("int"))),
		"float":     NewPyType("float", pyFloat(conv("float"))),
		"bool":      NewPyType("bool", conv0("bool")),
		"list":      NewPyType("list", conv("list")),
		"tuple":     NewPyType("tuple", conv("tuple")),
		"dict":      NewPyType("dict", conv0("dict")),
		"set":       NewPyType("set", callOf(stringIterating("set"))),
		"bytes":     NewPyType("bytes", pyBytes),
		"frozenset": NewPyType("frozenset", pyFrozenset),
		"object": NewPyType("object", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 || len(kwargs) > 0 {
				return nil, fmt.Errorf("TypeError: object() takes no arguments")
			}
			return new(plainObject), nil
		}),
	}
	for name, t := range types {
		b[name] = t
	}
	typeOf := func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 3 {
			return nil, fmt.Errorf("NotImplementedError: type(name, bases, dict) is not available in Burst cells: cells cannot define classes")
		}
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs("type", args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		name := pyTypeName(x)
		if t, ok := types[name]; ok {
			return t, nil
		}
		return &TypeObject{name}, nil
	}
	b["type"] = Builtin("type", typeOf)
	b["isinstance"] = Builtin("isinstance", pyIsinstance)
	b["issubclass"] = Builtin("issubclass", pyIssubclass)
	b["getattr"] = Builtin("getattr", pyGetattrBuiltin)
	b["hasattr"] = Builtin("hasattr", pyHasattr)
	b["setattr"] = Builtin("setattr", pySetattr)
	b["dir"] = Builtin("dir", pyDir)
	b["ascii"] = Builtin("ascii", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs("ascii", args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		return starlark.String(Ascii(x)), nil
	})
	b["callable"] = Builtin("callable", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs("callable", args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		_, ok := x.(starlark.Callable)
		return starlark.Bool(ok), nil
	})
	b["chr"] = Builtin("chr", pyChr)
	b["ord"] = Builtin("ord", pyOrd)
	b["format"] = Builtin("format", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		spec := ""
		if err := starlark.UnpackPositionalArgs("format", args, kwargs, 1, &x, &spec); err != nil {
			return nil, err
		}
		s, err := Format(x, spec)
		return starlark.String(s), err
	})
	b["hash"] = Builtin("hash", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs("hash", args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		h, err := pyHash(x)
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt64(h), nil
	})
	b["id"] = Builtin("id", pyID)
	b["zip"] = Builtin("zip", pyZip(b["zip"].(*starlark.Builtin)))
	b["range"] = Builtin("range", pyRange)
	b["sorted"] = Builtin("sorted", pySorted)
	b["min"] = Builtin("min", pyMinMax("min"))
	b["max"] = Builtin("max", pyMinMax("max"))
	b["reversed"] = Builtin("reversed", pyReversed(b["reversed"].(*starlark.Builtin)))
	for name := range refused {
		b[name] = refusedBuiltin(name)
	}
}

// callOf calls b.
func callOf(b *starlark.Builtin) Func {
	return func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.Call(th, b, args, kwargs)
	}
}

// conv0 calls Starlark's builtin name.
func conv0(name string) Func {
	fn := starlark.Universe[name].(*starlark.Builtin)
	return func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.Call(th, fn, args, kwargs)
	}
}

// pyTypeName is the name of x's Python type, as type(x) shows it.
func pyTypeName(x starlark.Value) string {
	switch x := x.(type) {
	case Classed:
		return x.PyClass()
	case starlark.Bool:
		return "bool"
	case *starlark.Function:
		return "function"
	case *starlark.Builtin:
		return "builtin_function_or_method"
	case *PyType:
		return "type"
	}
	return TypeName(x)
}

// pyStrType is str(), str(object) and str(bytes, encoding, errors).
func pyStrType(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) >= 2 || len(kwargs) > 0 && len(args) == 1 {
		var x starlark.Value
		encoding, errors := "utf-8", "strict"
		if err := starlark.UnpackArgs("str", args, kwargs, "object", &x, "encoding?", &encoding, "errors?", &errors); err != nil {
			return nil, err
		}
		bs, ok := x.(starlark.Bytes)
		if !ok {
			return nil, fmt.Errorf("TypeError: decoding to str: need a bytes-like object, %s found", TypeName(x))
		}
		return bytesDecode(th, starlark.NewBuiltin("decode", nil).BindReceiver(bs), starlark.Tuple{starlark.String(encoding), starlark.String(errors)}, nil)
	}
	return pyStrBuiltin(th, b, args, kwargs)
}

// pyInt is int(x=0) and int(x, base=10) with Python's errors.
func pyInt(orig Func) Func {
	return func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 && len(kwargs) == 0 {
			return starlark.MakeInt(0), nil
		}
		var x, base starlark.Value
		if err := starlark.UnpackArgs("int", args, kwargs, "x", &x, "base?", &base); err != nil {
			return nil, err
		}
		switch v := x.(type) {
		case starlark.String:
			s := strings.TrimFunc(string(v), isSpaceRune)
			if strings.Contains(s, "_") {
				// Python allows single underscores between digits.
				digits := strings.TrimLeft(s, "+-")
				if strings.HasPrefix(digits, "_") || strings.HasSuffix(s, "_") || strings.Contains(s, "__") {
					return nil, fmt.Errorf("ValueError: invalid literal for int() with base 10: %s", Repr(v))
				}
				s = strings.ReplaceAll(s, "_", "")
			}
			call := starlark.Tuple{starlark.String(s)}
			baseText := "10"
			if base != nil {
				call = append(call, base)
				baseText = base.String()
			}
			r, err := orig(th, b, call, nil)
			if err != nil {
				if base != nil {
					if n, ok := base.(starlark.Int); ok {
						if i, _ := n.Int64(); i != 0 && (i < 2 || i > 36) {
							return nil, fmt.Errorf("ValueError: int() base must be >= 2 and <= 36, or 0")
						}
					}
				}
				return nil, fmt.Errorf("ValueError: invalid literal for int() with base %s: %s", baseText, Repr(v))
			}
			return r, nil
		case starlark.Float:
			if math.IsInf(float64(v), 0) {
				return nil, fmt.Errorf("OverflowError: cannot convert float infinity to integer")
			}
			if math.IsNaN(float64(v)) {
				return nil, fmt.Errorf("ValueError: cannot convert float NaN to integer")
			}
		case starlark.Bytes:
			call := starlark.Tuple{starlark.String(v)}
			if base != nil {
				call = append(call, base)
			}
			return pyInt(orig)(th, b, call, nil)
		case starlark.Int, starlark.Bool:
		case Scalar:
		default:
			if base == nil {
				return nil, fmt.Errorf("TypeError: int() argument must be a string, a bytes-like object or a real number, not '%s'", TypeName(x))
			}
		}
		if base != nil {
			return nil, fmt.Errorf("TypeError: int() can't convert non-string with explicit base")
		}
		return orig(th, b, args, kwargs)
	}
}

// pyFloat is float(x=0.0) with Python's spellings (' 1.5 ', 'Infinity')
// and errors.
func pyFloat(orig Func) Func {
	return func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 && len(kwargs) == 0 {
			return starlark.Float(0), nil
		}
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs("float", args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		switch v := x.(type) {
		case starlark.String:
			s := strings.ToLower(strings.TrimFunc(string(v), isSpaceRune))
			sign := 1.0
			t := s
			if t != "" && (t[0] == '+' || t[0] == '-') {
				if t[0] == '-' {
					sign = -1
				}
				t = t[1:]
			}
			switch t {
			case "inf", "infinity":
				return starlark.Float(math.Inf(int(sign))), nil
			case "nan":
				return starlark.Float(math.NaN()), nil
			}
			r, err := orig(th, b, starlark.Tuple{starlark.String(s)}, nil)
			if err != nil || strings.ContainsAny(t, "xX") {
				return nil, fmt.Errorf("ValueError: could not convert string to float: %s", Repr(v))
			}
			return r, nil
		case starlark.Int, starlark.Float, starlark.Bool, Scalar:
		default:
			return nil, fmt.Errorf("TypeError: float() argument must be a string or a real number, not '%s'", TypeName(x))
		}
		return orig(th, b, args, kwargs)
	}
}

// pyBytes is bytes(), bytes(n), bytes(iterable of ints), bytes(str,
// encoding).
func pyBytes(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var encoding, errors starlark.Value
	if err := starlark.UnpackArgs("bytes", args, kwargs, "source?", &x, "encoding?", &encoding, "errors?", &errors); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case nil:
		return starlark.Bytes(""), nil
	case starlark.String:
		if encoding == nil {
			return nil, fmt.Errorf("TypeError: string argument without an encoding")
		}
		enc, _ := starlark.AsString(encoding)
		errs := "strict"
		if errors != nil {
			errs, _ = starlark.AsString(errors)
		}
		return encodeString(string(v), enc, errs)
	case starlark.Bytes:
		return v, nil
	case starlark.Int:
		n, ok := v.Int64()
		if !ok || n < 0 {
			return nil, fmt.Errorf("ValueError: negative count")
		}
		return starlark.Bytes(make([]byte, n)), nil
	}
	if encoding != nil {
		return nil, fmt.Errorf("TypeError: encoding without a string argument")
	}
	it := starlark.Iterate(x)
	if it == nil {
		return nil, fmt.Errorf("TypeError: cannot convert '%s' object to bytes", TypeName(x))
	}
	defer it.Done()
	var out []byte
	var e starlark.Value
	for it.Next(&e) {
		i, ok := e.(starlark.Int)
		if !ok {
			return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", TypeName(e))
		}
		n, ok := i.Int64()
		if !ok || n < 0 || n > 255 {
			return nil, fmt.Errorf("ValueError: bytes must be in range(0, 256)")
		}
		out = append(out, byte(n))
	}
	return starlark.Bytes(out), nil
}

// bytesFromhex is bytes.fromhex(string): the bytes that pairs of hex
// digits spell (spaces between them allowed).
func bytesFromhex(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s string
	if err := starlark.UnpackPositionalArgs("fromhex", args, kwargs, 1, &s); err != nil {
		return nil, err
	}
	out, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		return nil, fmt.Errorf("ValueError: non-hexadecimal number found in fromhex() arg")
	}
	return starlark.Bytes(out), nil
}

// intFromBytes is int.from_bytes(bytes, byteorder='big', *, signed=False).
func intFromBytes(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	order := "big"
	signed := false
	if err := starlark.UnpackArgs("from_bytes", args, kwargs, "bytes", &x, "byteorder?", &order, "signed?", &signed); err != nil {
		return nil, err
	}
	bs, err := pyBytes(nil, nil, starlark.Tuple{x}, nil)
	if err != nil {
		return nil, err
	}
	data := []byte(bs.(starlark.Bytes))
	if order == "little" {
		r := make([]byte, len(data))
		for i, c := range data {
			r[len(data)-1-i] = c
		}
		data = r
	} else if order != "big" {
		return nil, fmt.Errorf("ValueError: byteorder must be either 'little' or 'big'")
	}
	n := new(big.Int).SetBytes(data)
	if signed && len(data) > 0 && data[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(data))))
	}
	return starlark.MakeBigInt(n), nil
}

// pyIssubclass is issubclass(cls, classinfo) for the builtin types.
func pyIssubclass(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var cls, info starlark.Value
	if err := starlark.UnpackPositionalArgs("issubclass", args, kwargs, 2, &cls, &info); err != nil {
		return nil, err
	}
	name := func(v starlark.Value) (string, bool) {
		switch t := v.(type) {
		case *PyType:
			return t.Name(), true
		case *TypeObject:
			return t.Name, true
		case *starlark.Builtin:
			return t.Name(), true
		}
		return "", false
	}
	c, ok := name(cls)
	if !ok {
		return nil, fmt.Errorf("TypeError: issubclass() arg 1 must be a class")
	}
	infos := starlark.Tuple{info}
	if t, ok := info.(starlark.Tuple); ok {
		infos = t
	}
	for _, i := range infos {
		n, ok := name(i)
		if !ok {
			return nil, fmt.Errorf("TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union")
		}
		if n == c || (c == "bool" && n == "int") {
			return starlark.True, nil
		}
	}
	return starlark.False, nil
}

// pyGetattrBuiltin is getattr(obj, name[, default]): default only for a
// missing attribute, as Python's.
func pyGetattrBuiltin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, def starlark.Value
	var name starlark.Value
	if err := starlark.UnpackPositionalArgs("getattr", args, kwargs, 2, &x, &name, &def); err != nil {
		return nil, err
	}
	s, ok := name.(starlark.String)
	if !ok {
		return nil, fmt.Errorf("TypeError: attribute name must be string, not '%s'", TypeName(name))
	}
	v, err := Getattr(x, string(s))
	if err != nil && def != nil && strings.HasPrefix(err.Error(), "AttributeError") {
		return def, nil
	}
	if err != nil && def != nil {
		if _, missing := err.(starlark.NoSuchAttrError); missing {
			return def, nil
		}
	}
	return v, err
}

// pyHasattr is hasattr(obj, name).
func pyHasattr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var name string
	if err := starlark.UnpackPositionalArgs("hasattr", args, kwargs, 2, &x, &name); err != nil {
		return nil, err
	}
	_, err := Getattr(x, name)
	return starlark.Bool(err == nil), nil
}

// pySetattr is setattr(obj, name, value), for values with settable
// fields.
func pySetattr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, v starlark.Value
	var name string
	if err := starlark.UnpackPositionalArgs("setattr", args, kwargs, 3, &x, &name, &v); err != nil {
		return nil, err
	}
	if s, ok := x.(starlark.HasSetField); ok {
		if err := s.SetField(name, v); err != nil {
			return nil, err
		}
		return starlark.None, nil
	}
	return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", TypeName(x), name)
}

// pyDir is dir(obj): its attributes, sorted; Python's methods for
// strings, numbers and containers.
func pyDir(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return nil, fmt.Errorf("NotImplementedError: dir() without an argument is not available in Burst cells: use dir(obj)")
	}
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("dir", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if t, ok := x.(*PyType); ok {
		return StringList(t.AttrNames()), nil
	}
	return StringList(methodNames(x)), nil
}

// pyChr is chr(i): the one-character string of code point i.
func pyChr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("chr", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if bo, ok := x.(starlark.Bool); ok {
		x = b2i(bo)
	}
	i, ok := x.(starlark.Int)
	if !ok {
		return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", TypeName(x))
	}
	n, ok := i.Int64()
	if !ok || n < 0 || n > 0x10ffff {
		return nil, fmt.Errorf("ValueError: chr() arg not in range(0x110000)")
	}
	return starlark.String(string(rune(n))), nil
}

// pyOrd is ord(c): the code point of a one-character str (or the value
// of a one-byte bytes).
func pyOrd(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("ord", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case starlark.String:
		if n := utf8.RuneCountInString(string(v)); n != 1 {
			return nil, fmt.Errorf("TypeError: ord() expected a character, but string of length %d found", n)
		}
		r, _ := utf8.DecodeRuneInString(string(v))
		return starlark.MakeInt(int(r)), nil
	case starlark.Bytes:
		if len(v) != 1 {
			return nil, fmt.Errorf("TypeError: ord() expected a character, but string of length %d found", len(v))
		}
		return starlark.MakeInt(int(v[0])), nil
	}
	return nil, fmt.Errorf("TypeError: ord() expected string of length 1, but %s found", TypeName(x))
}

// hashModulus is CPython's modulus for numeric hashes, 2**61 - 1.
const hashModulus = 1<<61 - 1

// pyHash is Python's hash(x): CPython's values for numbers and tuples of
// them (a string's hash is Starlark's: CPython's changes with every run).
func pyHash(x starlark.Value) (int64, error) {
	switch v := x.(type) {
	case starlark.Bool:
		return int64(b2i(v).Sign()), nil
	case starlark.Int:
		n := v.BigInt()
		m := new(big.Int).Mod(new(big.Int).Abs(n), big.NewInt(hashModulus)).Int64()
		if n.Sign() < 0 {
			m = -m
		}
		if m == -1 {
			m = -2
		}
		return m, nil
	case starlark.Float:
		f := float64(v)
		switch {
		case math.IsInf(f, 1):
			return 314159, nil
		case math.IsInf(f, -1):
			return -314159, nil
		case math.IsNaN(f):
			return 0, nil
		}
		r := new(big.Rat)
		r.SetFloat64(math.Abs(f))
		mod := big.NewInt(hashModulus)
		inv := new(big.Int).ModInverse(r.Denom(), mod)
		h := new(big.Int).Mul(new(big.Int).Mod(r.Num(), mod), inv)
		m := h.Mod(h, mod).Int64()
		if f < 0 {
			m = -m
		}
		if m == -1 {
			m = -2
		}
		return m, nil
	case starlark.NoneType:
		return 0x5f5e1000, nil
	case *frozenSet:
		return v.pyHash()
	case starlark.Tuple:
		// CPython's tuple hash (xxHash's mixing of the items' hashes).
		const p1, p2, p5 = 11400714785074694791, 14029467366897019727, 2870177450012600261
		acc := uint64(p5)
		for _, e := range v {
			h, err := pyHash(e)
			if err != nil {
				return 0, err
			}
			acc += uint64(h) * p2
			acc = acc<<31 | acc>>33
			acc *= p1
		}
		acc += uint64(len(v)) ^ (p5 ^ 3527539)
		if int64(acc) == -1 {
			return 1546275796, nil
		}
		return int64(acc), nil
	}
	h, err := x.Hash()
	if err != nil {
		return 0, fmt.Errorf("TypeError: unhashable type: '%s'", TypeName(x))
	}
	return int64(h), nil
}

// pyID is id(x): a number that identifies the object while it lives.
// Values held by reference give their address; others (numbers,
// strings) their type and hash, so equal small values share one, as
// CPython's cached ones do.
func pyID(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("id", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if rv := reflect.ValueOf(x); rv.Kind() == reflect.Pointer {
		return starlark.MakeUint64(uint64(rv.Pointer())), nil
	}
	h, _ := pyHash(x)
	th, _ := starlark.String(x.Type()).Hash()
	return starlark.MakeUint64(uint64(h)*31 + uint64(th)), nil
}

// pyZip is zip(*iterables, strict=False).
func pyZip(orig *starlark.Builtin) Func {
	return func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		strict := false
		for _, kv := range kwargs {
			if kv[0] != starlark.String("strict") {
				return nil, fmt.Errorf("TypeError: zip() got an unexpected keyword argument '%s'", string(kv[0].(starlark.String)))
			}
			strict = kv[1].Truth() == starlark.True
		}
		if strict && len(args) > 1 {
			first := -1
			for i, a := range args {
				if s, ok := a.(starlark.String); ok {
					a = Chars(s)
				}
				vs, err := Values(a)
				if err != nil {
					return nil, fmt.Errorf("TypeError: '%s' object is not iterable", TypeName(a))
				}
				if first < 0 {
					first = len(vs)
				} else if len(vs) != first {
					which := "shorter"
					if len(vs) > first {
						which = "longer"
					}
					plural := fmt.Sprintf("arguments 1-%d", i)
					if i == 1 {
						plural = "argument 1"
					}
					return nil, fmt.Errorf("ValueError: zip() argument %d is %s than %s", i+1, which, plural)
				}
			}
		}
		return starlark.Call(th, orig, args, nil)
	}
}

// pyRange is range(stop) or range(start, stop[, step]) with Python's
// errors.
func pyRange(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: range() takes no keyword arguments")
	}
	if len(args) == 0 || len(args) > 3 {
		return nil, fmt.Errorf("TypeError: range expected at least 1 argument, got %d", len(args))
	}
	conv := make(starlark.Tuple, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case starlark.Int:
			conv[i] = v
		case starlark.Bool:
			conv[i] = b2i(v)
		default:
			return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", TypeName(a))
		}
	}
	if len(args) == 3 && conv[2].(starlark.Int).Sign() == 0 {
		return nil, fmt.Errorf("ValueError: range() arg 3 must not be zero")
	}
	return starlark.Call(th, starlark.Universe["range"], conv, nil)
}

// pyReversed is reversed(seq): an iterator, over a string's characters
// too; a dict's keys in reverse.
func pyReversed(orig *starlark.Builtin) Func {
	return func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs("reversed", args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		switch v := x.(type) {
		case starlark.String:
			x = Chars(v)
		case *starlark.Set:
			return nil, fmt.Errorf("TypeError: 'set' object is not reversible")
		}
		if _, ok := x.(starlark.Iterable); !ok {
			return nil, fmt.Errorf("TypeError: '%s' object is not reversible", TypeName(x))
		}
		r, err := starlark.Call(th, orig, starlark.Tuple{x}, nil)
		if err != nil {
			return nil, err
		}
		return &iterValue{it: r.(starlark.Iterable).Iterate(), desc: "reversed"}, nil
	}
}

// pySorted is sorted(iterable, /, *, key=None, reverse=False): a new
// list, sorted as list.sort does.
func pySorted(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("sorted", args, nil, 1, &x); err != nil {
		return nil, err
	}
	if s, ok := x.(starlark.String); ok {
		x = Chars(s)
	}
	vs, err := Values(x)
	if err != nil {
		if strings.HasPrefix(err.Error(), "MemoryError") {
			return nil, err
		}
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", TypeName(x))
	}
	l := starlark.NewList(vs)
	if _, err := listSort(th, starlark.NewBuiltin("sort", nil).BindReceiver(l), nil, kwargs); err != nil {
		return nil, err
	}
	return l, nil
}

// pyMinMax is min or max: of an iterable (with default= when it is
// empty) or of the arguments, by key=, with Python's errors. The first
// of equal items wins, as in Python.
func pyMinMax(name string) Func {
	op, sym := syntax.LT, "<"
	if name == "max" {
		op, sym = syntax.GT, ">"
	}
	return func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var key, def starlark.Value
		for _, kv := range kwargs {
			switch kv[0].(starlark.String) {
			case "key":
				if kv[1] != starlark.None {
					key = kv[1]
				}
			case "default":
				def = kv[1]
			default:
				return nil, fmt.Errorf("TypeError: '%s' is an invalid keyword argument for %s()", string(kv[0].(starlark.String)), name)
			}
		}
		var items []starlark.Value
		switch {
		case len(args) == 0:
			return nil, fmt.Errorf("TypeError: %s expected at least 1 argument, got 0", name)
		case len(args) == 1:
			x := args[0]
			if s, ok := x.(starlark.String); ok {
				x = Chars(s)
			}
			vs, err := Values(x)
			if err != nil {
				return nil, fmt.Errorf("TypeError: '%s' object is not iterable", TypeName(x))
			}
			items = vs
		default:
			if def != nil {
				return nil, fmt.Errorf("TypeError: Cannot specify a default for %s() with multiple positional arguments", name)
			}
			items = args
		}
		if len(items) == 0 {
			if def != nil {
				return def, nil
			}
			return nil, fmt.Errorf("ValueError: %s() arg is an empty sequence", name)
		}
		best, bestKey := items[0], items[0]
		if key != nil {
			k, err := starlark.Call(th, key, starlark.Tuple{best}, nil)
			if err != nil {
				return nil, err
			}
			bestKey = k
		}
		for _, x := range items[1:] {
			k := x
			if key != nil {
				var err error
				if k, err = starlark.Call(th, key, starlark.Tuple{x}, nil); err != nil {
					return nil, err
				}
			}
			a, b := boolAsInt(k, bestKey)
			better, err := starlark.Compare(op, a, b)
			if err != nil {
				return nil, fmt.Errorf("TypeError: '%s' not supported between instances of '%s' and '%s'", sym, TypeName(k), TypeName(bestKey))
			}
			if better {
				best, bestKey = x, k
			}
		}
		return best, nil
	}
}

// plainObject is what object() makes: a value with nothing but its
// identity, as sentinels use (missing = object(); x is missing).
type plainObject struct{ _ byte } // not zero-sized: each has its own address

func (o *plainObject) String() string {
	return fmt.Sprintf("<object object at %#x>", reflect.ValueOf(o).Pointer())
}
func (o *plainObject) Type() string         { return "object" }
func (o *plainObject) Freeze()              {}
func (o *plainObject) Truth() starlark.Bool { return true }
func (o *plainObject) Hash() (uint32, error) {
	p := reflect.ValueOf(o).Pointer()
	return uint32(p>>4) ^ uint32(p>>36), nil
}

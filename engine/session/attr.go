package session

import (
	"fmt"

	"go.starlark.net/starlark"
)

// pyAttr is x.name for the names the front end routes through it
// (python.Methods): Python's methods of str, list, dict, set, tuple, int
// and float where Starlark's values lack them, and x's own attribute
// otherwise.
func pyAttr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, fmt.Errorf("TypeError: _attr takes a value and a name")
	}
	name, _ := starlark.AsString(args[1])
	return Getattr(args[0], name)
}

// Getattr is x.name as cells see it: Python's method for Starlark's
// strings, numbers and containers (pyMethod), a number's real, imag,
// numerator and denominator, x's own attribute otherwise, with Python's
// AttributeError when x has no such attribute.
func Getattr(x starlark.Value, name string) (starlark.Value, error) {
	if m, ok := pyMethod(x, name); ok {
		return m, nil
	}
	if v, ok := numberAttr(x, name); ok {
		return v, nil
	}
	return ownAttr(x, name)
}

// numberAttr is a number's real, imag, numerator or denominator.
func numberAttr(x starlark.Value, name string) (starlark.Value, bool) {
	switch v := x.(type) {
	case starlark.Bool:
		return numberAttr(b2i(v), name)
	case starlark.Int:
		switch name {
		case "real", "numerator":
			return v, true
		case "imag":
			return starlark.MakeInt(0), true
		case "denominator":
			return starlark.MakeInt(1), true
		}
	case starlark.Float:
		switch name {
		case "real":
			return v, true
		case "imag":
			return starlark.Float(0), true
		}
	}
	return nil, false
}

// ownAttr is x's own attribute name, with Python's AttributeError when
// x has none.
func ownAttr(x starlark.Value, name string) (starlark.Value, error) {
	if h, ok := x.(starlark.HasAttrs); ok {
		v, err := h.Attr(name)
		if err != nil {
			if _, missing := err.(starlark.NoSuchAttrError); !missing {
				return nil, err
			}
		} else if v != nil {
			return v, nil
		}
	}
	return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", TypeName(x), name)
}

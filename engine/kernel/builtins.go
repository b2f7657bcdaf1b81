package kernel

import (
	"fmt"
	"math"
	"math/big"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

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
		r, err := starlark.Binary(syntax.PLUS, acc, x)
		if err != nil {
			return nil, fmt.Errorf("TypeError: unsupported operand type(s) for +: '%s' and '%s'", pyType(acc), pyType(x))
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
	}
	if h, ok := x.(starlark.HasAttrs); ok {
		if m, err := h.Attr("abs"); err == nil && m != nil {
			if c, ok := m.(starlark.Callable); ok {
				return starlark.Call(&starlark.Thread{}, c, nil, nil)
			}
		}
	}
	return nil, fmt.Errorf("TypeError: bad operand type for abs(): '%s'", pyType(x))
}

// pyRound is Python's round(number, ndigits=None): halves to even; an int
// without ndigits.
func pyRound(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, nd starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("round", args, kwargs, "number", &x, "ndigits?", &nd); err != nil {
		return nil, err
	}
	if i, ok := x.(starlark.Int); ok && nd == starlark.None {
		return i, nil
	}
	f, ok := starlark.AsFloat(x)
	if !ok {
		return nil, fmt.Errorf("TypeError: type %s doesn't define __round__ method", pyType(x))
	}
	if nd == starlark.None {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("ValueError: cannot convert float %s to integer", pyRepr(x))
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
	p := math.Pow(10, float64(n))
	r := math.RoundToEven(f*p) / p
	if math.IsInf(f*p, 0) {
		r = f
	}
	if _, ok := x.(starlark.Int); ok {
		return starlark.NumberToInt(starlark.Float(r))
	}
	return starlark.Float(r), nil
}

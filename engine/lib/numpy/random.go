package numpy

import (
	"fmt"
	"math"

	"go.starlark.net/starlark"

	"burst/engine/ml/rng"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// numpyRandomModule is numpy.random: numpy's legacy RandomState
// (engine/ml/rng, bit for bit) as RandomState objects, and the module's
// functions drawing from one global RandomState (per kernel, seeded from
// the operating system until np.random.seed).
func numpyRandomModule() *session.Module {
	global := &randomState{r: rng.NewFromEntropy()}
	m := &session.Module{Name: "numpy.random", Members: starlark.StringDict{
		"RandomState": builtin("RandomState", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var seed starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "seed?", &seed); err != nil {
				return nil, err
			}
			r := &randomState{r: rng.NewFromEntropy()}
			if err := r.seed(seed); err != nil {
				return nil, err
			}
			return r, nil
		}),
		"default_rng": builtin("default_rng", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return nil, fmt.Errorf("NotImplementedError: numpy's Generator (default_rng) is not available in Burst: use np.random.RandomState(seed), or np.random.seed(seed) and the np.random functions")
		}),
	}}
	for _, name := range randomMethodNames {
		m.Members[name] = builtin(name, global.method(name))
	}
	return m
}

// randomState is numpy.random.RandomState in a cell.
type randomState struct{ r *rng.RandomState }

func (r *randomState) String() string {
	return fmt.Sprintf("RandomState(MT19937) at 0x%X", fmt.Sprintf("%p", r)[2:])
}
func (r *randomState) Type() string         { return "numpy.random.mtrand.RandomState" }
func (r *randomState) Freeze()              {}
func (r *randomState) Truth() starlark.Bool { return true }
func (r *randomState) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'RandomState'")
}

var randomMethodNames = []string{
	"choice", "normal", "permutation", "rand", "randint", "randn", "random", "random_sample",
	"ranf", "sample", "seed", "shuffle", "standard_normal", "uniform",
}

func (r *randomState) AttrNames() []string { return randomMethodNames }

func (r *randomState) Attr(name string) (starlark.Value, error) {
	for _, n := range randomMethodNames {
		if n == name {
			return starlark.NewBuiltin("RandomState."+name, r.method(name)), nil
		}
	}
	return nil, fmt.Errorf("AttributeError: 'numpy.random.mtrand.RandomState' object has no attribute '%s'", name)
}

// seed is RandomState.seed(seed): None (the operating system's entropy),
// an int in [0, 2**32) or a list of them.
func (r *randomState) seed(v starlark.Value) error {
	switch v := v.(type) {
	case starlark.NoneType:
		r.r = rng.NewFromEntropy()
		return nil
	case starlark.Int:
		n, ok := v.Int64()
		if !ok || rng.CheckSeed(n) != nil {
			return fmt.Errorf("ValueError: Seed must be between 0 and 2**32 - 1")
		}
		r.r.Seed(uint32(n))
		return nil
	case starlark.Float, starlark.String:
		return fmt.Errorf("TypeError: Cannot cast scalar from dtype('%s') to dtype('int64') according to the rule 'safe'", map[bool]string{true: "float64", false: "<U1"}[v.Type() == "float"])
	}
	a, err := ArrayOf(v)
	if err != nil || a.DType() != ndarray.Int64 || a.NDim() != 1 {
		return fmt.Errorf("TypeError: Cannot cast %s to a seed: give an int or a list of ints", session.TypeName(v))
	}
	key := make([]uint32, a.Len())
	for i, n := range a.Int64s() {
		if rng.CheckSeed(n) != nil {
			return fmt.Errorf("ValueError: Seed must be between 0 and 2**32 - 1")
		}
		key[i] = uint32(n)
	}
	if err := r.r.SeedArray(key); err != nil {
		return fmt.Errorf("ValueError: %v", err)
	}
	return nil
}

// sizeArg reads size=: None (one value, returned as a Python number), an
// int or a tuple of ints.
func sizeArg(v starlark.Value) ([]int, bool, error) {
	if v == starlark.None {
		return nil, false, nil
	}
	s, err := ShapeOf(v)
	if err != nil {
		return nil, false, fmt.Errorf("TypeError: 'size' must be an int or a tuple of ints, not %s", session.TypeName(v))
	}
	return s, true, nil
}

// sizeCount is how many values size= asks for: one without a size.
func sizeCount(shape []int, sized bool) int {
	if !sized {
		return 1
	}
	return Prod(shape)
}

// randomFloats returns size values filled by fill: a Python float without size.
func randomFloats(shape []int, sized bool, fill func([]float64)) starlark.Value {
	n := sizeCount(shape, sized)
	buf := make([]float64, n)
	fill(buf)
	if !sized {
		return starlark.Float(buf[0])
	}
	return NewArray(ndarray.FromFloat64s(buf, shape...))
}

// dimsArgs reads rand's and randn's d0, d1, …
func dimsArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) ([]int, bool, error) {
	if len(kwargs) > 0 {
		return nil, false, fmt.Errorf("TypeError: %s() takes no keyword arguments", name)
	}
	if len(args) == 0 {
		return nil, false, nil
	}
	dims := make([]int, len(args))
	for i, a := range args {
		n, err := starlark.AsInt32(a)
		if err != nil {
			return nil, false, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", session.TypeName(a))
		}
		if n < 0 {
			return nil, false, fmt.Errorf("ValueError: negative dimensions are not allowed")
		}
		dims[i] = n
	}
	return dims, true, nil
}

func floatArg(name string, v starlark.Value) (float64, error) {
	f, ok := starlark.AsFloat(v)
	if !ok {
		if _, isArray := v.(*NDArray); isArray {
			return 0, fmt.Errorf("NotImplementedError: %s as an array is not available in Burst: give a number", name)
		}
		return 0, fmt.Errorf("TypeError: %s must be a number, not %s", name, session.TypeName(v))
	}
	return f, nil
}

// method returns RandomState.name bound to r (also the module's
// functions, bound to the global RandomState).
func (r *randomState) method(name string) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		rs := r.r
		switch name {
		case "seed":
			var seed starlark.Value = starlark.None
			if err := starlark.UnpackArgs(name, args, kwargs, "seed?", &seed); err != nil {
				return nil, err
			}
			return starlark.None, r.seed(seed)
		case "rand":
			dims, sized, err := dimsArgs(name, args, kwargs)
			if err != nil {
				return nil, err
			}
			return randomFloats(dims, sized, rs.FillRandomSample), nil
		case "randn":
			dims, sized, err := dimsArgs(name, args, kwargs)
			if err != nil {
				return nil, err
			}
			return randomFloats(dims, sized, rs.FillStandardNormal), nil
		case "random_sample", "random", "ranf", "sample", "standard_normal":
			var size starlark.Value = starlark.None
			if err := starlark.UnpackArgs(name, args, kwargs, "size?", &size); err != nil {
				return nil, err
			}
			shape, sized, err := sizeArg(size)
			if err != nil {
				return nil, err
			}
			if name == "standard_normal" {
				return randomFloats(shape, sized, rs.FillStandardNormal), nil
			}
			return randomFloats(shape, sized, rs.FillRandomSample), nil
		case "uniform", "normal":
			var a, c, size starlark.Value = starlark.Float(0), starlark.Float(1), starlark.None
			pa, pc := "low", "high"
			if name == "normal" {
				pa, pc = "loc", "scale"
			}
			if err := starlark.UnpackArgs(name, args, kwargs, pa+"?", &a, pc+"?", &c, "size?", &size); err != nil {
				return nil, err
			}
			x, err := floatArg(pa, a)
			if err != nil {
				return nil, err
			}
			y, err := floatArg(pc, c)
			if err != nil {
				return nil, err
			}
			shape, sized, err := sizeArg(size)
			if err != nil {
				return nil, err
			}
			if name == "uniform" {
				if err := rng.CheckUniform(x, y); err != nil {
					return nil, fmt.Errorf("OverflowError: %v", err)
				}
				return randomFloats(shape, sized, func(dst []float64) { rs.FillUniform(dst, x, y) }), nil
			}
			if err := rng.CheckScale(y); err != nil {
				return nil, fmt.Errorf("ValueError: %v", err)
			}
			return randomFloats(shape, sized, func(dst []float64) { rs.FillNormal(dst, x, y) }), nil
		case "randint":
			var low, high, size, dtype starlark.Value = nil, starlark.None, starlark.None, starlark.None
			if err := starlark.UnpackArgs(name, args, kwargs, "low", &low, "high?", &high, "size?", &size, "dtype?", &dtype); err != nil {
				return nil, err
			}
			if dtype != starlark.None {
				if t, err := dtypeOf(dtype); err != nil || t != ndarray.Int64 {
					return nil, fmt.Errorf("NotImplementedError: randint makes int64 values in Burst")
				}
			}
			lo, err := intArg("low", low)
			if err != nil {
				return nil, err
			}
			hi := lo
			if high == starlark.None {
				lo = 0
			} else if hi, err = intArg("high", high); err != nil {
				return nil, err
			}
			shape, sized, err := sizeArg(size)
			if err != nil {
				return nil, err
			}
			n := sizeCount(shape, sized)
			out := make([]int64, n)
			if err := rs.FillRandint(out, lo, hi); err != nil {
				return nil, fmt.Errorf("ValueError: %v", err)
			}
			if !sized {
				return starlark.MakeInt64(out[0]), nil
			}
			return NewArray(ndarray.FromInt64s(out, shape...)), nil
		case "permutation":
			var x starlark.Value
			if err := starlark.UnpackArgs(name, args, kwargs, "x", &x); err != nil {
				return nil, err
			}
			if n, ok := x.(starlark.Int); ok {
				m, err := starlark.AsInt32(n)
				if err != nil || m < 0 {
					return nil, fmt.Errorf("ValueError: negative dimensions are not allowed")
				}
				p := rs.Permutation(m)
				return NewArray(ndarray.FromInt64s(p, len(p))), nil
			}
			a, err := ArrayOf(x)
			if err != nil {
				return nil, err
			}
			if a.NDim() < 1 {
				return nil, fmt.Errorf("IndexError: x must be an integer or at least 1-dimensional")
			}
			idx := rs.Permutation(a.Len())
			out, err := a.Get(ndarray.FromInt64s(idx, len(idx)))
			if err != nil {
				return nil, err
			}
			return NewArray(out), nil
		case "shuffle":
			var x starlark.Value
			if err := starlark.UnpackArgs(name, args, kwargs, "x", &x); err != nil {
				return nil, err
			}
			switch v := x.(type) {
			case *starlark.List:
				items := make([]starlark.Value, v.Len())
				for i := range items {
					items[i] = v.Index(i)
				}
				rng.Shuffle(rs, items)
				for i, it := range items {
					if err := v.SetIndex(i, it); err != nil {
						return nil, err
					}
				}
			case *NDArray:
				if v.a.NDim() == 0 {
					return nil, fmt.Errorf("TypeError: len() of unsized object")
				}
				idx := rs.Permutation(v.a.Len())
				// Permutation draws what shuffle draws; the rows move
				// once, through a copy.
				moved, err := v.a.Get(ndarray.FromInt64s(idx, len(idx)))
				if err != nil {
					return nil, err
				}
				if err := v.a.Set(moved, ndarray.Colon); err != nil {
					return nil, err
				}
			default:
				return nil, fmt.Errorf("TypeError: shuffle takes a list or an array, not %s", session.TypeName(x))
			}
			return starlark.None, nil
		case "choice":
			var a, size, p starlark.Value = nil, starlark.None, starlark.None
			replace := true
			if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "size?", &size, "replace?", &replace, "p?", &p); err != nil {
				return nil, err
			}
			var pop *ndarray.Array
			var n int64
			if i, ok := a.(starlark.Int); ok {
				n, _ = i.Int64()
				if n < 0 {
					n = 0
				}
			} else {
				arr, err := ArrayOf(a)
				if err != nil {
					return nil, err
				}
				if arr.NDim() != 1 {
					return nil, fmt.Errorf("ValueError: a must be 1-dimensional")
				}
				pop, n = arr, int64(arr.Len())
			}
			shape, sized, err := sizeArg(size)
			if err != nil {
				return nil, err
			}
			count := sizeCount(shape, sized)
			if n == 0 && count != 0 {
				if pop != nil {
					return nil, fmt.Errorf("ValueError: 'a' cannot be empty unless no samples are taken")
				}
				return nil, fmt.Errorf("ValueError: a must be greater than 0 unless no samples are taken")
			}
			var probs []float64
			if p != starlark.None {
				pa, err := ArrayOf(p)
				if err != nil {
					return nil, err
				}
				if pa.NDim() != 1 {
					return nil, fmt.Errorf("ValueError: p must be 1-dimensional")
				}
				probs = pa.AsFloat64s()
			}
			idx, err := rs.Choice(n, count, replace, probs)
			if err != nil {
				return nil, fmt.Errorf("ValueError: %v", err)
			}
			out := ndarray.FromInt64s(idx, len(idx))
			if pop != nil {
				if out, err = pop.Get(out); err != nil {
					return nil, err
				}
			}
			if !sized {
				return scalarValue(out.Item(0)), nil
			}
			out, err = out.Reshape(shape...)
			if err != nil {
				return nil, err
			}
			return NewArray(out), nil
		}
		return nil, fmt.Errorf("NotImplementedError: numpy.random.%s", name)
	}
}

// intArg reads an integer parameter (floats with no fraction are not
// accepted, as numpy's randint does not).
func intArg(name string, v starlark.Value) (int64, error) {
	switch x := v.(type) {
	case starlark.Int:
		n, ok := x.Int64()
		if !ok {
			return 0, fmt.Errorf("ValueError: %s is out of bounds for int64", name)
		}
		return n, nil
	case starlark.Float:
		if f := float64(x); f == math.Trunc(f) {
			return int64(f), nil
		}
	}
	return 0, fmt.Errorf("TypeError: %s must be an int, not %s", name, session.TypeName(v))
}

func init() {
	for name, doc := range map[string]string{
		"RandomState":     "RandomState(seed=None)\n\nnumpy's legacy random generator (MT19937), giving the numbers numpy gives for the same seed: rand, randn, randint, random_sample, uniform, normal, permutation, shuffle, choice.",
		"default_rng":     "default_rng(seed=None)\n\nnumpy's newer Generator: not available in Burst; use RandomState(seed).",
		"seed":            "seed(seed=None)\n\nReseeds the global generator the np.random functions draw from: an int in [0, 2**32), a list of them, or None for fresh entropy.",
		"rand":            "rand(d0, d1, ..., dn)\n\nUniform floats in [0, 1) of shape (d0, ..., dn); one float without arguments.",
		"randn":           "randn(d0, d1, ..., dn)\n\nStandard normal floats of shape (d0, ..., dn); one float without arguments.",
		"randint":         "randint(low, high=None, size=None, dtype=int)\n\nUniform integers in [low, high) (in [0, low) without high).",
		"random_sample":   "random_sample(size=None)\n\nUniform floats in [0, 1).",
		"random":          "random(size=None)\n\nUniform floats in [0, 1) (random_sample).",
		"ranf":            "ranf(size=None)\n\nUniform floats in [0, 1) (random_sample).",
		"sample":          "sample(size=None)\n\nUniform floats in [0, 1) (random_sample).",
		"standard_normal": "standard_normal(size=None)\n\nStandard normal floats (mean 0, standard deviation 1).",
		"uniform":         "uniform(low=0.0, high=1.0, size=None)\n\nUniform floats in [low, high).",
		"normal":          "normal(loc=0.0, scale=1.0, size=None)\n\nNormal floats of mean loc and standard deviation scale.",
		"permutation":     "permutation(x)\n\nA shuffled arange(x) for an int, or a shuffled copy of an array (its rows).",
		"shuffle":         "shuffle(x)\n\nShuffles a list or an array (its rows) in place.",
		"choice":          "choice(a, size=None, replace=True, p=None)\n\nRandom samples of a (an array, or range(a) for an int), with or without replacement, uniform or with probabilities p.",
	} {
		docs["numpy.random."+name] = doc
	}
}

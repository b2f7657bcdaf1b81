package dasharray

import (
	"fmt"
	"math"

	"go.starlark.net/starlark"

	"burst/engine/graph"
	"burst/engine/lib/numpy"
	"burst/engine/ml/rng"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// randomNames are the distributions dask.array.random and its
// RandomState objects draw from.
var randomNames = []string{"random", "random_sample", "normal", "standard_normal", "uniform", "randint"}

// randomModule is dask.array.random: its functions draw from one
// RandomState per kernel (seeded from the operating system until seed),
// and RandomState(seed) gives the arrays Dask gives for the same seed.
func randomModule() *session.Module {
	global := &daRandomState{r: rng.NewFromEntropy()}
	m := &session.Module{Name: "dask.array.random", Members: starlark.StringDict{
		"RandomState": builtin("RandomState", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var seed starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "seed?", &seed); err != nil {
				return nil, err
			}
			r := &daRandomState{}
			return r, r.seed(seed)
		}),
		"seed": builtin("seed", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var seed starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "seed?", &seed); err != nil {
				return nil, err
			}
			return starlark.None, global.seed(seed)
		}),
	}}
	for _, name := range randomNames {
		m.Members[name] = builtin(name, global.draw(name))
	}
	return m
}

// daRandomState is dask.array.random.RandomState: numpy's legacy
// generator whose words seed each block's own generator.
type daRandomState struct{ r *rng.RandomState }

func (r *daRandomState) String() string       { return "<dask.array.random.RandomState object>" }
func (r *daRandomState) Type() string         { return "dask.array.random.RandomState" }
func (r *daRandomState) Freeze()              {}
func (r *daRandomState) Truth() starlark.Bool { return true }
func (r *daRandomState) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'RandomState'")
}
func (r *daRandomState) AttrNames() []string { return append([]string{"seed"}, randomNames...) }

func (r *daRandomState) Attr(name string) (starlark.Value, error) {
	if name == "seed" {
		return builtin("RandomState.seed", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var seed starlark.Value = starlark.None
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "seed?", &seed); err != nil {
				return nil, err
			}
			return starlark.None, r.seed(seed)
		}), nil
	}
	for _, n := range randomNames {
		if n == name {
			return builtin("RandomState."+name, r.draw(name)), nil
		}
	}
	return nil, nil
}

// seed reseeds r as numpy's RandomState(seed) is seeded: an int in
// [0, 2**32), or None for the operating system's entropy.
func (r *daRandomState) seed(v starlark.Value) error {
	if v == starlark.None {
		r.r = rng.NewFromEntropy()
		return nil
	}
	n, ok := v.(starlark.Int)
	if !ok {
		return fmt.Errorf("TypeError: Cannot cast scalar from dtype('%s') to dtype('int64') according to the rule 'safe'", session.TypeName(v))
	}
	s, ok := n.Int64()
	if !ok || s < 0 || s > math.MaxUint32 {
		return fmt.Errorf("ValueError: Seed must be between 0 and 2**32 - 1")
	}
	r.r = rng.New(uint32(s))
	return nil
}

// draw is the distribution name as a function of Dask's signature: its
// parameters, then size= and chunks=.
func (r *daRandomState) draw(name string) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var size starlark.Value = starlark.None
		var chunks starlark.Value = starlark.String("auto")
		var a, c starlark.Value
		var dtype starlark.Value = starlark.None
		p := Params{Kind: "random", Func: name, DType: "float64"}
		var err error
		switch name {
		case "random", "random_sample", "standard_normal":
			p.Func = "random_sample"
			if name == "standard_normal" {
				p.Func = name
			}
			err = starlark.UnpackArgs(name, args, kwargs, "size?", &size, "chunks?", &chunks)
		case "normal":
			a, c = starlark.Float(0), starlark.Float(1)
			err = starlark.UnpackArgs(name, args, kwargs, "loc?", &a, "scale?", &c, "size?", &size, "chunks?", &chunks)
		case "uniform":
			a, c = starlark.Float(0), starlark.Float(1)
			err = starlark.UnpackArgs(name, args, kwargs, "low?", &a, "high?", &c, "size?", &size, "chunks?", &chunks)
		case "randint":
			c = starlark.None
			p.DType = "int64"
			err = starlark.UnpackArgs(name, args, kwargs, "low", &a, "high?", &c, "size?", &size, "chunks?", &chunks, "dtype?", &dtype)
			if err == nil && c == starlark.None {
				a, c = starlark.MakeInt(0), a
			}
		}
		if err != nil {
			return nil, err
		}
		for i, v := range []starlark.Value{a, c} {
			if v == nil {
				continue
			}
			f, ok := starlark.AsFloat(v)
			if !ok {
				return nil, fmt.Errorf("TypeError: dask.array.random.%s takes numbers for its parameters here, not %s (arrays of parameters are not supported in Burst)", name, session.TypeName(v))
			}
			if i == 0 {
				p.Start = f
			} else {
				p.Stop = f
			}
		}
		switch {
		case name == "normal" && p.Stop < 0:
			return nil, fmt.Errorf("ValueError: scale < 0")
		case name == "randint" && p.Start >= p.Stop:
			return nil, fmt.Errorf("ValueError: low >= high")
		}
		if dtype != starlark.None {
			dt, err := numpy.DTypeArg(dtype)
			if err != nil {
				return nil, err
			}
			p.DType = dt.String()
		}
		var shape []int
		if size != starlark.None {
			if shape, err = numpy.ShapeOf(size); err != nil {
				return nil, err
			}
		}
		dt, err := ndarray.ParseDType(p.DType)
		if err != nil {
			return nil, err
		}
		ch, err := chunksArg(chunks, shape, dt)
		if err != nil {
			return nil, err
		}
		if r.r == nil {
			r.r = rng.NewFromEntropy()
		}
		// Each block's seed: 624 words of r, as Dask's
		// random_state_data takes them (numpy's bytes, read back as
		// uint32).
		nb := 1
		for _, c := range ch {
			nb *= len(c)
		}
		seeds := make([]uint32, 624*nb)
		for i := range seeds {
			seeds[i] = r.r.Uint32()
		}
		prefix := p.Func
		n := prefix + "-" + graph.Tokenize(prefix, seeds[:8], shape, ch, p.Start, p.Stop, p.DType)
		g := graph.Graph{}
		x := New(n, g, ch, dt)
		i := 0
		eachBlock(x.numblocks(), func(idx []int) {
			key := BlockKey(n, idx)
			bp := p
			bp.Shape = x.blockShape(idx)
			bp.Seed = seeds[i*624 : (i+1)*624]
			i++
			g[key] = &graph.Task{Key: key, Stages: []graph.Stage{graph.NewStage("darray", bp)}}
		})
		return x, nil
	}
}

// randomBlock draws a block as numpy's RandomState(p.Seed) draws it.
func randomBlock(p Params) (starlark.Value, error) {
	r, err := rng.NewFromArray(p.Seed)
	if err != nil {
		return nil, err
	}
	n := numpy.Prod(p.Shape)
	if p.Func == "randint" {
		buf := make([]int64, n)
		if err := r.FillRandint(buf, int64(p.Start), int64(p.Stop)); err != nil {
			return nil, err
		}
		a := ndarray.FromInt64s(buf, p.Shape...)
		if p.DType != "" && p.DType != "int64" {
			dt, err := ndarray.ParseDType(p.DType)
			if err != nil {
				return nil, err
			}
			a = a.AsType(dt)
		}
		return numpy.NewArray(a), nil
	}
	buf := make([]float64, n)
	switch p.Func {
	case "random_sample":
		r.FillRandomSample(buf)
	case "standard_normal":
		r.FillStandardNormal(buf)
	case "normal":
		r.FillNormal(buf, p.Start, p.Stop)
	case "uniform":
		r.FillUniform(buf, p.Start, p.Stop)
	default:
		return nil, fmt.Errorf("darray: unknown distribution %q", p.Func)
	}
	return numpy.NewArray(ndarray.FromFloat64s(buf, p.Shape...)), nil
}

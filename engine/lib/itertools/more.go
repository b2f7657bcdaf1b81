package itertools

import (
	"fmt"
	"math"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

// sliceIndex reads an islice argument: None, or an int in [0, maxsize].
func sliceIndex(v starlark.Value, def int, msg string) (int, error) {
	if v == starlark.None {
		return def, nil
	}
	i, ok := v.(starlark.Int)
	if !ok {
		return 0, fmt.Errorf("ValueError: %s", msg)
	}
	n, ok := i.Int64()
	if !ok || n < 0 {
		return 0, fmt.Errorf("ValueError: %s", msg)
	}
	return int(min(n, math.MaxInt)), nil
}

func islice(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: islice() takes no keyword arguments")
	}
	if len(args) < 2 || len(args) > 4 {
		return nil, fmt.Errorf("TypeError: islice expected at most 4 arguments, got %d", len(args))
	}
	src, err := source(args[0])
	if err != nil {
		return nil, err
	}
	const stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	const indexMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
	start, stop, step := 0, -1, 1
	if len(args) == 2 {
		if stop, err = sliceIndex(args[1], -1, stopMsg); err != nil {
			return nil, err
		}
	} else {
		if start, err = sliceIndex(args[1], 0, indexMsg); err != nil {
			return nil, err
		}
		if stop, err = sliceIndex(args[2], -1, stopMsg); err != nil {
			return nil, err
		}
		if len(args) == 4 {
			s, err := sliceIndex(args[3], 1, "Step for islice() must be a positive integer or None.")
			if err != nil || s == 0 {
				return nil, fmt.Errorf("ValueError: Step for islice() must be a positive integer or None.")
			}
			step = s
		}
	}
	i := 0        // index of the source's next item
	next := start // index of the next item to give
	return newIterator("islice", func(p *starlark.Value) bool {
		if stop >= 0 && next >= stop {
			return false
		}
		for i < next {
			if !src(p) {
				return false
			}
			i++
		}
		if !src(p) {
			return false
		}
		i++
		next += step
		if stop >= 0 && next > stop {
			next = stop
		}
		return true
	}), nil
}

func pairwise(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("pairwise", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	src, err := source(v)
	if err != nil {
		return nil, err
	}
	var prev starlark.Value
	return newIterator("pairwise", func(p *starlark.Value) bool {
		if prev == nil && !src(&prev) {
			return false
		}
		var x starlark.Value
		if !src(&x) {
			return false
		}
		*p = starlark.Tuple{prev, x}
		prev = x
		return true
	}), nil
}

func starmap(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn, v starlark.Value
	if err := starlark.UnpackPositionalArgs("starmap", args, kwargs, 2, &fn, &v); err != nil {
		return nil, err
	}
	src, err := source(v)
	if err != nil {
		return nil, err
	}
	c, err := callerOf(th, "starmap", fn, false)
	if err != nil {
		return nil, err
	}
	return newIterator("starmap", func(p *starlark.Value) bool {
		var item starlark.Value
		if !src(&item) {
			return false
		}
		items, err := all(item)
		if err != nil {
			fail(th, fmt.Errorf("TypeError: %s() argument after * must be an iterable, not %s", c.name(), session.TypeName(item)))
		}
		*p = c.call(items...)
		return true
	}), nil
}

func (c caller) name() string {
	if n, ok := c.fn.(starlark.Callable); ok {
		return n.Name()
	}
	return "function"
}

// tee gives n iterators over one: an item the source gives goes to the
// queue of each iterator but the one that asked.
func tee(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	n := 2
	if err := starlark.UnpackPositionalArgs("tee", args, kwargs, 1, &v, &n); err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, fmt.Errorf("ValueError: n must be >= 0")
	}
	src, err := source(v)
	if err != nil {
		return nil, err
	}
	queues := make([][]starlark.Value, n)
	out := make(starlark.Tuple, n)
	for k := range out {
		out[k] = newIterator("_tee", func(p *starlark.Value) bool {
			if q := queues[k]; len(q) > 0 {
				*p, queues[k] = q[0], q[1:]
				return true
			}
			if !src(p) {
				return false
			}
			for j := range queues {
				if j != k {
					queues[j] = append(queues[j], *p)
				}
			}
			return true
		})
	}
	return out, nil
}

func zipLongest(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fill starlark.Value = starlark.None
	for _, kv := range kwargs {
		if kv[0].(starlark.String) != "fillvalue" {
			return nil, fmt.Errorf("TypeError: zip_longest() got an unexpected keyword argument '%s'", kv[0].(starlark.String))
		}
		fill = kv[1]
	}
	srcs := make([]nextFunc, len(args))
	for i, a := range args {
		s, err := source(a)
		if err != nil {
			return nil, err
		}
		srcs[i] = s
	}
	active := len(srcs)
	return newIterator("zip_longest", func(p *starlark.Value) bool {
		if active == 0 {
			return false
		}
		t := make(starlark.Tuple, len(srcs))
		for i, s := range srcs {
			if s == nil || !s(&t[i]) {
				if s != nil {
					srcs[i] = nil
					active--
					if active == 0 {
						return false
					}
				}
				t[i] = fill
			}
		}
		*p = t
		return true
	}), nil
}

// pools returns the items of each iterable, repeated.
func pools(args starlark.Tuple, repeat int) ([][]starlark.Value, error) {
	out := make([][]starlark.Value, 0, len(args)*repeat)
	for _, a := range args {
		items, err := all(a)
		if err != nil {
			return nil, err
		}
		out = append(out, items)
	}
	for r := 1; r < repeat; r++ {
		out = append(out, out[:len(args)]...)
	}
	return out, nil
}

func product(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	repeat := 1
	for _, kv := range kwargs {
		if kv[0].(starlark.String) != "repeat" {
			return nil, fmt.Errorf("TypeError: product() got an unexpected keyword argument '%s'", kv[0].(starlark.String))
		}
		n, err := starlark.AsInt32(kv[1])
		if err != nil {
			return nil, fmt.Errorf("TypeError: '%s' object cannot be interpreted as an integer", session.TypeName(kv[1]))
		}
		if n < 0 {
			return nil, fmt.Errorf("ValueError: repeat argument cannot be negative")
		}
		repeat = n
	}
	ps, err := pools(args, repeat)
	if err != nil {
		return nil, err
	}
	if repeat == 0 {
		ps = nil
	}
	idx := make([]int, len(ps))
	done := false
	for _, pl := range ps {
		if len(pl) == 0 {
			done = true
		}
	}
	return newIterator("product", func(p *starlark.Value) bool {
		if done {
			return false
		}
		t := make(starlark.Tuple, len(ps))
		for i, pl := range ps {
			t[i] = pl[idx[i]]
		}
		*p = t
		// The odometer: the rightmost index turns fastest.
		i := len(idx) - 1
		for ; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(ps[i]) {
				break
			}
			idx[i] = 0
		}
		done = i < 0
		return true
	}), nil
}

// rArg reads the r of permutations and combinations.
func rArg(v starlark.Value, def int) (int, error) {
	if v == starlark.None {
		return def, nil
	}
	r, err := starlark.AsInt32(v)
	if err != nil {
		return 0, fmt.Errorf("TypeError: Expected int as r")
	}
	if r < 0 {
		return 0, fmt.Errorf("ValueError: r must be non-negative")
	}
	return r, nil
}

// permutations follows CPython's algorithm (indices and cycles), so the
// order is Python's.
func permutations(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v, rv starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("permutations", args, kwargs, "iterable", &v, "r?", &rv); err != nil {
		return nil, err
	}
	pool, err := all(v)
	if err != nil {
		return nil, err
	}
	n := len(pool)
	r, err := rArg(rv, n)
	if err != nil {
		return nil, err
	}
	indices := make([]int, n)
	for i := range indices {
		indices[i] = i
	}
	cycles := make([]int, r)
	for i := range cycles {
		cycles[i] = n - i
	}
	first, done := true, r > n
	return newIterator("permutations", func(p *starlark.Value) bool {
		if done {
			return false
		}
		if !first {
			i := r - 1
			for ; i >= 0; i-- {
				cycles[i]--
				if cycles[i] == 0 {
					// Rotate indices[i:] left by one.
					x := indices[i]
					copy(indices[i:], indices[i+1:])
					indices[n-1] = x
					cycles[i] = n - i
					continue
				}
				j := n - cycles[i]
				indices[i], indices[j] = indices[j], indices[i]
				break
			}
			if i < 0 {
				done = true
				return false
			}
		}
		first = false
		t := make(starlark.Tuple, r)
		for k := range t {
			t[k] = pool[indices[k]]
		}
		*p = t
		return true
	}), nil
}

// combinations is combinations, or combinations_with_replacement, by
// CPython's algorithms.
func combinations(replace bool) session.Func {
	name := "combinations"
	if replace {
		name = "combinations_with_replacement"
	}
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v, rv starlark.Value
		if len(args) < 2 && len(kwargs) == 0 {
			return nil, fmt.Errorf("TypeError: %s() missing required argument '%s' (pos %d)", name, []string{"iterable", "r"}[len(args)], len(args)+1)
		}
		if err := starlark.UnpackArgs(name, args, kwargs, "iterable", &v, "r", &rv); err != nil {
			return nil, err
		}
		pool, err := all(v)
		if err != nil {
			return nil, err
		}
		n := len(pool)
		r, err := rArg(rv, 0)
		if err != nil {
			return nil, err
		}
		indices := make([]int, r)
		if !replace {
			for i := range indices {
				indices[i] = i
			}
		}
		first := true
		done := (!replace && r > n) || (replace && n == 0 && r > 0)
		return newIterator(name, func(p *starlark.Value) bool {
			if done {
				return false
			}
			if !first {
				i := r - 1
				if replace {
					for i >= 0 && indices[i] == n-1 {
						i--
					}
					if i < 0 {
						done = true
						return false
					}
					x := indices[i] + 1
					for j := i; j < r; j++ {
						indices[j] = x
					}
				} else {
					for i >= 0 && indices[i] == i+n-r {
						i--
					}
					if i < 0 {
						done = true
						return false
					}
					indices[i]++
					for j := i + 1; j < r; j++ {
						indices[j] = indices[j-1] + 1
					}
				}
			}
			first = false
			t := make(starlark.Tuple, r)
			for k := range t {
				t[k] = pool[indices[k]]
			}
			*p = t
			return true
		}), nil
	}
}

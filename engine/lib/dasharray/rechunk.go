package dasharray

import (
	"fmt"
	"math"
	"sort"

	"go.starlark.net/starlark"

	"burst/engine/graph"
	"burst/engine/lib/numpy"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// rechunk is x.rechunk(chunks): the same array in other blocks. chunks
// is what normalize_chunks takes (an int, a tuple per axis, 'auto') or a
// dict of axis → chunks, the axes not named keeping theirs; 'auto' sizes
// blocks from the present ones as Dask's auto_chunks does with
// previous_chunks. Each new block is cut from the old blocks it overlaps.
func (x *DaskArray) rechunk(v starlark.Value) (starlark.Value, error) {
	nd := len(x.chunks)
	perAxis := make([]starlark.Value, nd)
	switch c := v.(type) {
	case *starlark.Dict:
		for _, item := range c.Items() {
			ax, err := starlark.AsInt32(item[0])
			if err != nil || ax < -nd || ax >= nd {
				return nil, fmt.Errorf("ValueError: axis %s is out of bounds for array of dimension %d", session.Repr(item[0]), nd)
			}
			if ax < 0 {
				ax += nd
			}
			perAxis[ax] = item[1]
		}
	case starlark.Tuple, *starlark.List:
		vs, _ := session.Values(c)
		if len(vs) != nd {
			return nil, fmt.Errorf("ValueError: Chunks and shape must be of the same length/dimension. Got chunks=%s, shape=%s", session.Repr(v), pyTupleInts(x.Shape()))
		}
		copy(perAxis, vs)
	default:
		for i := range perAxis {
			perAxis[i] = v
		}
	}
	shape := x.Shape()
	chunks := make([][]int, nd)
	var autos []int
	for ax, c := range perAxis {
		switch {
		case c == nil || c == starlark.None:
			chunks[ax] = x.chunks[ax]
		case c == starlark.String("auto"):
			autos = append(autos, ax)
		default:
			one, err := chunksArg(starlark.Tuple{c}, shape[ax:ax+1], x.dtype)
			if err != nil {
				return nil, err
			}
			chunks[ax] = one[0]
		}
	}
	if len(autos) > 0 {
		autoChunks(chunks, autos, shape, x.chunks, itemsize(x.dtype))
	}
	same := true
	for ax := range chunks {
		same = same && sameInts(chunks[ax], x.chunks[ax])
	}
	if same {
		return x, nil
	}
	name := "rechunk-merge-" + graph.Tokenize("rechunk", x.name, chunks)
	g := graph.Merge(x.g)
	out := New(name, g, chunks, x.dtype)
	// Per axis, the old blocks each new block overlaps and the part of
	// each it takes.
	type piece struct{ block, start, stop int }
	overlaps := make([][][]piece, nd)
	for ax := range chunks {
		oldStarts := starts(x.chunks[ax])
		lo := 0
		for _, n := range chunks[ax] {
			hi := lo + n
			var ps []piece
			b := sort.Search(len(oldStarts), func(i int) bool { return oldStarts[i] > lo }) - 1
			for ; b < len(x.chunks[ax]) && oldStarts[b] < hi; b++ {
				s, e := max(lo, oldStarts[b]), min(hi, oldStarts[b]+x.chunks[ax][b])
				if e > s {
					ps = append(ps, piece{b, s - oldStarts[b], e - oldStarts[b]})
				}
			}
			overlaps[ax] = append(overlaps[ax], ps)
			lo = hi
		}
	}
	eachBlock(out.numblocks(), func(idx []int) {
		grid := make([]int, nd)
		for ax, i := range idx {
			grid[ax] = len(overlaps[ax][i])
		}
		p := Params{Kind: "rechunk", Shape: out.blockShape(idx), DType: x.dtype.String(), Grid: grid}
		var deps []graph.Key
		eachBlock(grid, func(at []int) {
			old := make([]int, nd)
			items := make([]Item, nd)
			for ax, j := range at {
				pc := overlaps[ax][idx[ax]][j]
				old[ax] = pc.block
				items[ax] = Item{Start: pc.start, Stop: pc.stop, Step: 1}
			}
			deps = append(deps, BlockKey(x.name, old))
			p.Pieces = append(p.Pieces, items)
		})
		k := BlockKey(name, idx)
		g[k] = &graph.Task{Key: k, Deps: deps, Stages: []graph.Stage{graph.NewStage("darray", p)}}
	})
	return out, nil
}

// starts are the offsets where blocks of the given lengths start.
func starts(lengths []int) []int {
	out := make([]int, len(lengths))
	off := 0
	for i, n := range lengths {
		out[i] = off
		off += n
	}
	return out
}

// autoChunks fills chunks' automatic axes as Dask's auto_chunks does
// given previous chunks: from the median of the present block lengths,
// scaled so that a block holds about 128 MiB, rounded to the most common
// present length (or its multiples), and whole axes where that is
// bigger than the axis.
func autoChunks(chunks [][]int, autos []int, shape []int, previous [][]int, itemsize int) {
	const limit = 128 << 20
	largest := 1.0
	for _, c := range chunks {
		if c != nil {
			m := 0
			for _, b := range c {
				m = max(m, b)
			}
			largest *= float64(m)
		}
	}
	result := map[int]float64{}
	ideal := map[int]int{}
	for _, ax := range autos {
		result[ax] = median(previous[ax])
		freq := map[int]int{}
		mode, count := 0, 0
		for _, b := range previous[ax] {
			freq[b]++
		}
		for _, b := range previous[ax] { // the first most frequent, as max() over Dask's dict
			if freq[b] > count {
				mode, count = b, freq[b]
			}
		}
		ideal[ax] = shape[ax]
		if mode > 1 && float64(count) >= float64(len(previous[ax]))/2 {
			ideal[ax] = mode
		}
	}
	multiplier := func() float64 {
		m := float64(limit) / float64(itemsize) / largest
		for _, r := range result {
			if r != 0 {
				m /= r
			}
		}
		return m
	}
	left := append([]int(nil), autos...)
	mult := multiplier()
	for {
		lastMult, lastLeft := mult, len(left)
		var still []int
		for _, ax := range left {
			if ideal[ax] == 0 {
				result[ax] = 0
				still = append(still, ax)
				continue
			}
			proposed := result[ax] * math.Pow(mult, 1/float64(len(left)))
			if proposed > float64(shape[ax]) {
				largest *= float64(shape[ax])
				chunks[ax] = []int{shape[ax]}
				delete(result, ax)
				continue
			}
			still = append(still, ax)
			if proposed <= float64(ideal[ax]) {
				result[ax] = float64(max(1, int(proposed)))
			} else {
				result[ax] = math.Floor(proposed/float64(ideal[ax])) * float64(ideal[ax])
			}
		}
		left = still
		mult = multiplier()
		if mult == lastMult && len(left) == lastLeft {
			break
		}
	}
	for ax, r := range result {
		n := int(r)
		if n <= 0 {
			chunks[ax] = []int{shape[ax]}
			continue
		}
		for lo := 0; lo < shape[ax]; lo += n {
			chunks[ax] = append(chunks[ax], min(n, shape[ax]-lo))
		}
		if shape[ax] == 0 {
			chunks[ax] = []int{0}
		}
	}
}

func median(xs []int) float64 {
	s := append([]int(nil), xs...)
	sort.Ints(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// rechunkBlock assembles a new block from the parts of the old blocks
// it overlaps: in holds them in row-major order of p.Grid.
func rechunkBlock(p Params, in []*ndarray.Array) (starlark.Value, error) {
	parts := make([]*ndarray.Array, len(in))
	for i, a := range in {
		idx := make([]ndarray.Index, len(p.Pieces[i]))
		for ax, it := range p.Pieces[i] {
			s, e, st := it.Start, it.Stop, 1
			idx[ax] = ndarray.Slice{Start: &s, Stop: &e, Step: &st}
		}
		r, err := a.Get(idx...)
		if err != nil {
			return nil, err
		}
		parts[i] = r
	}
	// Join along the last axis first: groups of Grid[ax] neighbours.
	for ax := len(p.Grid) - 1; ax >= 0; ax-- {
		n := p.Grid[ax]
		if n == 1 {
			continue
		}
		joined := make([]*ndarray.Array, 0, len(parts)/n)
		for i := 0; i < len(parts); i += n {
			r, err := ndarray.Concatenate(parts[i:i+n], ax)
			if err != nil {
				return nil, err
			}
			joined = append(joined, r)
		}
		parts = joined
	}
	return numpy.NewArray(parts[0]), nil
}

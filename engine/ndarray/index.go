package ndarray

import (
	"fmt"
	"unsafe"
)

// Index is one item of an index expression a[i0, i1, ...]: an Int, a
// Slice, NewAxis, or an *Array (a boolean mask or integer positions).
type Index interface{ isIndex() }

// Int selects one position of an axis (negative counts from the end).
type Int int

// Slice is start:stop:step; nil parts are Python's None.
type Slice struct{ Start, Stop, Step *int }

// NewAxis inserts an axis of length 1 (np.newaxis, None).
type NewAxis struct{}

func (Int) isIndex()     {}
func (Slice) isIndex()   {}
func (NewAxis) isIndex() {}
func (*Array) isIndex()  {}

// Colon is the slice ":".
var Colon = Slice{}

// indices resolves a slice against a length as Python's slice.indices
// does, and returns the first position, the step and the count.
func (s Slice) indices(n int) (start, step, count int, err error) {
	step = 1
	if s.Step != nil {
		step = *s.Step
		if step == 0 {
			return 0, 0, 0, fmt.Errorf("ValueError: slice step cannot be zero")
		}
	}
	lower, upper := 0, n
	if step < 0 {
		lower, upper = -1, n-1
	}
	clamp := func(p *int, def int) int {
		if p == nil {
			return def
		}
		v := *p
		if v < 0 {
			v += n
			if v < lower {
				v = lower
			}
		} else if v > upper {
			v = upper
		}
		return v
	}
	if step > 0 {
		start, stop := clamp(s.Start, lower), clamp(s.Stop, upper)
		if stop > start {
			count = (stop - start + step - 1) / step
		}
		return start, step, count, nil
	}
	start, stop := clamp(s.Start, upper), clamp(s.Stop, lower)
	if start > stop {
		count = (start - stop + (-step) - 1) / (-step)
	}
	return start, step, count, nil
}

// rangeTable is the offsets start*stride, (start+step)*stride, ...
func rangeTable(start, step, count, stride int) []int {
	t := make([]int, count)
	for k := range t {
		t[k] = (start + k*step) * stride
	}
	return t
}

// plan is an index expression resolved against a shape: the offset of
// the first element, and per output axis the offsets it adds. An
// advanced (array) index gives one table for all its axes, advShape.
type plan struct {
	base   int
	tables [][]int
	shape  []int // the result's shape
	// view: the result is the contiguous run [lo, hi) of the data.
	view   bool
	lo, hi int
	// advanced: an array among the indexes.
	advanced bool
}

// copyOnOverlap is numpy's rule for assigning values that overlap the
// destination: with basic indexes they are copied first when the
// destination has more than one axis or goes backwards (a[::-1] = a);
// a forward 1-D destination and advanced indexes are written in order,
// reading values already written (a[::2] = a[:3] gives [0, 1, 1, 3, 1, 5]
// in numpy too).
func (p *plan) copyOnOverlap() bool {
	if p.advanced {
		return false
	}
	if len(p.shape) != 1 || len(p.tables) != 1 {
		return true
	}
	t := p.tables[0]
	return len(t) > 1 && t[1] < t[0]
}

// resolve turns an index expression into a plan.
func (a *Array) resolve(idx []Index) (*plan, error) {
	// Boolean arrays become the integer positions of their true values,
	// one array per axis they cover.
	var items []Index
	consumed := 0
	hasAdv := false
	for _, it := range idx {
		switch x := it.(type) {
		case *Array:
			hasAdv = true
			switch x.dtype {
			case Bool:
				if x.NDim() == 0 {
					return nil, fmt.Errorf("IndexError: a 0-d boolean index is not supported")
				}
				for k, d := range x.shape {
					ax := consumed + k
					if ax < len(a.shape) && a.shape[ax] != d {
						return nil, fmt.Errorf("IndexError: boolean index did not match indexed array along dimension %d; dimension is %d but corresponding boolean dimension is %d", ax, a.shape[ax], d)
					}
				}
				items = append(items, nonzero(x)...)
				consumed += x.NDim()
			case Int64:
				items = append(items, x)
				consumed++
			default:
				return nil, fmt.Errorf("IndexError: arrays used as indices must be of integer (or boolean) type")
			}
		case Int, Slice:
			items = append(items, it)
			consumed++
		case NewAxis:
			items = append(items, it)
		}
	}
	if consumed > len(a.shape) {
		return nil, fmt.Errorf("IndexError: too many indices for array: array is %d-dimensional, but %d were indexed", len(a.shape), consumed)
	}
	for k := consumed; k < len(a.shape); k++ {
		items = append(items, Colon)
	}
	strides := stridesOf(a.shape)
	p := &plan{}
	if !hasAdv {
		if v, ok := a.viewPlan(items, strides); ok {
			return v, nil
		}
	}
	// Advanced indices (arrays, and ints among them) broadcast together.
	type adv struct {
		pos  []int64
		dims []int
		axis int
	}
	var advs []adv
	firstAdv, lastAdv := -1, -1
	d := 0
	outPos := 0 // output axes before the first advanced index
	for n, it := range items {
		switch x := it.(type) {
		case Int:
			i := int(x)
			if i < -a.shape[d] || i >= a.shape[d] {
				return nil, fmt.Errorf("IndexError: index %d is out of bounds for axis %d with size %d", i, d, a.shape[d])
			}
			if i < 0 {
				i += a.shape[d]
			}
			if hasAdv {
				advs = append(advs, adv{[]int64{int64(i)}, nil, d})
				if firstAdv < 0 {
					firstAdv = n
				}
				lastAdv = n
			} else {
				p.base += i * strides[d]
			}
			d++
		case Slice:
			start, step, count, err := x.indices(a.shape[d])
			if err != nil {
				return nil, err
			}
			p.tables = append(p.tables, rangeTable(start, step, count, strides[d]))
			p.shape = append(p.shape, count)
			if firstAdv < 0 {
				outPos++
			}
			d++
		case NewAxis:
			p.tables = append(p.tables, []int{0})
			p.shape = append(p.shape, 1)
			if firstAdv < 0 {
				outPos++
			}
		case *Array:
			for _, v := range x.i {
				if v < -int64(a.shape[d]) || v >= int64(a.shape[d]) {
					return nil, fmt.Errorf("IndexError: index %d is out of bounds for axis %d with size %d", v, d, a.shape[d])
				}
			}
			advs = append(advs, adv{x.i, x.shape, d})
			if firstAdv < 0 {
				firstAdv = n
			}
			lastAdv = n
			d++
		}
	}
	if len(advs) == 0 {
		return p, nil
	}
	p.advanced = true
	// numpy puts the broadcast axes where the advanced indices are when
	// they are next to each other, first otherwise.
	together := true
	for n := firstAdv; n <= lastAdv; n++ {
		switch items[n].(type) {
		case Slice, NewAxis:
			together = false
		}
	}
	if !together {
		outPos = 0
	}
	var bshape []int
	for k, x := range advs {
		s, err := broadcastShapes(bshape, x.dims)
		if err != nil {
			shapes := ""
			for _, y := range advs[:k+1] {
				shapes += shapeRepr(y.dims, false) + " "
			}
			return nil, fmt.Errorf("IndexError: shape mismatch: indexing arrays could not be broadcast together with shapes %s", shapes)
		}
		bshape = s
	}
	n := size(bshape)
	table := make([]int, n)
	for _, x := range advs {
		dim := a.shape[x.axis]
		st := strides[x.axis]
		if len(x.pos) == n && sameShape(x.dims, bshape) || len(x.dims) == 0 && n == 1 {
			for k := range table {
				v := int(x.pos[k])
				if v < 0 {
					v += dim
				}
				table[k] += v * st
			}
			continue
		}
		if len(x.pos) == 1 {
			v := int(x.pos[0])
			if v < 0 {
				v += dim
			}
			for k := range table {
				table[k] += v * st
			}
			continue
		}
		src := broadcastIndex(x.dims, bshape)
		for k := range table {
			v := int(x.pos[src[k]])
			if v < 0 {
				v += dim
			}
			table[k] += v * st
		}
	}
	tables := make([][]int, 0, len(p.tables)+1)
	tables = append(tables, p.tables[:outPos]...)
	tables = append(tables, table)
	tables = append(tables, p.tables[outPos:]...)
	shape := make([]int, 0, len(p.shape)+len(bshape))
	shape = append(shape, p.shape[:outPos]...)
	shape = append(shape, bshape...)
	shape = append(shape, p.shape[outPos:]...)
	p.tables, p.shape = tables, shape
	return p, nil
}

// viewPlan recognises basic indexes whose result is a contiguous run of
// the data: ints on leading axes, then at most one slice of step 1, then
// whole axes. Such results share memory, as numpy's views.
func (a *Array) viewPlan(items []Index, strides []int) (*plan, bool) {
	p := &plan{view: true}
	d := 0
	sliced := false
	for _, it := range items {
		switch x := it.(type) {
		case Int:
			if sliced {
				return nil, false
			}
			i := int(x)
			if i < -a.shape[d] || i >= a.shape[d] {
				return nil, false // resolve reports it
			}
			if i < 0 {
				i += a.shape[d]
			}
			p.base += i * strides[d]
		case Slice:
			start, step, count, err := x.indices(a.shape[d])
			if err != nil {
				return nil, false
			}
			if sliced {
				if start != 0 || step != 1 || count != a.shape[d] {
					return nil, false
				}
			} else {
				if step != 1 && count > 1 {
					return nil, false
				}
				p.base += start * strides[d]
				sliced = true
			}
			p.shape = append(p.shape, count)
		default:
			return nil, false
		}
		d++
	}
	p.lo = p.base
	p.hi = p.base + size(p.shape)
	return p, true
}

func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// nonzero returns, per axis of a bool array, the positions of its true
// elements (numpy's nonzero).
func nonzero(m *Array) []Index {
	nd := m.NDim()
	count := 0
	for _, v := range m.b {
		if v {
			count++
		}
	}
	out := make([][]int64, nd)
	for k := range out {
		out[k] = make([]int64, 0, count)
	}
	strides := stridesOf(m.shape)
	for flat, v := range m.b {
		if !v {
			continue
		}
		r := flat
		for k := 0; k < nd; k++ {
			out[k] = append(out[k], int64(r/strides[k]))
			r %= strides[k]
		}
	}
	items := make([]Index, nd)
	for k := range items {
		items[k] = FromInt64s(out[k])
	}
	return items
}

// Nonzero returns the positions of the non-zero elements, one int64
// array per axis (np.nonzero).
func Nonzero(a *Array) []*Array {
	idx := nonzero(a.as(Bool))
	out := make([]*Array, len(idx))
	for k, x := range idx {
		out[k] = x.(*Array)
	}
	return out
}

// Get returns a[idx...]. Basic indexes of leading axes give views; all
// others copies. A result of 0 dimensions is an element (numpy returns
// a scalar for it).
func (a *Array) Get(idx ...Index) (*Array, error) {
	p, err := a.resolve(idx)
	if err != nil {
		return nil, err
	}
	if p.view {
		return a.slice(p.lo, p.hi, p.shape), nil
	}
	return a.gather(p.base, p.tables, p.shape), nil
}

// gather copies the elements at base + t0[i0] + t1[i1] + ... into a new
// array of the given shape (whose size is the product of the tables'
// lengths).
func (a *Array) gather(base int, tables [][]int, shape []int) *Array {
	out := New(a.dtype, shape...)
	switch a.dtype {
	case Float64:
		gatherT(out.f, a.f, base, tables)
	case Int64:
		gatherT(out.i, a.i, base, tables)
	default:
		gatherT(out.b, a.b, base, tables)
	}
	return out
}

func gatherT[T any](out, in []T, base int, tables [][]int) {
	if len(out) == 0 {
		return
	}
	if len(tables) == 0 {
		out[0] = in[base]
		return
	}
	last := tables[len(tables)-1]
	contiguous := isRun(last)
	outer := tables[:len(tables)-1]
	pos := make([]int, len(outer))
	p := 0
	for {
		off := base
		for k, t := range outer {
			off += t[pos[k]]
		}
		if contiguous {
			p += copy(out[p:p+len(last)], in[off+last[0]:])
		} else {
			o := out[p : p+len(last)]
			for j, t := range last {
				o[j] = in[off+t]
			}
			p += len(last)
		}
		k := len(outer) - 1
		for ; k >= 0; k-- {
			pos[k]++
			if pos[k] < len(outer[k]) {
				break
			}
			pos[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// isRun reports whether a table is consecutive offsets.
func isRun(t []int) bool {
	for j := 1; j < len(t); j++ {
		if t[j] != t[j-1]+1 {
			return false
		}
	}
	return len(t) > 0
}

func scatterT[T any](data, vals []T, base int, tables [][]int) {
	if len(tables) == 0 {
		data[base] = vals[0]
		return
	}
	last := tables[len(tables)-1]
	if len(last) == 0 {
		return
	}
	outer := tables[:len(tables)-1]
	for _, t := range outer {
		if len(t) == 0 {
			return
		}
	}
	pos := make([]int, len(outer))
	p := 0
	for {
		off := base
		for k, t := range outer {
			off += t[pos[k]]
		}
		v := vals[p : p+len(last)]
		for j, t := range last {
			data[off+t] = v[j]
		}
		p += len(last)
		k := len(outer) - 1
		for ; k >= 0; k-- {
			pos[k]++
			if pos[k] < len(outer[k]) {
				break
			}
			pos[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// Set assigns v (broadcast to the indexed shape, converted to a's dtype)
// to a[idx...], in place.
func (a *Array) Set(v *Array, idx ...Index) error {
	p, err := a.resolve(idx)
	if err != nil {
		return err
	}
	vals, err := BroadcastTo(v.as(a.dtype), p.shape)
	if err != nil {
		return fmt.Errorf("ValueError: could not broadcast input array from shape %s into shape %s", shapeRepr(v.shape, false), shapeRepr(p.shape, false))
	}
	if !p.view && sharesMemory(a, vals) && p.copyOnOverlap() {
		vals = vals.Copy()
	}
	if p.view {
		switch a.dtype {
		case Float64:
			copy(a.f[p.lo:p.hi], vals.f)
		case Int64:
			copy(a.i[p.lo:p.hi], vals.i)
		default:
			copy(a.b[p.lo:p.hi], vals.b)
		}
		return nil
	}
	switch a.dtype {
	case Float64:
		scatterT(a.f, vals.f, p.base, p.tables)
	case Int64:
		scatterT(a.i, vals.i, p.base, p.tables)
	default:
		scatterT(a.b, vals.b, p.base, p.tables)
	}
	return nil
}

// sharesMemory reports whether the data of a and b overlap.
func sharesMemory(a, b *Array) bool {
	span := func(x *Array) (uintptr, uintptr) {
		switch {
		case len(x.f) > 0:
			p := uintptr(unsafe.Pointer(&x.f[0]))
			return p, p + uintptr(len(x.f))*8
		case len(x.i) > 0:
			p := uintptr(unsafe.Pointer(&x.i[0]))
			return p, p + uintptr(len(x.i))*8
		case len(x.b) > 0:
			p := uintptr(unsafe.Pointer(&x.b[0]))
			return p, p + uintptr(len(x.b))
		}
		return 0, 0
	}
	a0, a1 := span(a)
	b0, b1 := span(b)
	return a0 < b1 && b0 < a1
}

// Fill sets every element to v's single value.
func (a *Array) Fill(v *Array) {
	v = v.as(a.dtype)
	switch a.dtype {
	case Float64:
		for k := range a.f {
			a.f[k] = v.f[0]
		}
	case Int64:
		for k := range a.i {
			a.i[k] = v.i[0]
		}
	default:
		for k := range a.b {
			a.b[k] = v.b[0]
		}
	}
}

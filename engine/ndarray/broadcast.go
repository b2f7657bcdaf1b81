package ndarray

import (
	"fmt"
	"strings"
)

// broadcastShapes returns the shape two shapes broadcast to, numpy's
// rule: aligned on the right, each pair of dimensions equal or one of
// them 1.
func broadcastShapes(a, b []int) ([]int, error) {
	n := max(len(a), len(b))
	out := make([]int, n)
	for k := 0; k < n; k++ {
		da, db := 1, 1
		if i := len(a) - n + k; i >= 0 {
			da = a[i]
		}
		if i := len(b) - n + k; i >= 0 {
			db = b[i]
		}
		switch {
		case da == db || db == 1:
			out[k] = da
		case da == 1:
			out[k] = db
		default:
			return nil, fmt.Errorf("mismatch")
		}
	}
	return out, nil
}

// broadcastError is numpy's message for operands of shapes that do not
// broadcast (with its trailing space).
func broadcastError(shapes ...[]int) error {
	var b strings.Builder
	for _, s := range shapes {
		b.WriteString(shapeReprCompact(s))
		b.WriteByte(' ')
	}
	return fmt.Errorf("ValueError: operands could not be broadcast together with shapes %s", b.String())
}

// shapeReprCompact writes a shape as numpy's broadcast error does:
// (2,3) without spaces.
func shapeReprCompact(shape []int) string {
	parts := make([]string, len(shape))
	for k, d := range shape {
		parts[k] = fmt.Sprint(d)
	}
	if len(parts) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ",") + ")"
}

// broadcastIndex returns, for every flat position of shape out, the flat
// position in an array of shape in broadcast to it.
func broadcastIndex(in, out []int) []int {
	n := size(out)
	idx := make([]int, n)
	st := broadcastStrides(in, out)
	pos := make([]int, len(out))
	off := 0
	for p := 0; p < n; p++ {
		idx[p] = off
		for k := len(out) - 1; k >= 0; k-- {
			pos[k]++
			off += st[k]
			if pos[k] < out[k] {
				break
			}
			off -= st[k] * pos[k]
			pos[k] = 0
		}
	}
	return idx
}

// broadcastStrides returns the element strides of an array of shape in
// seen as shape out: 0 along broadcast dimensions.
func broadcastStrides(in, out []int) []int {
	st := make([]int, len(out))
	s := stridesOf(in)
	for k := range out {
		i := len(in) - len(out) + k
		if i >= 0 && in[i] != 1 {
			st[k] = s[i]
		}
	}
	return st
}

// BroadcastTo returns a with shape, repeating it along broadcast
// dimensions (a itself if it has that shape already).
func BroadcastTo(a *Array, shape []int) (*Array, error) {
	s, err := broadcastShapes(shape, a.shape)
	if err != nil || !sameShape(s, shape) {
		return nil, fmt.Errorf("ValueError: cannot broadcast a non-scalar to a scalar array")
	}
	if sameShape(a.shape, shape) {
		return a, nil
	}
	st := broadcastStrides(a.shape, shape)
	tables := make([][]int, len(shape))
	for k := range tables {
		tables[k] = rangeTable(0, 1, shape[k], st[k])
	}
	return a.gather(0, tables, shape), nil
}

package svm

// Loops over a column of Q or over the support vectors, unrolled by four.
// Under js/wasm, Go compiles a function's control flow as a dispatch loop
// (a br_table over its blocks), so every backward jump, once per element
// in a plain loop, costs about as much as these loops' arithmetic;
// natively the unrolling is neutral. Each element is computed exactly as
// in the plain loop, in the same order.

// addScaled sets dst[k] += c·q[k] (the product rounded first).
func addScaled(dst []float64, q []float32, c float64) {
	q = q[:len(dst)]
	k := 0
	for ; k+4 <= len(dst); k += 4 {
		d, s := dst[k:k+4:k+4], q[k:k+4:k+4]
		d[0] += float64(c * float64(s[0]))
		d[1] += float64(c * float64(s[1]))
		d[2] += float64(c * float64(s[2]))
		d[3] += float64(c * float64(s[3]))
	}
	for ; k < len(dst); k++ {
		dst[k] += float64(c * float64(q[k]))
	}
}

// addScaled2 sets g[k] += qi[k]·ai + qj[k]·aj (each product rounded, then
// added left to right), the gradient update of an SMO step.
func addScaled2(g []float64, qi, qj []float32, ai, aj float64) {
	qi = qi[:len(g)]
	qj = qj[:len(g)]
	k := 0
	for ; k+4 <= len(g); k += 4 {
		d, a, b := g[k:k+4:k+4], qi[k:k+4:k+4], qj[k:k+4:k+4]
		d[0] += float64(float64(a[0])*ai) + float64(float64(b[0])*aj)
		d[1] += float64(float64(a[1])*ai) + float64(float64(b[1])*aj)
		d[2] += float64(float64(a[2])*ai) + float64(float64(b[2])*aj)
		d[3] += float64(float64(a[3])*ai) + float64(float64(b[3])*aj)
	}
	for ; k < len(g); k++ {
		g[k] += float64(float64(qi[k])*ai) + float64(float64(qj[k])*aj)
	}
}

// addProducts returns sum + c[0]·v[0] + c[1]·v[1] + ..., added left to
// right (each product rounded first).
func addProducts(sum float64, c, v []float64) float64 {
	v = v[:len(c)]
	k := 0
	for ; k+4 <= len(c); k += 4 {
		a, b := c[k:k+4:k+4], v[k:k+4:k+4]
		sum += float64(a[0] * b[0])
		sum += float64(a[1] * b[1])
		sum += float64(a[2] * b[2])
		sum += float64(a[3] * b[3])
	}
	for ; k < len(c); k++ {
		sum += float64(c[k] * v[k])
	}
	return sum
}

package svm

// The solver's loops over a column, unrolled by four. Under js/wasm, Go
// compiles a function's control flow as a dispatch loop (a br_table over
// its blocks), so every backward jump, once per element in a plain loop,
// costs about as much as these loops' arithmetic; natively the unrolling
// is neutral. Each element is computed exactly as in the plain loop.

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

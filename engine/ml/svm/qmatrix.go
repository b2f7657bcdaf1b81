package svm

import "math"

// svcQ is libsvm's SVC_Q: Q[i][j] = y[i]·y[j]·K(x[i], x[j]) over the
// training rows of one binary problem, served a column at a time through
// the cache. The solver permutes indices (shrinking), so the rows are
// copied into one contiguous block that swap reorders in place.
type svcQ struct {
	kp    kernelParams
	d     int       // features
	x     []float64 // l rows of d values, in the solver's current order
	xsq   []float64 // x[i]·x[i] (rbf only), as libsvm's x_square
	y     []int8
	qd    []float64 // K(x[i], x[i])
	cache *cache
	arg   []float64 // scratch for fill
}

func (q *svcQ) argBuf(n int) []float64 {
	if cap(q.arg) < n {
		q.arg = make([]float64, len(q.y))
	}
	return q.arg[:n]
}

func newSVCQ(rows [][]float64, y []int8, kp kernelParams, cacheBytes int64) *svcQ {
	l := len(rows)
	d := 0
	if l > 0 {
		d = len(rows[0])
	}
	q := &svcQ{kp: kp, d: d, x: make([]float64, l*d), y: append([]int8(nil), y...)}
	for i, r := range rows {
		copy(q.x[i*d:(i+1)*d], r)
	}
	if kp.kind == kRBF {
		q.xsq = make([]float64, l)
		for i := range q.xsq {
			xi := q.row(i)
			q.xsq[i] = dot(xi, xi)
		}
	}
	q.qd = make([]float64, l)
	for i := range q.qd {
		q.qd[i] = q.kernel(i, i)
	}
	q.cache = newCache(l, cacheBytes)
	return q
}

func (q *svcQ) row(i int) []float64 { return q.x[i*q.d : (i+1)*q.d : (i+1)*q.d] }

// kernel is Kernel::kernel_function(i, j) on training rows; rbf uses the
// squared norms, as libsvm does, not the difference form of k_function.
func (q *svcQ) kernel(i, j int) float64 {
	xi, xj := q.row(i), q.row(j)
	switch q.kp.kind {
	case kLinear:
		return dot(xi, xj)
	case kPoly:
		return powi(float64(q.kp.gamma*dot(xi, xj))+q.kp.coef0, q.kp.degree)
	case kRBF:
		return exp(-q.kp.gamma * (q.xsq[i] + q.xsq[j] - float64(2*dot(xi, xj))))
	default:
		return tanh(float64(q.kp.gamma*dot(xi, xj)) + q.kp.coef0)
	}
}

// column returns Q's column i for rows [0,length) (the slice may be longer).
func (q *svcQ) column(i, length int) []float32 {
	data, start := q.cache.get(i, length)
	if start < length {
		q.fill(data[start:length], i, start)
	}
	return data
}

// fill computes out[k] = Q[i][start+k]. This is the hot loop of training,
// written as a few passes over the run of rows, each a tight loop without
// a call per entry: the dot products (for rbf, the exponents), the kernel
// function, then the sign and the rounding to float32. On js/wasm a call
// costs about as much as an exp, and so does one pass too many (fusing the
// exponents into the dot products pays; fusing more spills registers).
func (q *svcQ) fill(out []float32, i, start int) {
	n := len(out)
	d := q.d
	a := q.argBuf(n)
	xi := q.row(i)
	xs := q.x[start*d : (start+n)*d]
	g, c0 := q.kp.gamma, q.kp.coef0
	switch q.kp.kind {
	case kRBF:
		// exp(-γ(‖xi‖²+‖xj‖²-2xi·xj)), the squared norms as libsvm's
		// x_square.
		xsqi := q.xsq[i]
		xsq := q.xsq[start : start+n]
		xsq = xsq[:len(a)]
		if d == 4 {
			// rbf's argument does not depend on the sign of a zero dot
			// product, so the sums need not start from 0.0.
			x0, x1, x2, x3 := xi[0], xi[1], xi[2], xi[3]
			k := 0
			for ; k+2 <= len(a); k += 2 {
				r := (*[8]float64)(xs[4*k:])
				p, sq := a[k:k+2:k+2], xsq[k:k+2:k+2]
				s0 := float64(x0*r[0]) + float64(x1*r[1]) + float64(x2*r[2]) + float64(x3*r[3])
				s1 := float64(x0*r[4]) + float64(x1*r[5]) + float64(x2*r[6]) + float64(x3*r[7])
				p[0] = -g * (xsqi + sq[0] - float64(2*s0))
				p[1] = -g * (xsqi + sq[1] - float64(2*s1))
			}
			if k < len(a) {
				r := (*[4]float64)(xs[4*k:])
				s := float64(x0*r[0]) + float64(x1*r[1]) + float64(x2*r[2]) + float64(x3*r[3])
				a[k] = -g * (xsqi + xsq[k] - float64(2*s))
			}
		} else {
			dots(a, xi, xs)
			for k, s := range a {
				a[k] = -g * (xsqi + xsq[k] - float64(2*s))
			}
		}
		expInPlace(a)
	case kLinear:
		dots(a, xi, xs)
	case kPoly:
		dots(a, xi, xs)
		if q.kp.degree == 3 {
			// sklearn's default degree: powi(b, 3) computes
			// (1*b)*(b*b), and 1*b is b.
			k := 0
			for ; k+4 <= len(a); k += 4 {
				p := a[k : k+4 : k+4]
				b0, b1 := float64(g*p[0])+c0, float64(g*p[1])+c0
				b2, b3 := float64(g*p[2])+c0, float64(g*p[3])+c0
				p[0], p[1], p[2], p[3] = b0*(b0*b0), b1*(b1*b1), b2*(b2*b2), b3*(b3*b3)
			}
			for ; k < len(a); k++ {
				b := float64(g*a[k]) + c0
				a[k] = b * (b * b)
			}
		} else {
			for k, s := range a {
				a[k] = powi(float64(g*s)+c0, q.kp.degree)
			}
		}
	default:
		dots(a, xi, xs)
		for k, s := range a {
			a[k] = tanh(float64(g*s) + c0)
		}
	}
	storeSigned(out, a, q.y[i], q.y[start:start+n])
}

// storeSigned sets out[k] = signed(yi, ys[k], a[k]), unrolled by four (see
// loops.go).
func storeSigned(out []float32, a []float64, yi int8, ys []int8) {
	out = out[:len(a)]
	ys = ys[:len(a)]
	k := 0
	for ; k+4 <= len(a); k += 4 {
		o, v, y := out[k:k+4:k+4], a[k:k+4:k+4], ys[k:k+4:k+4]
		o[0] = signed(yi, y[0], v[0])
		o[1] = signed(yi, y[1], v[1])
		o[2] = signed(yi, y[2], v[2])
		o[3] = signed(yi, y[3], v[3])
	}
	for ; k < len(a); k++ {
		out[k] = signed(yi, ys[k], a[k])
	}
}

// signed is (Qfloat)(y[i]*y[j]*k): the sign flip is exact, then the value
// is rounded to float32. It is written without a branch: y is ±1, so
// yi^yj has its top bit set exactly when the labels differ, and flipping
// the sign bit of the rounded value is negating before rounding.
func signed(yi, yj int8, k float64) float32 {
	flip := uint32(uint8(yi^yj)>>7) << 31
	return math.Float32frombits(math.Float32bits(float32(k)) ^ flip)
}

func (q *svcQ) swap(i, j int) {
	q.cache.swap(i, j)
	d := q.d
	xi, xj := q.x[i*d:(i+1)*d], q.x[j*d:(j+1)*d]
	for t := range xi {
		xi[t], xj[t] = xj[t], xi[t]
	}
	if q.xsq != nil {
		q.xsq[i], q.xsq[j] = q.xsq[j], q.xsq[i]
	}
	q.y[i], q.y[j] = q.y[j], q.y[i]
	q.qd[i], q.qd[j] = q.qd[j], q.qd[i]
}

package svm

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

// fill computes out[k] = Q[i][start+k]. This is the hot loop of training:
// one pass over contiguous rows with the kernel written out per type.
func (q *svcQ) fill(out []float32, i, start int) {
	d := q.d
	xi := q.row(i)
	yi := q.y[i]
	ys := q.y[start : start+len(out)]
	xs := q.x[start*d : (start+len(out))*d]
	g, c0 := q.kp.gamma, q.kp.coef0
	switch q.kp.kind {
	case kRBF:
		// Two passes: the exponents for the whole run, then exp and the
		// float32 store, so the dot products and the exp calls each run
		// in a tight loop.
		arg := q.argBuf(len(out))
		xsqi := q.xsq[i]
		xsq := q.xsq[start : start+len(out)]
		switch {
		case d == 4:
			x0, x1, x2, x3 := xi[0], xi[1], xi[2], xi[3]
			for k := range arg {
				xj := xs[k*4 : k*4+4 : k*4+4]
				s := float64(x0*xj[0]) + float64(x1*xj[1]) + float64(x2*xj[2]) + float64(x3*xj[3])
				arg[k] = -g * (xsqi + xsq[k] - float64(2*s))
			}
		case d < 16:
			for k := range arg {
				xj := xs[k*d : k*d+d : k*d+d]
				s := 0.0
				for t, v := range xi {
					s += float64(v * xj[t])
				}
				arg[k] = -g * (xsqi + xsq[k] - float64(2*s))
			}
		default:
			for k := range arg {
				arg[k] = -g * (xsqi + xsq[k] - float64(2*dotBlocked(xi, xs[k*d:k*d+d])))
			}
		}
		for k, a := range arg {
			out[k] = signed(yi, ys[k], exp(a))
		}
	case kLinear:
		for k := range out {
			out[k] = signed(yi, ys[k], dot(xi, xs[k*d:k*d+d]))
		}
	case kPoly:
		for k := range out {
			out[k] = signed(yi, ys[k], powi(float64(g*dot(xi, xs[k*d:k*d+d]))+c0, q.kp.degree))
		}
	default:
		for k := range out {
			out[k] = signed(yi, ys[k], tanh(float64(g*dot(xi, xs[k*d:k*d+d]))+c0))
		}
	}
}

// signed is (Qfloat)(y[i]*y[j]*k): the sign flip is exact, then the value
// is rounded to float32.
func signed(yi, yj int8, k float64) float32 {
	if yi != yj {
		k = -k
	}
	return float32(k)
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

package svm

// Kernel types, in libsvm's numbering.
const (
	kLinear = iota
	kPoly
	kRBF
	kSigmoid
)

var kernelNames = map[string]int{"linear": kLinear, "poly": kPoly, "rbf": kRBF, "sigmoid": kSigmoid}

// kernelParams are the svm_parameter fields a kernel reads.
type kernelParams struct {
	kind   int
	degree int
	gamma  float64
	coef0  float64
}

// dot is the inner product as sklearn's libsvm computes it: through BLAS
// ddot (scipy's, here OpenBLAS). OpenBLAS's x86-64 kernel (Haswell and Zen)
// runs blocks of 16 through four 4-wide FMA accumulators and adds the rest
// one unfused product at a time, so for fewer than 16 features this is the
// plain left-to-right sum.
func dot(x, y []float64) float64 {
	if len(x) >= 16 {
		return dotBlocked(x, y)
	}
	y = y[:len(x)]
	s := 0.0
	for i, v := range x {
		s += float64(v * y[i])
	}
	return s
}

// dots sets out[k] = dot(x, rows[k*d:(k+1)*d]), d = len(x): one sample
// against a run of contiguous rows, the first half of every kernel column.
// The loop is written out for small d (the lesson has 4 features) with its
// bounds checks hoisted, since it runs once per kernel value.
func dots(out, x, rows []float64) {
	d := len(x)
	rows = rows[:len(out)*d]
	switch {
	case d == 4:
		// Two rows per iteration (see loops.go).
		x0, x1, x2, x3 := x[0], x[1], x[2], x[3]
		k := 0
		for ; k+2 <= len(out); k += 2 {
			r := (*[8]float64)(rows[4*k:])
			s, t := 0.0, 0.0
			s += float64(x0 * r[0])
			t += float64(x0 * r[4])
			s += float64(x1 * r[1])
			t += float64(x1 * r[5])
			s += float64(x2 * r[2])
			t += float64(x2 * r[6])
			s += float64(x3 * r[3])
			t += float64(x3 * r[7])
			out[k], out[k+1] = s, t
		}
		if k < len(out) {
			r := (*[4]float64)(rows[4*k:])
			s := 0.0
			s += float64(x0 * r[0])
			s += float64(x1 * r[1])
			s += float64(x2 * r[2])
			s += float64(x3 * r[3])
			out[k] = s
		}
	case d < 16:
		for k := range out {
			r := rows[k*d:]
			r = r[:len(x)]
			s := 0.0
			for t, v := range x {
				s += float64(v * r[t])
			}
			out[k] = s
		}
	default:
		for k := range out {
			out[k] = dotBlocked(x, rows[k*d:k*d+d])
		}
	}
}

// dotBlocked is OpenBLAS's ddot_kernel_8 (Haswell microkernel) followed by
// its scalar tail.
func dotBlocked(x, y []float64) float64 {
	n := len(x)
	y = y[:n]
	n1 := n &^ 15
	var acc [16]float64 // acc[4a+l]: lane l of ymm accumulator a
	for b := 0; b < n1; b += 16 {
		xb := x[b : b+16 : b+16]
		yb := y[b : b+16 : b+16]
		for k := range acc {
			acc[k] = fma(xb[k], yb[k], acc[k])
		}
	}
	// vextractf128 + vaddpd folds each accumulator to two lanes, the four
	// accumulators are added pairwise, and vhaddpd adds the two lanes.
	var v [4][2]float64
	for a := range v {
		v[a][0] = acc[4*a] + acc[4*a+2]
		v[a][1] = acc[4*a+1] + acc[4*a+3]
	}
	w0 := (v[0][0] + v[1][0]) + (v[2][0] + v[3][0])
	w1 := (v[0][1] + v[1][1]) + (v[2][1] + v[3][1])
	s := w0 + w1
	for i := n1; i < n; i++ {
		s += float64(y[i] * x[i])
	}
	return s
}

// sqDist is ||x-y||² as libsvm's dense k_function computes it for rbf:
// the differences into a buffer, then ddot of the buffer with itself.
func sqDist(x, y, buf []float64) float64 {
	if len(x) >= 16 {
		buf = buf[:len(x)]
		for i := range buf {
			buf[i] = x[i] - y[i]
		}
		return dotBlocked(buf, buf)
	}
	y = y[:len(x)]
	s := 0.0
	for i, v := range x {
		d := v - y[i]
		s += float64(d * d)
	}
	return s
}

// row sets out[i] = eval(x, svs[i]) for all the support vectors, in passes
// without a call per support vector: the squared distances or dot
// products, then the kernel function.
func (p *kernelParams) row(x []float64, svs [][]float64, out, buf []float64) {
	out = out[:len(svs)]
	small := len(x) < 16
	if p.kind == kRBF {
		if len(x) == 4 {
			// The lesson's 4 features, written out. Each d·d is >= +0, so
			// the sum need not start from 0.0 as the loop below does.
			x0, x1, x2, x3 := x[0], x[1], x[2], x[3]
			for i, sv := range svs {
				r := (*[4]float64)(sv)
				d0, d1, d2, d3 := x0-r[0], x1-r[1], x2-r[2], x3-r[3]
				out[i] = -p.gamma * (float64(d0*d0) + float64(d1*d1) + float64(d2*d2) + float64(d3*d3))
			}
			expInPlace(out)
			return
		}
		for i, sv := range svs {
			var s float64
			if small {
				sv = sv[:len(x)]
				for t, v := range x {
					d := v - sv[t]
					s += float64(d * d)
				}
			} else {
				s = sqDist(x, sv, buf)
			}
			out[i] = -p.gamma * s
		}
		expInPlace(out)
		return
	}
	switch {
	case len(x) == 4:
		x0, x1, x2, x3 := x[0], x[1], x[2], x[3]
		for i, sv := range svs {
			r := (*[4]float64)(sv)
			s := 0.0
			s += float64(x0 * r[0])
			s += float64(x1 * r[1])
			s += float64(x2 * r[2])
			s += float64(x3 * r[3])
			out[i] = s
		}
	case small:
		for i, sv := range svs {
			sv = sv[:len(x)]
			s := 0.0
			for t, v := range x {
				s += float64(v * sv[t])
			}
			out[i] = s
		}
	default:
		for i, sv := range svs {
			out[i] = dotBlocked(x, sv)
		}
	}
	g, c0 := p.gamma, p.coef0
	switch p.kind {
	case kPoly:
		if p.degree == 3 {
			for i, s := range out {
				b := float64(g*s) + c0
				out[i] = b * (b * b) // powi(b, 3), as in svcQ.fill
			}
		} else {
			for i, s := range out {
				out[i] = powi(float64(g*s)+c0, p.degree)
			}
		}
	case kSigmoid:
		for i, s := range out {
			out[i] = tanh(float64(g*s) + c0)
		}
	}
}

// powi is libsvm's integer power by squaring.
func powi(base float64, times int) float64 {
	tmp, ret := base, 1.0
	for t := times; t > 0; t /= 2 {
		if t%2 == 1 {
			ret *= tmp
		}
		tmp = tmp * tmp
	}
	return ret
}

// eval is Kernel::k_function: the kernel between a sample x and a support
// vector sv (buf is scratch of len(x) for rbf with many features). The
// float64 conversions keep a*b+c unfused on targets where Go would emit
// FMA, as the C code is compiled without contraction.
func (p *kernelParams) eval(x, sv, buf []float64) float64 {
	switch p.kind {
	case kLinear:
		return dot(x, sv)
	case kPoly:
		return powi(float64(p.gamma*dot(x, sv))+p.coef0, p.degree)
	case kRBF:
		return exp(-p.gamma * sqDist(x, sv, buf))
	default:
		return tanh(float64(p.gamma*dot(x, sv)) + p.coef0)
	}
}

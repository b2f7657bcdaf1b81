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

// row sets out[i] = eval(x, svs[i]) for all the support vectors, with the
// kernel's loop written out (rbf in two passes: the exponents, then exp).
func (p *kernelParams) row(x []float64, svs [][]float64, out, buf []float64) {
	out = out[:len(svs)]
	switch {
	case p.kind == kRBF && len(x) < 16:
		for i, sv := range svs {
			sv = sv[:len(x)]
			s := 0.0
			for t, v := range x {
				d := v - sv[t]
				s += float64(d * d)
			}
			out[i] = -p.gamma * s
		}
		for i, a := range out {
			out[i] = exp(a)
		}
	case p.kind == kLinear && len(x) < 16:
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
			out[i] = p.eval(x, sv, buf)
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

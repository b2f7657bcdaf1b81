package rng

import "math"

// Log returns the natural logarithm of x exactly as the reference machine's
// libm does: glibc 2.36's log, in the variant its ifunc picks on x86-64 CPUs
// with FMA and AVX2 (__log_fma). numpy's legacy normal generator and CPython's
// random module call that log, and Go's math.Log differs from it in the last
// bit on a few percent of inputs, which would change the samples.
//
// glibc's log is not correctly rounded (its error bound is 0.519 ulp), so
// being more accurate would not help: the code below is the same algorithm
// with the same table, and every multiply-add that GCC contracted into an FMA
// in the shipped binary is a math.FMA here, every other product is rounded on
// its own (float64(a*b) stops the Go compiler from fusing it on arm64, ppc64
// and s390x). The contraction pattern was read from the disassembly of
// libm.so.6.
func Log(x float64) float64 {
	ix := math.Float64bits(x)
	top := uint32(ix >> 48)
	const (
		lo = 0x3fee000000000000 // 1 - 0x1p-4
		hi = 0x3ff1090000000000 // 1 + 0x1.09p-4
	)
	if ix-lo < hi-lo {
		return logNear1(x, ix)
	}
	if top-0x0010 >= 0x7ff0-0x0010 {
		// x < 0x1p-1022, or x is inf or nan.
		switch {
		case ix<<1 == 0:
			return math.Inf(-1)
		case ix == 0x7ff0000000000000:
			return x
		case top&0x8000 != 0 || top&0x7ff0 == 0x7ff0:
			return math.NaN()
		}
		// Subnormal: scale into the normal range.
		ix = math.Float64bits(x * 0x1p52)
		ix -= 52 << 52
	}
	// x = 2^k z, z in [0x1.6p-1, 0x1.6p0); c (the table's centre of z's
	// subinterval) is near z and log(x) = log1p(z/c-1) + log(c) + k*ln2.
	const off = 0x3fe6000000000000
	tmp := ix - off
	i := (tmp >> 45) % 128
	k := int64(tmp) >> 52
	iz := ix - tmp&(0xfff<<52)
	invc, logc := logTab[i].invc, logTab[i].logc
	z := math.Float64frombits(iz)
	kd := float64(k)

	r := math.FMA(z, invc, -1)
	w := math.FMA(kd, logLn2hi, logc)
	h := w + r
	l := math.FMA(kd, logLn2lo, (w-h)+r)
	r2 := float64(r * r)
	p := math.FMA(math.FMA(r, logA[4], logA[3]), r2, math.FMA(r, logA[2], logA[1]))
	y := math.FMA(float64(r*r2), p, math.FMA(r2, logA[0], l))
	return y + h
}

// logNear1 is log for x within about 1/16 of 1, where the table would lose
// relative accuracy: a degree-12 polynomial in r = x-1 with r² split exactly.
func logNear1(x float64, ix uint64) float64 {
	if ix == 0x3ff0000000000000 {
		return 0
	}
	r := x - 1
	r2 := float64(r * r)
	r3 := float64(r * r2)
	b := &logB
	p1 := math.FMA(r2, b[3], math.FMA(r, b[2], b[1]))
	p4 := math.FMA(r2, b[6], math.FMA(r, b[5], b[4]))
	p7 := math.FMA(r3, b[10], math.FMA(r2, b[9], math.FMA(r, b[8], b[7])))
	p := math.FMA(math.FMA(p7, r3, p4), r3, p1)
	// rhi = r rounded to 26 bits, so rhi*rhi is exact.
	t := math.FMA(r, 0x1p27, r)
	rhi := math.FMA(-0x1p27, r, t)
	rlo := r - rhi
	rhi2 := float64(rhi * rhi)
	h := math.FMA(rhi2, b[0], r)
	l := math.FMA(rhi2, b[0], r-h)
	l = math.FMA(float64(b[0]*rlo), r+rhi, l)
	y := math.FMA(p, r3, l)
	return h + y
}

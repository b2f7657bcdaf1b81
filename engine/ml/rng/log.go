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
// in the shipped binary is an FMA here (see FMA), every other product is
// rounded on its own (float64(a*b) stops the Go compiler from fusing it on arm64, ppc64
// and s390x). The contraction pattern was read from the disassembly of
// libm.so.6.
func Log(x float64) float64 { return logImpl(x, slowFMA) }

// logImpl is Log; tryUnfused enables the fast path for slow-FMA targets
// (tests run it natively to check it against the fused code).
func logImpl(x float64, tryUnfused bool) float64 {
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

	r := fmaMinusOne(z, invc)
	// glibc's fma(kd, Ln2hi, logc): Ln2hi has 42 significant bits and |k|
	// < 2^11, so the product is exact and one rounded addition is the same.
	w := float64(kd*logLn2hi) + logc
	h := w + r
	s := (w - h) + r
	r2 := float64(r * r)
	r3 := float64(r * r2)
	if tryUnfused {
		if v, ok := logTailUnfused(kd, s, r, r2, r3, h); ok {
			return v
		}
	}
	l := fma(kd, logLn2lo, s)
	p := fma(fma(r, logA[4], logA[3]), r2, fma(r, logA[2], logA[1]))
	y := fma(r3, p, fma(r2, logA[0], l))
	return y + h
}

// logTailUnfused finishes Log's main path (y + h, with y the small
// correction) without fused operations, for targets where FMA is slow. The
// unfused y differs from glibc's fused one by at most delta, bounded below
// from the magnitudes involved; when y+h is farther than delta from every
// rounding boundary both round to the same double, which is returned with
// ok. Otherwise (rarely: delta is about 2^-15 of an ulp of the result) the
// caller computes the exact fused version.
func logTailUnfused(kd, s, r, r2, r3, h float64) (float64, bool) {
	const u = 0x1p-53
	kl := float64(kd * logLn2lo)
	l := kl + s
	a1 := float64(r*logA[2]) + logA[1]
	a3 := float64(r*logA[4]) + logA[3]
	p := float64(a3*r2) + a1
	rA0 := float64(r2 * logA[0])
	q := rA0 + l
	rp := float64(r3 * p)
	y := rp + q
	// Each fused op replaced by a product rounding then a sum: the
	// difference is at most u*|product| plus a rounding of the result on
	// each side, and the errors carried in. a1 and a3 (and so p) are off by
	// under 0.7u and 0.41u, and p by under 1.4u (|r| < 2^-8). Twice that is
	// the bound used.
	if math.Abs(r) > 0x1p-8 {
		return 0, false
	}
	delta := 2*u*(math.Abs(kl)+2.01*math.Abs(l)+math.Abs(rA0)+2.01*math.Abs(q)+
		1.4*math.Abs(r3)+math.Abs(rp)+2.01*math.Abs(y)) + 0x1p-1000
	v, e := twoSum(h, y)
	// v is the result if every value within delta of v+e rounds to v.
	b := math.Float64bits(v)
	up := math.Abs(math.Float64frombits(b+1) - v)
	down := math.Abs(v - math.Float64frombits(b-1))
	if v < 0 {
		up, down = down, up
	}
	if e+delta < up/2 && e-delta > -down/2 {
		return v, true
	}
	return 0, false
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
	p1 := fma(r2, b[3], fma(r, b[2], b[1]))
	p4 := fma(r2, b[6], fma(r, b[5], b[4]))
	p7 := fma(r3, b[10], fma(r2, b[9], fma(r, b[8], b[7])))
	p := fma(fma(p7, r3, p4), r3, p1)
	// rhi = r rounded to 26 bits, so rhi*rhi is exact.
	t := fma(r, 0x1p27, r)
	rhi := fma(-0x1p27, r, t)
	rlo := r - rhi
	rhi2 := float64(rhi * rhi)
	h := fma(rhi2, b[0], r)
	l := fma(rhi2, b[0], r-h)
	l = fma(float64(b[0]*rlo), r+rhi, l)
	y := fma(p, r3, l)
	return h + y
}

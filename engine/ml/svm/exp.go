package svm

import "math"

// The kernel values libsvm caches are exp (rbf) and tanh (sigmoid) results,
// and Platt scaling is built on exp. Go's math.Exp differs from glibc's in
// the last bit for about one argument in eight, so this file carries a port
// of glibc's exp (2.28 and later, the table-driven algorithm from Arm's
// optimized-routines) as sklearn's libsvm sees it on x86-64: glibc selects
// its FMA build on CPUs with FMA, and GCC contracts a*b+c there, so the same
// steps go through fma here (see fma.go; js/wasm follows the non-FMA build).

const (
	expN         = 128 // 1 << EXP_TABLE_BITS
	expInvLn2N   = 0x1.71547652b82fep0 * expN
	expShift     = 0x1.8p52
	expNegLn2hiN = -0x1.62e42fefa0000p-8
	expNegLn2loN = -0x1.cf79abc9e3b3ap-47
	expC2        = 0x1.ffffffffffdbdp-2
	expC3        = 0x1.555555555543cp-3
	expC4        = 0x1.55555cf172b91p-5
	expC5        = 0x1.1111167a4d017p-7
)

func top12(x float64) uint32 { return uint32(math.Float64bits(x) >> 52) }

// exp returns e**x rounded as glibc's exp does.
func exp(x float64) float64 {
	abstop := top12(x) & 0x7ff
	if abstop-top12(0x1p-54) >= top12(512)-top12(0x1p-54) {
		if abstop-top12(0x1p-54) >= 0x80000000 {
			// |x| < 2^-54, including 0.
			return 1 + x
		}
		if abstop >= top12(1024) {
			switch {
			case x == math.Inf(-1):
				return 0
			case abstop >= top12(math.Inf(1)):
				return 1 + x
			case x < 0:
				return 0
			default:
				return math.Inf(1)
			}
		}
		// Large |x|: the scale below may overflow, handled by expSpecial.
		abstop = 0
	}
	// exp(x) = 2^(k/N) * exp(r), x = k*ln2/N + r, |r| <= ln2/2N.
	z := float64(expInvLn2N * x)
	kd := z + expShift
	ki := math.Float64bits(kd)
	kd -= expShift
	r := fma(kd, expNegLn2loN, fma(kd, expNegLn2hiN, x))
	idx := 2 * (ki % expN)
	top := ki << (52 - 7)
	tail := math.Float64frombits(expTab[idx])
	sbits := expTab[idx+1] + top
	r2 := r * r
	tmp := fma(r2*r2, fma(r, expC5, expC4), fma(r2, fma(r, expC3, expC2), tail+r))
	if abstop == 0 {
		return expSpecial(tmp, sbits, ki)
	}
	scale := math.Float64frombits(sbits)
	return fma(scale, tmp, scale)
}

// expInRange reports whether exp takes its main path for x:
// 2^-54 <= |x| < 512. An rbf kernel's argument -γ‖x-x'‖² is outside only
// when the two points (nearly) coincide or exp is below 1e-222.
func expInRange(x float64) bool {
	return top12(x)&0x7ff-top12(0x1p-54) < top12(512)-top12(0x1p-54)
}

// expInPlace sets a[k] = exp(a[k]). This is the kernel's hot loop (one exp
// per rbf kernel value), so exp's main path is written out here: exp is too
// big for the compiler to inline, and on js/wasm a call per value costs
// about as much as the arithmetic. TestExpInPlace checks it against exp.
func expInPlace(a []float64) {
	for k, x := range a {
		if !expInRange(x) {
			a[k] = exp(x)
			continue
		}
		z := float64(expInvLn2N * x)
		kd := z + expShift
		ki := math.Float64bits(kd)
		kd -= expShift
		r := fma(kd, expNegLn2loN, fma(kd, expNegLn2hiN, x))
		idx := 2 * (ki % expN)
		tail := math.Float64frombits(expTab[idx])
		scale := math.Float64frombits(expTab[idx+1] + ki<<(52-7))
		r2 := r * r
		tmp := fma(r2*r2, fma(r, expC5, expC4), fma(r2, fma(r, expC3, expC2), tail+r))
		a[k] = fma(scale, tmp, scale)
	}
}

// expSpecial finishes exp when 2^(k/N) is outside the normal range.
func expSpecial(tmp float64, sbits, ki uint64) float64 {
	if ki&0x80000000 == 0 {
		// k > 0: the exponent of scale might have overflowed by <= 460.
		sbits -= 1009 << 52
		scale := math.Float64frombits(sbits)
		return 0x1p1009 * fma(scale, tmp, scale)
	}
	// k < 0: take care in the subnormal range. GCC computes scale*tmp once
	// here (it is used twice), so nothing is fused.
	sbits += 1022 << 52
	scale := math.Float64frombits(sbits)
	st := float64(scale * tmp)
	y := scale + st
	if y < 1 {
		lo := scale - y + st
		hi := 1 + y
		lo = 1 - hi + y + lo
		y = (hi + lo) - 1
		if y == 0 {
			y = 0
		}
	}
	return 0x1p-1022 * y
}

package ndarray

import "math"

// Element-wise loops. Each operation has three forms over contiguous
// runs: vector-vector (vv), vector-scalar (vs) and scalar-vector (sv);
// the broadcasting driver calls them once per innermost run, so the loops
// stay tight (no calls or allocations per element).

type number interface{ ~int64 | ~float64 }

type kern[T, R any] struct {
	vv func(o []R, x, y []T)
	vs func(o []R, x []T, y T)
	sv func(o []R, x T, y []T)
}

// ---- arithmetic on numbers ----

// The arithmetic loops are unrolled by four: Go does not vectorise, and
// four independent operations per iteration run about three times as
// fast as one.

func addVV[T number](o, x, y []T) {
	y = y[:len(x)]
	o = o[:len(x)]
	k := 0
	for ; k+4 <= len(x); k += 4 {
		a, b, c := x[k:k+4:k+4], y[k:k+4:k+4], o[k:k+4:k+4]
		c[0], c[1], c[2], c[3] = a[0]+b[0], a[1]+b[1], a[2]+b[2], a[3]+b[3]
	}
	for ; k < len(x); k++ {
		o[k] = x[k] + y[k]
	}
}
func addVS[T number](o, x []T, y T) {
	o = o[:len(x)]
	k := 0
	for ; k+4 <= len(x); k += 4 {
		a, c := x[k:k+4:k+4], o[k:k+4:k+4]
		c[0], c[1], c[2], c[3] = a[0]+y, a[1]+y, a[2]+y, a[3]+y
	}
	for ; k < len(x); k++ {
		o[k] = x[k] + y
	}
}
func addSV[T number](o []T, x T, y []T) { addVS(o, y, x) }

func subVV[T number](o, x, y []T) {
	y = y[:len(x)]
	o = o[:len(x)]
	k := 0
	for ; k+4 <= len(x); k += 4 {
		a, b, c := x[k:k+4:k+4], y[k:k+4:k+4], o[k:k+4:k+4]
		c[0], c[1], c[2], c[3] = a[0]-b[0], a[1]-b[1], a[2]-b[2], a[3]-b[3]
	}
	for ; k < len(x); k++ {
		o[k] = x[k] - y[k]
	}
}
func subVS[T number](o, x []T, y T) {
	o = o[:len(x)]
	k := 0
	for ; k+4 <= len(x); k += 4 {
		a, c := x[k:k+4:k+4], o[k:k+4:k+4]
		c[0], c[1], c[2], c[3] = a[0]-y, a[1]-y, a[2]-y, a[3]-y
	}
	for ; k < len(x); k++ {
		o[k] = x[k] - y
	}
}
func subSV[T number](o []T, x T, y []T) {
	o = o[:len(y)]
	k := 0
	for ; k+4 <= len(y); k += 4 {
		b, c := y[k:k+4:k+4], o[k:k+4:k+4]
		c[0], c[1], c[2], c[3] = x-b[0], x-b[1], x-b[2], x-b[3]
	}
	for ; k < len(y); k++ {
		o[k] = x - y[k]
	}
}

func mulVV[T number](o, x, y []T) {
	y = y[:len(x)]
	o = o[:len(x)]
	k := 0
	for ; k+4 <= len(x); k += 4 {
		a, b, c := x[k:k+4:k+4], y[k:k+4:k+4], o[k:k+4:k+4]
		c[0], c[1], c[2], c[3] = a[0]*b[0], a[1]*b[1], a[2]*b[2], a[3]*b[3]
	}
	for ; k < len(x); k++ {
		o[k] = x[k] * y[k]
	}
}
func mulVS[T number](o, x []T, y T) {
	o = o[:len(x)]
	k := 0
	for ; k+4 <= len(x); k += 4 {
		a, c := x[k:k+4:k+4], o[k:k+4:k+4]
		c[0], c[1], c[2], c[3] = a[0]*y, a[1]*y, a[2]*y, a[3]*y
	}
	for ; k < len(x); k++ {
		o[k] = x[k] * y
	}
}
func mulSV[T number](o []T, x T, y []T) { mulVS(o, y, x) }

func divVV(o, x, y []float64) {
	y = y[:len(x)]
	o = o[:len(x)]
	k := 0
	for ; k+4 <= len(x); k += 4 {
		a, b, c := x[k:k+4:k+4], y[k:k+4:k+4], o[k:k+4:k+4]
		c[0], c[1], c[2], c[3] = a[0]/b[0], a[1]/b[1], a[2]/b[2], a[3]/b[3]
	}
	for ; k < len(x); k++ {
		o[k] = x[k] / y[k]
	}
}
func divVS(o, x []float64, y float64) {
	o = o[:len(x)]
	k := 0
	for ; k+4 <= len(x); k += 4 {
		a, c := x[k:k+4:k+4], o[k:k+4:k+4]
		c[0], c[1], c[2], c[3] = a[0]/y, a[1]/y, a[2]/y, a[3]/y
	}
	for ; k < len(x); k++ {
		o[k] = x[k] / y
	}
}
func divSV(o []float64, x float64, y []float64) {
	o = o[:len(y)]
	k := 0
	for ; k+4 <= len(y); k += 4 {
		b, c := y[k:k+4:k+4], o[k:k+4:k+4]
		c[0], c[1], c[2], c[3] = x/b[0], x/b[1], x/b[2], x/b[3]
	}
	for ; k < len(y); k++ {
		o[k] = x / y[k]
	}
}

var (
	addF = kern[float64, float64]{addVV[float64], addVS[float64], addSV[float64]}
	addI = kern[int64, int64]{addVV[int64], addVS[int64], addSV[int64]}
	subF = kern[float64, float64]{subVV[float64], subVS[float64], subSV[float64]}
	subI = kern[int64, int64]{subVV[int64], subVS[int64], subSV[int64]}
	mulF = kern[float64, float64]{mulVV[float64], mulVS[float64], mulSV[float64]}
	mulI = kern[int64, int64]{mulVV[int64], mulVS[int64], mulSV[int64]}
	divF = kern[float64, float64]{divVV, divVS, divSV}
)

// fromScalar builds the three forms of an operation from its scalar
// function, for the operations whose cost is in the function (floor
// division, modulo, power), not in the loop.
func fromScalar[T, R any](f func(x, y T) R) kern[T, R] {
	return kern[T, R]{
		vv: func(o []R, x, y []T) {
			for k := range x {
				o[k] = f(x[k], y[k])
			}
		},
		vs: func(o []R, x []T, y T) {
			for k := range x {
				o[k] = f(x[k], y)
			}
		},
		sv: func(o []R, x T, y []T) {
			for k := range y {
				o[k] = f(x, y[k])
			}
		},
	}
}

// floorDivF and modF are numpy's npy_floor_divide and npy_remainder
// (npy_divmod): Python's floor semantics, the sign of the remainder that
// of the divisor.
func divmodF(a, b float64) (float64, float64) {
	mod := math.Mod(a, b)
	if b == 0 {
		return a / b, mod
	}
	div := (a - mod) / b
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
			div -= 1
		}
	} else {
		mod = math.Copysign(0, b)
	}
	var fl float64
	if div != 0 {
		fl = math.Floor(div)
		if div-fl > 0.5 {
			fl += 1
		}
	} else {
		fl = math.Copysign(0, a/b)
	}
	return fl, mod
}

func floorDivF(a, b float64) float64 {
	if b == 0 {
		return a / b
	}
	d, _ := divmodF(a, b)
	return d
}

func modF(a, b float64) float64 {
	if b == 0 {
		return math.Mod(a, b)
	}
	_, m := divmodF(a, b)
	return m
}

// floorDivI and modI are numpy's integer floor_divide and remainder:
// floor semantics, 0 for a zero divisor (numpy warns), and the minimum
// int64 divided by -1 wraps.
func floorDivI(a, b int64) int64 {
	if b == 0 {
		return 0
	}
	if b == -1 {
		return -a
	}
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func modI(a, b int64) int64 {
	if b == 0 || b == -1 {
		return 0
	}
	r := a % b
	if r != 0 && ((r < 0) != (b < 0)) {
		r += b
	}
	return r
}

// powI is integer power by squaring, wrapping as int64 does; negative
// exponents are rejected before.
func powI(a, b int64) int64 {
	r := int64(1)
	for b > 0 {
		if b&1 == 1 {
			r *= a
		}
		a *= a
		b >>= 1
	}
	return r
}

// maxF and minF are numpy's maximum and minimum (its SIMD loops): NaN
// if either is NaN, else the larger (smaller) one, the second operand
// when they are equal (so maximum(-0.0, 0.0) is 0.0).
func maxF(a, b float64) float64 {
	if a != a {
		return a
	}
	if b != b {
		return b
	}
	if a > b {
		return a
	}
	return b
}

func minF(a, b float64) float64 {
	if a != a {
		return a
	}
	if b != b {
		return b
	}
	if a < b {
		return a
	}
	return b
}

var (
	floorDivFK = fromScalar(floorDivF)
	floorDivIK = fromScalar(floorDivI)
	modFK      = fromScalar(modF)
	modIK      = fromScalar(modI)
	powFK      = fromScalar(math.Pow)
	powIK      = fromScalar(powI)
	maxFK      = fromScalar(maxF)
	minFK      = fromScalar(minF)
	maxIK      = fromScalar(func(a, b int64) int64 { return max(a, b) })
	minIK      = fromScalar(func(a, b int64) int64 { return min(a, b) })
	andIK      = fromScalar(func(a, b int64) int64 { return a & b })
	orIK       = fromScalar(func(a, b int64) int64 { return a | b })
	xorIK      = fromScalar(func(a, b int64) int64 { return a ^ b })
	andBK      = fromScalar(func(a, b bool) bool { return a && b })
	orBK       = fromScalar(func(a, b bool) bool { return a || b })
	xorBK      = fromScalar(func(a, b bool) bool { return a != b })
	eqBK       = fromScalar(func(a, b bool) bool { return a == b })
)

// ---- comparisons ----

func eqVV[T number](o []bool, x, y []T) {
	y = y[:len(x)]
	o = o[:len(x)]
	for k := range x {
		o[k] = x[k] == y[k]
	}
}
func eqVS[T number](o []bool, x []T, y T) {
	o = o[:len(x)]
	for k := range x {
		o[k] = x[k] == y
	}
}
func eqSV[T number](o []bool, x T, y []T) { eqVS(o, y, x) }

func neVV[T number](o []bool, x, y []T) {
	y = y[:len(x)]
	o = o[:len(x)]
	for k := range x {
		o[k] = x[k] != y[k]
	}
}
func neVS[T number](o []bool, x []T, y T) {
	o = o[:len(x)]
	for k := range x {
		o[k] = x[k] != y
	}
}
func neSV[T number](o []bool, x T, y []T) { neVS(o, y, x) }

func ltVV[T number](o []bool, x, y []T) {
	y = y[:len(x)]
	o = o[:len(x)]
	for k := range x {
		o[k] = x[k] < y[k]
	}
}
func ltVS[T number](o []bool, x []T, y T) {
	o = o[:len(x)]
	for k := range x {
		o[k] = x[k] < y
	}
}
func ltSV[T number](o []bool, x T, y []T) {
	o = o[:len(y)]
	for k := range y {
		o[k] = x < y[k]
	}
}

func leVV[T number](o []bool, x, y []T) {
	y = y[:len(x)]
	o = o[:len(x)]
	for k := range x {
		o[k] = x[k] <= y[k]
	}
}
func leVS[T number](o []bool, x []T, y T) {
	o = o[:len(x)]
	for k := range x {
		o[k] = x[k] <= y
	}
}
func leSV[T number](o []bool, x T, y []T) {
	o = o[:len(y)]
	for k := range y {
		o[k] = x <= y[k]
	}
}

// gt and ge are lt and le with the operands swapped.
func swap[T, R any](k kern[T, R]) kern[T, R] {
	return kern[T, R]{
		vv: func(o []R, x, y []T) { k.vv(o, y, x) },
		vs: func(o []R, x []T, y T) { k.sv(o, y, x) },
		sv: func(o []R, x T, y []T) { k.vs(o, y, x) },
	}
}

var (
	eqF = kern[float64, bool]{eqVV[float64], eqVS[float64], eqSV[float64]}
	eqI = kern[int64, bool]{eqVV[int64], eqVS[int64], eqSV[int64]}
	neF = kern[float64, bool]{neVV[float64], neVS[float64], neSV[float64]}
	neI = kern[int64, bool]{neVV[int64], neVS[int64], neSV[int64]}
	ltF = kern[float64, bool]{ltVV[float64], ltVS[float64], ltSV[float64]}
	ltI = kern[int64, bool]{ltVV[int64], ltVS[int64], ltSV[int64]}
	leF = kern[float64, bool]{leVV[float64], leVS[float64], leSV[float64]}
	leI = kern[int64, bool]{leVV[int64], leVS[int64], leSV[int64]}
	gtF = swap(ltF)
	gtI = swap(ltI)
	geF = swap(leF)
	geI = swap(leI)
)

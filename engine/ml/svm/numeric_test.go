package svm

import (
	"encoding/json"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"burst/engine/ml/mat"
)

// onWasm: the browser build follows the non-FMA libraries (see
// fma_wasm.go), so exp, tanh and long dot products may differ in the last
// bit there.
const onWasm = runtime.GOARCH == "wasm"

func sameOrUlp(got, want float64, ulps uint64) bool {
	if got == want || math.IsNaN(got) && math.IsNaN(want) {
		return true
	}
	a, b := math.Float64bits(got), math.Float64bits(want)
	if a>>63 != b>>63 {
		return false
	}
	d := a - b
	if b > a {
		d = b - a
	}
	return d <= ulps
}

// TestLibm compares exp and tanh with glibc's, as sklearn's libsvm calls
// them (testdata/libm.bin, written by gen.py).
func TestLibm(t *testing.T) {
	v := readF64(t, "libm.bin")
	ulps := uint64(0)
	if onWasm {
		ulps = 4 // tanh's division amplifies expm1's last-bit difference
	}
	bad := 0
	for i := 0; i+2 < len(v); i += 3 {
		x := v[i]
		if got := exp(x); !sameOrUlp(got, v[i+1], ulps) {
			bad++
			t.Errorf("exp(%v) = %v, glibc %v", x, got, v[i+1])
		}
		if got := tanh(x); !sameOrUlp(got, v[i+2], ulps) {
			bad++
			t.Errorf("tanh(%v) = %v, glibc %v", x, got, v[i+2])
		}
		if bad > 10 {
			t.FailNow()
		}
	}
	for _, x := range []float64{math.Inf(1), math.Inf(-1), math.NaN(), 710, -746, 0x1p-60, -0x1p-60} {
		if got, want := exp(x), math.Exp(x); !sameOrUlp(got, want, 1) {
			t.Errorf("exp(%v) = %v, want %v", x, got, want)
		}
		if got, want := tanh(x), math.Tanh(x); !sameOrUlp(got, want, 1) {
			t.Errorf("tanh(%v) = %v, want %v", x, got, want)
		}
	}
}

// TestExpTable re-derives exp's table with math/big: H[k] = 2^(k/128)
// rounded, T[k] = (2^(k/128) - H[k]) / H[k] rounded.
func TestExpTable(t *testing.T) {
	const prec = 300
	root := new(big.Float).SetPrec(prec).SetInt64(2)
	for range 7 { // 2^(1/128)
		root.Sqrt(root)
	}
	v := new(big.Float).SetPrec(prec).SetInt64(1)
	for k := range 128 {
		h, _ := v.Float64()
		hb := new(big.Float).SetPrec(prec).SetFloat64(h)
		rel := new(big.Float).SetPrec(prec).Sub(v, hb)
		rel.Quo(rel, hb)
		tail, _ := rel.Float64()
		if got, want := expTab[2*k], math.Float64bits(tail); got != want {
			t.Errorf("tab[%d] = %#x, want %#x", 2*k, got, want)
		}
		if got, want := expTab[2*k+1], math.Float64bits(h)-uint64(k)<<45; got != want {
			t.Errorf("tab[%d] = %#x, want %#x", 2*k+1, got, want)
		}
		v.Mul(v, root)
	}
}

// TestDot compares dot with OpenBLAS's ddot (testdata/ddot.bin) for 1 to 40
// elements: plain sums below 16, the blocked FMA kernel from 16.
func TestDot(t *testing.T) {
	v := readF64(t, "ddot.bin")
	for n := 1; n <= 40; n++ {
		for range 5 {
			x, y, want := v[:n], v[n:2*n], v[2*n]
			v = v[2*n+1:]
			got := dot(x, y)
			ok := got == want
			if onWasm && n >= 16 {
				ok = math.Abs(got-want) <= 1e-12*(1+math.Abs(want))
			}
			if !ok {
				t.Errorf("n=%d: dot = %v, ddot %v", n, got, want)
			}
		}
	}
	if len(v) != 0 {
		t.Fatalf("%d values left over", len(v))
	}
}

// TestNewrand compares boundedInt with sklearn's bounded_rand_int after
// set_seed (testdata/newrand.json).
func TestNewrand(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "newrand.json"))
	if err != nil {
		t.Fatal(err)
	}
	var seqs []struct {
		Seed   uint32
		Ranges []uint32
		Values []uint32
	}
	if err := json.Unmarshal(b, &seqs); err != nil {
		t.Fatal(err)
	}
	for _, s := range seqs {
		r := newMT19937(s.Seed)
		for i, rg := range s.Ranges {
			if got := r.boundedInt(rg); got != s.Values[i] {
				t.Fatalf("seed %d draw %d (range %d): got %d, want %d", s.Seed, i, rg, got, s.Values[i])
			}
		}
	}
	// std::mt19937's 10000th output from the default seed.
	r := newMT19937(defaultSeed)
	var x uint32
	for range 10000 {
		x = r.next()
	}
	if x != 4123659995 {
		t.Errorf("mt19937 default seed, 10000th draw: %d", x)
	}
}

func TestScaleGamma(t *testing.T) {
	X := &mat.Dense{Rows: 3, Cols: 2, Data: []float64{5, 5, 5, 5, 5, 5}}
	if g := ScaleGamma(X); g != 1 {
		t.Errorf("constant X: gamma %v, want 1", g)
	}
	if g := AutoGamma(X); g != 0.5 {
		t.Errorf("AutoGamma = %v", g)
	}
	// The rest is checked bit for bit against sklearn's _gamma by
	// TestSklearnFixtures, on 40000 values (several pairwise blocks and
	// bufsize runs) down to 600.
}

func TestErrors(t *testing.T) {
	X := &mat.Dense{Rows: 4, Cols: 2, Data: []float64{0, 0, 1, 1, 0, 1, 1, 0}}
	y := []float64{0, 1, 0, 1}
	bad := func(name string, mod func(*Params), X *mat.Dense, y []float64, want string) {
		t.Helper()
		p := DefaultParams()
		if mod != nil {
			mod(&p)
		}
		_, err := Fit(X, y, p)
		if err == nil || err.Error() != want {
			t.Errorf("%s: got error %v, want %q", name, err, want)
		}
	}
	bad("kernel", func(p *Params) { p.Kernel = "foo" }, X, y,
		`The 'kernel' parameter of SVC must be a str among {'linear', 'poly', 'rbf', 'sigmoid'}. Got 'foo' instead.`)
	bad("C=0", func(p *Params) { p.C = 0 }, X, y,
		"The 'C' parameter of SVC must be a float in the range (0.0, inf). Got 0.0 instead.")
	bad("C<0", func(p *Params) { p.C = -1 }, X, y,
		"The 'C' parameter of SVC must be a float in the range (0.0, inf). Got -1.0 instead.")
	bad("gamma", func(p *Params) { p.Gamma = -1 }, X, y,
		"The 'gamma' parameter of SVC must be a str among {'auto', 'scale'} or a float in the range [0.0, inf). Got -1.0 instead.")
	bad("tol", func(p *Params) { p.Tol = 0 }, X, y,
		"The 'tol' parameter of SVC must be a float in the range (0.0, inf). Got 0.0 instead.")
	bad("degree", func(p *Params) { p.Degree = -1 }, X, y,
		"The 'degree' parameter of SVC must be an int in the range [0, inf). Got -1 instead.")
	bad("cache", func(p *Params) { p.CacheSizeMB = 0 }, X, y,
		"The 'cache_size' parameter of SVC must be a float in the range (0, inf). Got 0.0 instead.")
	bad("max_iter", func(p *Params) { p.MaxIter = -2 }, X, y,
		"The 'max_iter' parameter of SVC must be an int in the range [-1, inf). Got -2 instead.")
	bad("one class", nil, X, []float64{1, 1, 1, 1},
		"The number of classes has to be greater than one; got 1 class")
	bad("continuous", nil, X, []float64{0, 1.5, 0, 1},
		"Unknown label type: 'continuous'")
	bad("lengths", nil, X, y[:3],
		"Found input variables with inconsistent numbers of samples: [4, 3]")
	nan := &mat.Dense{Rows: 4, Cols: 2, Data: []float64{0, 0, 1, math.NaN(), 0, 1, 1, 0}}
	p := DefaultParams()
	if _, err := Fit(nan, y, p); err == nil || err.Error()[:22] != "Input X contains NaN.\n" {
		t.Errorf("NaN: got %v", err)
	}
	inf := &mat.Dense{Rows: 4, Cols: 2, Data: []float64{0, 0, 1, math.Inf(1), 0, 1, 1, 0}}
	bad("inf", nil, inf, y, "Input X contains infinity or a value too large for dtype('float64').")
	bad("empty", nil, &mat.Dense{Cols: 2}, nil,
		"Found array with 0 sample(s) (shape=(0, 2)) while a minimum of 1 is required by SVC.")

	m, err := Fit(X, y, p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.Predict(&mat.Dense{Rows: 1, Cols: 1, Data: []float64{0}}); err == nil ||
		err.Error() != "X has 1 features, but SVC is expecting 2 features as input." {
		t.Errorf("feature mismatch: got %v", err)
	}
	if _, err := m.PredictProba(X); err == nil ||
		err.Error() != "predict_proba is not available when fitted with probability=False" {
		t.Errorf("PredictProba: got %v", err)
	}
}

// TestExpInPlace checks the kernel loop's written-out exp against exp, bit
// for bit, on glibc's reference arguments and on every range of the
// argument reduction.
func TestExpInPlace(t *testing.T) {
	v := readF64(t, "libm.bin")
	var xs []float64
	for i := 0; i+2 < len(v); i += 3 {
		xs = append(xs, v[i])
	}
	xs = append(xs, math.Inf(1), math.Inf(-1), math.NaN(), 0, math.Copysign(0, -1),
		0x1p-54, -0x1p-54, 0x1p-55, 511.9, 512, -512, -745.2, -1000, 709.8, 710, 1023, 1024)
	r := newMT19937(3)
	for range 20000 {
		u := float64(r.next()) / (1 << 32)
		e := float64(r.next()%80) - 60 // magnitudes 2^-60 .. 2^20
		x := math.Ldexp(u, int(e))
		if r.next()%4 != 0 {
			x = -x
		}
		xs = append(xs, x)
	}
	got := append([]float64(nil), xs...)
	expInPlace(got)
	for i, x := range xs {
		want := exp(x)
		if math.Float64bits(got[i]) != math.Float64bits(want) && !(math.IsNaN(got[i]) && math.IsNaN(want)) {
			t.Fatalf("expInPlace(%v) = %v, exp %v", x, got[i], want)
		}
	}
}

// TestFill checks the column loop (svcQ.fill, with its per-kernel and
// per-width loops) against kernel, entry by entry and bit for bit,
// including signed zeros.
func TestFill(t *testing.T) {
	r := newMT19937(5)
	rnd := func() float64 { return float64(int32(r.next())) / (1 << 30) }
	negZero := math.Copysign(0, -1)
	for _, d := range []int{1, 2, 4, 5, 16, 20} {
		const l = 60
		rows := make([][]float64, l)
		y := make([]int8, l)
		for i := range rows {
			rows[i] = make([]float64, d)
			for k := range rows[i] {
				switch {
				case i%7 == 3:
					rows[i][k] = negZero
				case i%7 == 5:
					rows[i][k] = 0
				default:
					rows[i][k] = rnd()
				}
			}
			y[i] = int8(1 - 2*int(r.next()%2))
		}
		for _, kp := range []kernelParams{
			{kind: kLinear},
			{kind: kRBF, gamma: 0.3},
			{kind: kRBF, gamma: 1000},
			{kind: kPoly, degree: 3, gamma: 0.5, coef0: 0},
			{kind: kPoly, degree: 3, gamma: 0.5, coef0: negZero},
			{kind: kPoly, degree: 3, gamma: 2, coef0: 1},
			{kind: kPoly, degree: 0, gamma: 0.5, coef0: 1},
			{kind: kPoly, degree: 2, gamma: 0.5, coef0: negZero},
			{kind: kPoly, degree: 5, gamma: 0.7, coef0: -1},
			{kind: kSigmoid, gamma: 0.1, coef0: -0.5},
		} {
			q := newSVCQ(rows, y, kp, 1<<20)
			out := make([]float32, l)
			for i := range l {
				for _, start := range []int{0, 17} {
					q.fill(out[start:], i, start)
					for j := start; j < l; j++ {
						want := signed(y[i], y[j], q.kernel(i, j))
						if math.Float32bits(out[j]) != math.Float32bits(want) {
							t.Fatalf("d=%d %+v: Q[%d][%d] = %v, kernel %v", d, kp, i, j, out[j], want)
						}
					}
				}
			}
		}
	}
}

// TestRow checks the prediction loop (kernelParams.row) against eval, bit
// for bit.
func TestRow(t *testing.T) {
	r := newMT19937(6)
	rnd := func() float64 { return float64(int32(r.next())) / (1 << 30) }
	negZero := math.Copysign(0, -1)
	for _, d := range []int{1, 4, 5, 16, 20} {
		svs := make([][]float64, 50)
		for i := range svs {
			svs[i] = make([]float64, d)
			for k := range svs[i] {
				if i%5 == 2 {
					svs[i][k] = negZero
				} else {
					svs[i][k] = rnd()
				}
			}
		}
		x := make([]float64, d)
		buf := make([]float64, d)
		out := make([]float64, len(svs))
		for _, kp := range []kernelParams{
			{kind: kLinear},
			{kind: kRBF, gamma: 0.3},
			{kind: kPoly, degree: 3, gamma: 0.5, coef0: negZero},
			{kind: kPoly, degree: 4, gamma: 0.5, coef0: 1},
			{kind: kSigmoid, gamma: 0.1, coef0: -0.5},
		} {
			for trial := range 5 {
				for k := range x {
					x[k] = rnd()
					if trial == 0 {
						x[k] = 0
					}
				}
				kp.row(x, svs, out, buf)
				for i, sv := range svs {
					if want := kp.eval(x, sv, buf); math.Float64bits(out[i]) != math.Float64bits(want) {
						t.Fatalf("d=%d %+v: row[%d] = %v, eval %v", d, kp, i, out[i], want)
					}
				}
			}
		}
	}
}

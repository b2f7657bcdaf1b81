package math

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

// CPython's results (glibc's libm) for random arguments, from
// testdata/gen.py: the math module agrees with them to the bit.
func TestMatchesCPython(t *testing.T) {
	b, err := os.ReadFile("testdata/libm.json")
	if err != nil {
		t.Fatal(err)
	}
	// Each row is [arguments, result].
	var raw map[string][][2]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	type row struct {
		args []float64
		want float64
	}
	cases := map[string][]row{}
	for name, rows := range raw {
		for _, r := range rows {
			var c row
			if err := json.Unmarshal(r[0], &c.args); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(r[1], &c.want); err != nil {
				t.Fatal(err)
			}
			cases[name] = append(cases[name], c)
		}
	}
	one := func(f func(float64) float64) func([]float64) float64 {
		return func(a []float64) float64 { return f(a[0]) }
	}
	funcs := map[string]func([]float64) float64{
		"exp": one(expCR), "exp2": one(exp2CR), "log10": one(log10),
		"log2": one(func(x float64) float64 { return logBaseCR(x, 2) }),
		"tan":  one(tanCR), "asin": one(asinCR), "acos": one(acosCR), "atan": one(atanCR),
		"sinh": one(sinh), "cosh": one(cosh), "tanh": one(tanh), "asinh": one(asinh), "acosh": one(acosh),
		"gamma": one(gamma), "lgamma": one(lgamma),
		"pow":   func(a []float64) float64 { return powCR(a[0], a[1]) },
		"atan2": func(a []float64) float64 { return atan2CR(a[0], a[1]) },
	}
	if len(cases) != len(funcs) {
		t.Fatalf("%d functions in the fixture, %d here", len(cases), len(funcs))
	}
	for name, cs := range cases {
		for _, c := range cs {
			if got := funcs[name](c.args); got != c.want {
				t.Errorf("%s%v = %v, CPython gives %v", name, c.args, got, c.want)
			}
		}
	}
}

// The double-double fast paths round as the 160-bit computations do
// whenever they answer.
func TestFastPathsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		x := r.Float64()*1400 - 700
		if got, ok := expFast(x); ok && got != f64(expBig(bf(x))) {
			t.Errorf("exp(%v): fast %v, big %v", x, got, f64(expBig(bf(x))))
		}
		if got, ok := exp2Fast(x); ok && got != f64(expBig(newF().Mul(bf(x), bigLn2))) {
			t.Errorf("exp2(%v): fast %v", x, got)
		}
		p := math.Exp(r.Float64()*80 - 40)
		if got, ok := log2Fast(p); ok {
			l := logBig(bf(p))
			if want := f64(l.Quo(l, bigLn2)); got != want {
				t.Errorf("log2(%v): fast %v, big %v", p, got, want)
			}
		}
		a := r.Float64()*2 - 1
		if got, ok := asinFast(a); ok {
			bx := bf(a)
			d := newF().Mul(newF().Sub(bf(1), bx), newF().Add(bf(1), bx))
			if want := f64(atanBig(d.Quo(bx, d.Sqrt(d)))); got != want {
				t.Errorf("asin(%v): fast %v, big %v", a, got, want)
			}
		}
		if got, ok := acosFast(a); ok {
			bx := bf(a)
			q := newF().Quo(newF().Sub(bf(1), bx), newF().Add(bf(1), bx))
			w := atanBig(q.Sqrt(q))
			if want := f64(w.SetMantExp(w, 1)); got != want {
				t.Errorf("acos(%v): fast %v, big %v", a, got, want)
			}
		}
		z := r.Float64()*40 - 20
		if got, ok := atanFast(z); ok && got != f64(atanBig(bf(z))) {
			t.Errorf("atan(%v): fast %v, big %v", z, got, f64(atanBig(bf(z))))
		}
		if got, ok := tanFast(z); ok {
			sn, cs := sinCosBig(z)
			if want := f64(sn.Quo(sn, cs)); got != want {
				t.Errorf("tan(%v): fast %v, big %v", z, got, want)
			}
		}
		y := r.Float64()*20 - 10
		if got, ok := atan2Fast(y, z); ok {
			w := atanBig(newF().Quo(bf(y), bf(z)))
			if z < 0 {
				if y >= 0 {
					w.Add(w, bigPi)
				} else {
					w.Sub(w, bigPi)
				}
			}
			if want := f64(w); got != want {
				t.Errorf("atan2(%v, %v): fast %v, big %v", y, z, got, want)
			}
		}
		if got, ok := powFast(p, y); ok {
			l := logBig(bf(p))
			if want := f64(expBig(l.Mul(l, bf(y)))); got != want {
				t.Errorf("pow(%v, %v): fast %v, big %v", p, y, got, want)
			}
		}
	}
}

package frame

import (
	"math"
	"math/rand"
	"testing"

	"github.com/apache/arrow/go/v15/arrow/array"
)

// Rolling's running sums, moments and monotonic queues agree with the
// statistic computed afresh on every window.
func TestRollingMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	v := make([]float64, 500)
	for i := range v {
		v[i] = math.Round(r.NormFloat64()*1000) / 8
		if r.Intn(7) == 0 {
			v[i] = math.NaN()
		}
	}
	a := Float64s(v)
	for _, how := range []string{"sum", "mean", "count", "min", "max", "std", "var", "median"} {
		for _, w := range []int{1, 2, 3, 10, 1000} {
			for _, minp := range []int{0, 1, w} {
				got, err := Rolling(a, how, w, minp)
				if err != nil {
					t.Fatal(err)
				}
				g := got.(*array.Float64).Float64Values()
				for k := range v {
					var win []float64
					for _, x := range v[max(0, k-w+1) : k+1] {
						if x == x {
							win = append(win, x)
						}
					}
					want := math.NaN()
					if len(win) >= minp && (len(win) > 0 || how == "count" || how == "sum") {
						want = windowStat(how, win)
						if len(win) == 0 {
							want = 0
						}
					}
					if !(math.Abs(g[k]-want) <= 1e-9*math.Max(1, math.Abs(want)) || (g[k] != g[k] && want != want)) {
						t.Fatalf("%s w=%d minp=%d row %d: got %v, want %v", how, w, minp, k, g[k], want)
					}
				}
			}
		}
	}
}

// Dask's cumulative carry: a partition's cumulative values plus the
// earlier partitions' last valid total give the whole column's.
func TestCumulativeCarry(t *testing.T) {
	v := []float64{1, math.NaN(), 2, 3, math.NaN(), 4}
	whole, _ := Cumulative("cumsum", Float64s(v))
	p1, _ := Cumulative("cumsum", Float64s(v[:3]))
	p2, _ := Cumulative("cumsum", Float64s(v[3:]))
	r, err := CumCarry("cumsum", p2, LastValid(p1))
	if err != nil {
		t.Fatal(err)
	}
	w := whole.(*array.Float64).Float64Values()[3:]
	for k, x := range r.(*array.Float64).Float64Values() {
		if x != w[k] && !(x != x && w[k] != w[k]) {
			t.Fatalf("row %d: got %v, want %v", k, x, w[k])
		}
	}
}

// Percentile is numpy's linear percentile.
func TestPercentile(t *testing.T) {
	v := []float64{-15, -4, -3, -1, 0, 2, 5, 7.5, 16, 22, 30, 55, 120}
	for _, c := range []struct{ q, want float64 }{{0, -15}, {25, -1}, {50, 5}, {75, 22}, {100, 120}, {10, -3.8}} {
		if got := Percentile(v, c.q); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("Percentile(%v) = %v, want %v", c.q, got, c.want)
		}
	}
}

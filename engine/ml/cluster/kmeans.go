// Package cluster holds k-means: scikit-learn's KMeans (k-means++ seeding,
// Lloyd iterations, best of n_init runs) for data in memory, and the
// pieces dask-ml's KMeans runs per block of a partitioned array
// (assignments, partial sums, the k-means|| sampling) so that a scheduler
// can spread them over workers.
package cluster

import (
	"fmt"
	"math"

	"burst/engine/ml/mat"
)

// Source is the random numbers k-means draws, in numpy's RandomState
// terms, so that a Go port of RandomState reproduces scikit-learn's
// choices.
type Source interface {
	// Intn returns randint(n): uniform in [0, n).
	Intn(n int) int
	// Float64 returns random_sample(): uniform in [0, 1).
	Float64() float64
}

// Params are KMeans' parameters, with scikit-learn's names.
type Params struct {
	K       int     // n_clusters
	NInit   int     // n_init: runs from different seeds; the best inertia wins
	MaxIter int     // max_iter
	Tol     float64 // tol, relative to the mean variance of the features
}

// DefaultParams are scikit-learn 1.2's defaults.
func DefaultParams() Params { return Params{K: 8, NInit: 10, MaxIter: 300, Tol: 1e-4} }

// Result is a fitted k-means.
type Result struct {
	Centers *mat.Dense
	Labels  []int64
	Inertia float64
	NIter   int
}

// Fit runs k-means on X as sklearn.cluster.KMeans does with
// init="k-means++" and algorithm="lloyd".
func Fit(X *mat.Dense, p Params, rng Source) (*Result, error) {
	if err := check(X, p); err != nil {
		return nil, err
	}
	tol := Tolerance(X, p.Tol)
	var best *Result
	for range max(p.NInit, 1) {
		centers := PlusPlus(X, nil, p.K, rng)
		r := Lloyd(X, nil, centers, p.MaxIter, tol)
		if best == nil || r.Inertia < best.Inertia {
			best = r
		}
	}
	return best, nil
}

func check(X *mat.Dense, p Params) error {
	if p.K < 1 {
		return fmt.Errorf("ValueError: n_clusters should be > 0, got %d instead.", p.K)
	}
	if X.Rows < p.K {
		return fmt.Errorf("ValueError: n_samples=%d should be >= n_clusters=%d.", X.Rows, p.K)
	}
	if p.MaxIter < 1 {
		return fmt.Errorf("ValueError: max_iter should be > 0, got %d instead.", p.MaxIter)
	}
	for _, v := range X.Data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("ValueError: Input X contains NaN or infinity.")
		}
	}
	return nil
}

// Tolerance turns a relative tol into the absolute one Lloyd compares
// the centres' squared shift with: tol times the mean of the features'
// variances, as scikit-learn and dask-ml do.
func Tolerance(X *mat.Dense, tol float64) float64 {
	if X.Rows == 0 || tol == 0 {
		return 0
	}
	mean := make([]float64, X.Cols)
	for i := range X.Rows {
		for j, v := range X.Row(i) {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(X.Rows)
	}
	vars := make([]float64, X.Cols)
	for i := range X.Rows {
		for j, v := range X.Row(i) {
			d := v - mean[j]
			vars[j] += d * d
		}
	}
	s := 0.0
	for _, v := range vars {
		s += v / float64(X.Rows)
	}
	return s / float64(X.Cols) * tol
}

// sqDist is the squared Euclidean distance between two rows.
func sqDist(a, b []float64) float64 {
	b = b[:len(a)]
	s := 0.0
	for j, v := range a {
		d := v - b[j]
		s += d * d
	}
	return s
}

// PlusPlus chooses k centres among the rows of X by greedy k-means++, as
// scikit-learn's _kmeans_plusplus: the first at random, then, for each
// next one, 2+log(k) candidates drawn with probability proportional to
// their (weighted) squared distance to the chosen centres, keeping the
// candidate that lowers the total most. weights may be nil (all 1).
func PlusPlus(X *mat.Dense, weights []float64, k int, rng Source) *mat.Dense {
	n := X.Rows
	centers := mat.New(k, X.Cols)
	trials := 2 + int(math.Log(float64(k)))
	w := func(i int) float64 {
		if weights == nil {
			return 1
		}
		return weights[i]
	}
	first := rng.Intn(n)
	copy(centers.Row(0), X.Row(first))
	closest := make([]float64, n)
	pot := 0.0
	for i := range n {
		closest[i] = w(i) * sqDist(X.Row(i), centers.Row(0))
		pot += closest[i]
	}
	cum := make([]float64, n)
	cand := make([][]float64, trials)
	for t := range cand {
		cand[t] = make([]float64, n)
	}
	ids := make([]int, trials)
	for c := 1; c < k; c++ {
		s := 0.0
		for i, v := range closest {
			s += v
			cum[i] = s
		}
		for t := range trials {
			r := rng.Float64() * pot
			// searchsorted(cum, r), side="left"
			lo, hi := 0, n
			for lo < hi {
				m := (lo + hi) / 2
				if cum[m] < r {
					lo = m + 1
				} else {
					hi = m
				}
			}
			ids[t] = min(lo, n-1)
		}
		bestT, bestPot := 0, math.Inf(1)
		for t, id := range ids {
			row := X.Row(id)
			p := 0.0
			for i := range n {
				d := min(closest[i], w(i)*sqDist(X.Row(i), row))
				cand[t][i] = d
				p += d
			}
			if p < bestPot {
				bestT, bestPot = t, p
			}
		}
		pot = bestPot
		copy(closest, cand[bestT])
		copy(centers.Row(c), X.Row(ids[bestT]))
	}
	return centers
}

// Nearest assigns each row of X to its nearest centre, writing the
// centre's index to labels and the squared distance to dist2; it returns
// the sum of dist2.
func Nearest(X, centers *mat.Dense, labels []int64, dist2 []float64) float64 {
	total := 0.0
	for i := range X.Rows {
		best, bestD := nearest(X.Row(i), centers)
		labels[i] = int64(best)
		dist2[i] = bestD
		total += bestD
	}
	return total
}

// nearest returns the index of the centre nearest to row and the squared
// distance to it (the first of equals). Four centres go together: four
// independent sums keep the processor busy where one would wait on each
// addition, and each value of the row is loaded once for the four. Each
// sum still adds its terms in order, so the distances are sqDist's to the
// bit.
func nearest(row []float64, centers *mat.Dense) (int, float64) {
	d := len(row)
	C := centers.Data
	best, bestD := 0, math.Inf(1)
	c := 0
	for ; c+4 <= centers.Rows; c += 4 {
		c0 := C[c*d:][:d:d]
		c1 := C[(c+1)*d:][:d:d]
		c2 := C[(c+2)*d:][:d:d]
		c3 := C[(c+3)*d:][:d:d]
		var s0, s1, s2, s3 float64
		for j, v := range row {
			t0 := v - c0[j]
			t1 := v - c1[j]
			t2 := v - c2[j]
			t3 := v - c3[j]
			s0 += t0 * t0
			s1 += t1 * t1
			s2 += t2 * t2
			s3 += t3 * t3
		}
		if s0 < bestD {
			best, bestD = c, s0
		}
		if s1 < bestD {
			best, bestD = c+1, s1
		}
		if s2 < bestD {
			best, bestD = c+2, s2
		}
		if s3 < bestD {
			best, bestD = c+3, s3
		}
	}
	for ; c < centers.Rows; c++ {
		if s := sqDist(row, C[c*d:][:d:d]); s < bestD {
			best, bestD = c, s
		}
	}
	return best, bestD
}

// Sums adds each row of X, times its weight (nil: 1), to its label's row
// of sums, and the weight to counts: the partial results of one block,
// which add up across blocks to the next centres.
func Sums(X *mat.Dense, weights []float64, labels []int64, sums *mat.Dense, counts []float64) {
	for i := range X.Rows {
		l := labels[i]
		wt := 1.0
		if weights != nil {
			wt = weights[i]
		}
		dst := sums.Row(int(l))
		for j, v := range X.Row(i) {
			dst[j] += wt * v
		}
		counts[l] += wt
	}
}

// Lloyd iterates k-means from centers until the labels stop changing,
// the centres' total squared shift is at most tol (absolute, see
// Tolerance), or maxIter iterations. An empty cluster keeps its centre.
func Lloyd(X *mat.Dense, weights []float64, centers *mat.Dense, maxIter int, tol float64) *Result {
	n, k := X.Rows, centers.Rows
	labels := make([]int64, n)
	prev := make([]int64, n)
	dist2 := make([]float64, n)
	sums := mat.New(k, X.Cols)
	counts := make([]float64, k)
	centers = &mat.Dense{Rows: k, Cols: centers.Cols, Data: append([]float64(nil), centers.Data...)}
	iter := 0
	for iter < maxIter {
		iter++
		Nearest(X, centers, labels, dist2)
		clear(sums.Data)
		clear(counts)
		Sums(X, weights, labels, sums, counts)
		shift := 0.0
		for c := range k {
			if counts[c] == 0 {
				continue
			}
			row := centers.Row(c)
			for j, s := range sums.Row(c) {
				v := s / counts[c]
				d := v - row[j]
				shift += d * d
				row[j] = v
			}
		}
		if iter > 1 && equal(labels, prev) {
			break // strict convergence
		}
		copy(prev, labels)
		if shift <= tol {
			break
		}
	}
	inertia := Nearest(X, centers, labels, dist2)
	if weights != nil {
		inertia = 0
		for i, d := range dist2 {
			inertia += weights[i] * d
		}
	}
	return &Result{Centers: centers, Labels: labels, Inertia: inertia, NIter: iter}
}

func equal(a, b []int64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Cost is k-means||'s φ for one block: the sum over its rows of the
// squared distance to the nearest of centers.
func Cost(X, centers *mat.Dense) float64 {
	total := 0.0
	for i := range X.Rows {
		_, best := nearest(X.Row(i), centers)
		total += best
	}
	return total
}

// Oversample is one round of k-means|| on one block: it returns the rows
// picked, each with probability factor·d²/cost where d is the row's
// distance to the nearest of centers and cost is φ over all blocks (as
// dask-ml's _sample_points).
func Oversample(X, centers *mat.Dense, factor, cost float64, rng Source) []int {
	var picked []int
	for i := range X.Rows {
		_, best := nearest(X.Row(i), centers)
		if factor*best/cost > rng.Float64() {
			picked = append(picked, i)
		}
	}
	return picked
}

// InitRounds is the number of k-means|| rounds dask-ml runs for an
// initial cost φ: round(log φ), at most maxIter when maxIter > 0.
func InitRounds(cost float64, maxIter int) int {
	n := 0
	if cost > 0 {
		n = int(math.RoundToEven(math.Log(cost)))
	}
	if maxIter > 0 {
		n = min(n, maxIter)
	}
	return max(n, 0)
}

// ScalableInit is dask-ml's k-means|| initialisation over blocks held in
// memory (a scheduler runs the same steps with Cost and Oversample as
// tasks): the first row of the first block as the first candidate, then
// InitRounds rounds of oversampling, then scikit-learn's KMeans on the
// candidates for the k centres.
func ScalableInit(blocks []*mat.Dense, k int, factor float64, maxIter int, rng Source) (*mat.Dense, error) {
	if len(blocks) == 0 || blocks[0].Rows == 0 {
		return nil, fmt.Errorf("ValueError: k-means|| needs at least one row")
	}
	cand := mat.New(1, blocks[0].Cols)
	copy(cand.Row(0), blocks[0].Row(0))
	seen := map[[2]int]bool{{0, 0}: true}
	cost := 0.0
	for _, b := range blocks {
		cost += Cost(b, cand)
	}
	for range InitRounds(cost, maxIter) {
		phi := 0.0
		for _, b := range blocks {
			phi += Cost(b, cand)
		}
		var add [][]float64
		for bi, b := range blocks {
			for _, i := range Oversample(b, cand, factor, phi, rng) {
				if !seen[[2]int{bi, i}] {
					seen[[2]int{bi, i}] = true
					add = append(add, b.Row(i))
				}
			}
		}
		for _, r := range add {
			cand.Data = append(cand.Data, r...)
			cand.Rows++
		}
	}
	if cand.Rows < k {
		return nil, fmt.Errorf("ValueError: k-means|| found %d candidate centres for %d clusters; raise oversampling_factor or init_max_iter", cand.Rows, k)
	}
	p := DefaultParams()
	p.K = k
	r, err := Fit(cand, p, rng)
	if err != nil {
		return nil, err
	}
	return r.Centers, nil
}

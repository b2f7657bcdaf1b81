package datasets

import (
	"errors"
	"fmt"
	"math"

	"burst/engine/ml/mat"
	"burst/engine/ml/rng"
)

// ClassificationOptions are make_classification's parameters. Start from
// NewClassificationOptions, which sets scikit-learn's defaults.
type ClassificationOptions struct {
	NSamples          int
	NFeatures         int
	NInformative      int
	NRedundant        int
	NRepeated         int
	NClasses          int
	NClustersPerClass int
	// Weights are the class proportions (nil: balanced). As in scikit-learn,
	// NClasses-1 weights are completed with 1 - their sum.
	Weights  []float64
	FlipY    float64
	ClassSep float64
	// Hypercube puts the cluster centres on a hypercube's vertices; false
	// scales them randomly.
	Hypercube bool
	// Shift is added to the features: one value for all of them or one per
	// feature; nil is scikit-learn's shift=None (random, in [-ClassSep,
	// ClassSep)).
	Shift []float64
	// Scale multiplies the features (after Shift): one value or one per
	// feature; nil is scale=None (random, in [1, 101)).
	Scale   []float64
	Shuffle bool
	// RandomState is the generator to draw from, advanced as numpy's would
	// be; nil draws from a fresh unpredictable one (random_state=None).
	// rng.New(seed) gives random_state=seed.
	RandomState *rng.RandomState
}

// NewClassificationOptions returns make_classification's defaults:
// n_samples=100, n_features=20, n_informative=2, n_redundant=2,
// n_repeated=0, n_classes=2, n_clusters_per_class=2, weights=None,
// flip_y=0.01, class_sep=1.0, hypercube=True, shift=0.0, scale=1.0,
// shuffle=True, random_state=None.
func NewClassificationOptions() ClassificationOptions {
	return ClassificationOptions{
		NSamples:          100,
		NFeatures:         20,
		NInformative:      2,
		NRedundant:        2,
		NRepeated:         0,
		NClasses:          2,
		NClustersPerClass: 2,
		FlipY:             0.01,
		ClassSep:          1.0,
		Hypercube:         true,
		Shift:             []float64{0},
		Scale:             []float64{1},
		Shuffle:           true,
	}
}

// MakeClassification generates a random n-class classification problem as
// sklearn.datasets.make_classification does: Gaussian clusters around the
// vertices of a hypercube in the informative features, linear combinations of
// them as redundant features, copies as repeated ones, noise for the rest,
// and a fraction FlipY of labels reassigned at random. X is NSamples×NFeatures
// and y holds the class of each row. With the same RandomState seed, X and y
// equal scikit-learn 1.2.1's bit for bit.
func MakeClassification(o ClassificationOptions) (*mat.Dense, []int64, error) {
	g := o.RandomState
	if g == nil {
		g = rng.NewFromEntropy()
	}
	nSamples, nFeatures := o.NSamples, o.NFeatures
	nInf, nRed, nRep := o.NInformative, o.NRedundant, o.NRepeated
	nClasses, nCPC := o.NClasses, o.NClustersPerClass
	if nInf+nRed+nRep > nFeatures {
		return nil, nil, errors.New("Number of informative, redundant and repeated features must sum to less than the number of total features")
	}
	if float64(nInf) < math.Log2(float64(nClasses*nCPC)) {
		return nil, nil, fmt.Errorf("n_classes(%d) * n_clusters_per_class(%d) must be smaller or equal 2**n_informative(%d)=%s",
			nClasses, nCPC, nInf, pow2String(nInf))
	}
	if nSamples < 0 || nFeatures < 0 || nInf < 0 || nRed < 0 || nRep < 0 {
		return nil, nil, errors.New("negative dimensions are not allowed")
	}
	if nClasses < 1 || nCPC < 1 {
		return nil, nil, errors.New("n_classes and n_clusters_per_class must be at least 1")
	}

	weights := o.Weights
	switch {
	case weights == nil:
		weights = make([]float64, nClasses)
		for i := range weights {
			weights[i] = 1.0 / float64(nClasses)
		}
	case len(weights) != nClasses && len(weights) != nClasses-1:
		return nil, nil, errors.New("Weights specified but incompatible with number of classes.")
	case len(weights) == nClasses-1:
		sum := 0.0 // Python's sum: left to right from 0
		for _, w := range weights {
			sum += w
		}
		weights = append(append([]float64(nil), weights...), 1.0-sum)
	}
	if err := checkBroadcast("shift", o.Shift, nFeatures); err != nil {
		return nil, nil, err
	}
	if err := checkBroadcast("scale", o.Scale, nFeatures); err != nil {
		return nil, nil, err
	}

	nUseless := nFeatures - nInf - nRed - nRep
	nClusters := nClasses * nCPC

	// Distribute samples among clusters by weight.
	perCluster := make([]int, nClusters)
	total := 0
	for k := range perCluster {
		perCluster[k] = int(float64(float64(nSamples)*weights[k%nClasses]) / float64(nCPC))
		total += perCluster[k]
	}
	for i := 0; i < nSamples-total; i++ {
		perCluster[i%nClusters]++
	}

	X := mat.New(nSamples, nFeatures)
	y := make([]int64, nSamples)
	d := X.Data

	// The polytope whose vertices become cluster centroids.
	centroids, err := hypercube(nClusters, nInf, g)
	if err != nil {
		return nil, nil, err
	}
	twoSep := 2 * o.ClassSep
	for i, v := range centroids {
		centroids[i] = float64(v*twoSep) - o.ClassSep
	}
	if !o.Hypercube {
		u := make([]float64, nClusters)
		g.FillRandomSample(u)
		for k := 0; k < nClusters; k++ {
			for j := 0; j < nInf; j++ {
				centroids[k*nInf+j] *= u[k]
			}
		}
		u = make([]float64, nInf)
		g.FillRandomSample(u)
		for k := 0; k < nClusters; k++ {
			for j := 0; j < nInf; j++ {
				centroids[k*nInf+j] *= u[j]
			}
		}
	}

	// The informative features start standard normal.
	for i := 0; i < nSamples; i++ {
		g.FillStandardNormal(d[i*nFeatures : i*nFeatures+nInf])
	}

	// Each cluster: a random covariance, then a shift to its vertex.
	A := make([]float64, nInf*nInf)
	var prod []float64 // products, reused from cluster to cluster
	stop := 0
	for k := 0; k < nClusters; k++ {
		start := stop
		stop = stop + perCluster[k]
		lo, hi := pySlice(start, stop, nSamples)
		for i := lo; i < hi; i++ {
			y[i] = int64(k % nClasses)
		}
		uniformSym(g, A)
		if hi > lo {
			prod = numpyDot(prod, d[lo*nFeatures:], nFeatures, hi-lo, nInf, A, nInf)
			c := centroids[k*nInf : (k+1)*nInf]
			for i := lo; i < hi; i++ {
				row := d[i*nFeatures : i*nFeatures+nInf]
				copy(row, prod[(i-lo)*nInf:(i-lo+1)*nInf])
				for j := range row {
					row[j] += c[j]
				}
			}
		}
	}

	// Redundant features: linear combinations of the informative ones.
	if nRed > 0 {
		B := make([]float64, nInf*nRed)
		uniformSym(g, B)
		prod = numpyDot(prod, d, nFeatures, nSamples, nInf, B, nRed)
		for i := 0; i < nSamples; i++ {
			copy(d[i*nFeatures+nInf:i*nFeatures+nInf+nRed], prod[i*nRed:(i+1)*nRed])
		}
	}

	// Repeated features: copies of informative or redundant ones.
	if nRep > 0 {
		n := nInf + nRed
		u := make([]float64, nRep)
		g.FillRandomSample(u)
		idx := make([]int, nRep)
		for j, v := range u {
			idx[j] = int(float64(float64(n-1)*v) + 0.5)
		}
		for i := 0; i < nSamples; i++ {
			row := d[i*nFeatures : (i+1)*nFeatures]
			for j, src := range idx {
				row[n+j] = row[src]
			}
		}
	}

	// The remaining features are noise.
	if nUseless > 0 {
		for i := 0; i < nSamples; i++ {
			g.FillStandardNormal(d[i*nFeatures+nFeatures-nUseless : (i+1)*nFeatures])
		}
	}

	// Randomly replace labels.
	if o.FlipY >= 0 {
		u := make([]float64, nSamples)
		g.FillRandomSample(u)
		var flip []int
		for i, v := range u {
			if v < o.FlipY {
				flip = append(flip, i)
			}
		}
		labels := make([]int64, len(flip))
		if err := g.FillRandint(labels, 0, int64(nClasses)); err != nil {
			return nil, nil, err
		}
		for j, i := range flip {
			y[i] = labels[j]
		}
	}

	// Randomly shift and scale.
	shift := o.Shift
	if shift == nil {
		shift = make([]float64, nFeatures)
		g.FillRandomSample(shift)
		for j, v := range shift {
			shift[j] = float64(2*v-1) * o.ClassSep
		}
	}
	addBroadcast(d, nFeatures, shift)
	scale := o.Scale
	if scale == nil {
		scale = make([]float64, nFeatures)
		g.FillRandomSample(scale)
		for j, v := range scale {
			scale[j] = 1 + float64(100*v)
		}
	}
	mulBroadcast(d, nFeatures, scale)

	if o.Shuffle {
		X, y = shuffleRows(g, X, y)
		// Then permute the features.
		perm := make([]int, nFeatures)
		for j := range perm {
			perm[j] = j
		}
		rng.Shuffle(g, perm)
		tmp := make([]float64, nFeatures)
		for i := 0; i < nSamples; i++ {
			row := X.Row(i)
			for j, src := range perm {
				tmp[j] = row[src]
			}
			copy(row, tmp)
		}
	}
	return X, y, nil
}

// hypercube returns nClusters distinct vertices of the dim-dimensional unit
// hypercube as a row-major nClusters×dim matrix of 0s and 1s, drawn as
// scikit-learn's _generate_hypercube does: sample_without_replacement of
// 2**dim codes, unpacked most significant bit first; beyond 30 dimensions
// the extra leading columns are random bits.
func hypercube(samples, dim int, g *rng.RandomState) ([]float64, error) {
	out := make([]float64, samples*dim)
	lead := 0
	if dim > 30 {
		lead = dim - 30
		bits := make([]int64, samples*lead)
		if err := g.FillRandint(bits, 0, 2); err != nil {
			return nil, err
		}
		for i := 0; i < samples; i++ {
			for j := 0; j < lead; j++ {
				out[i*dim+j] = float64(bits[i*lead+j])
			}
		}
		dim = 30
	}
	codes, err := sampleWithoutReplacement(1<<dim, samples, g)
	if err != nil {
		return nil, err
	}
	width := dim + lead
	for i, v := range codes {
		for j := 0; j < dim; j++ {
			out[i*width+lead+j] = float64(v >> (dim - 1 - j) & 1)
		}
	}
	return out, nil
}

// sampleWithoutReplacement is sklearn.utils.random.sample_without_replacement
// with method="auto": a permutation prefix when 1% < n/N < 99%, else
// tracking selection (rejecting repeats) below 20%, else reservoir sampling.
func sampleWithoutReplacement(nPopulation, nSamples int, g *rng.RandomState) ([]int64, error) {
	if nPopulation < 0 {
		return nil, fmt.Errorf("n_population should be greater than 0, got %d.", nPopulation)
	}
	if nSamples > nPopulation {
		return nil, fmt.Errorf("n_population should be greater or equal than n_samples, got n_samples > n_population (%d > %d)", nSamples, nPopulation)
	}
	ratio := 1.0
	if nPopulation != 0 {
		ratio = float64(nSamples) / float64(nPopulation)
	}
	if ratio > 0.01 && ratio < 0.99 {
		return g.Permutation(nPopulation)[:nSamples], nil
	}
	out := make([]int64, nSamples)
	if ratio < 0.2 {
		selected := make(map[int64]bool, nSamples)
		for i := range out {
			j, err := g.Randint(0, int64(nPopulation))
			for err == nil && selected[j] {
				j, err = g.Randint(0, int64(nPopulation))
			}
			if err != nil {
				return nil, err
			}
			selected[j] = true
			out[i] = j
		}
		return out, nil
	}
	for i := range out {
		out[i] = int64(i)
	}
	for i := nSamples; i < nPopulation; i++ {
		j, err := g.Randint(0, int64(i+1))
		if err != nil {
			return nil, err
		}
		if j < int64(nSamples) {
			out[j] = int64(i)
		}
	}
	return out, nil
}

// uniformSym fills a with 2*uniform()-1, as make_classification draws its
// covariance matrices.
func uniformSym(g *rng.RandomState, a []float64) {
	g.FillRandomSample(a)
	for i, v := range a {
		a[i] = 2*v - 1 // 2*v is exact, so fused or not the result is the same
	}
}

// pySlice returns the bounds Python gives the slice [start:stop] of a
// sequence of length n (negative indices count from the end).
func pySlice(start, stop, n int) (int, int) {
	norm := func(i int) int {
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		return min(i, n)
	}
	lo, hi := norm(start), norm(stop)
	if hi < lo {
		hi = lo
	}
	return lo, hi
}

func checkBroadcast(name string, v []float64, nFeatures int) error {
	if v != nil && len(v) != 1 && len(v) != nFeatures {
		return fmt.Errorf("operands could not be broadcast together: %s has %d values for %d features", name, len(v), nFeatures)
	}
	return nil
}

// addBroadcast adds v (one value, or one per column) to every row.
func addBroadcast(d []float64, cols int, v []float64) {
	if len(v) == 1 {
		s := v[0]
		for i := range d {
			d[i] += s
		}
		return
	}
	for i := 0; i+cols <= len(d); i += cols {
		row := d[i : i+cols]
		for j := range row {
			row[j] += v[j]
		}
	}
}

// mulBroadcast multiplies every row by v (one value, or one per column).
func mulBroadcast(d []float64, cols int, v []float64) {
	if len(v) == 1 {
		s := v[0]
		for i := range d {
			d[i] *= s
		}
		return
	}
	for i := 0; i+cols <= len(d); i += cols {
		row := d[i : i+cols]
		for j := range row {
			row[j] *= v[j]
		}
	}
}

// shuffleRows is sklearn.utils.shuffle(X, y): one legacy shuffle of
// arange(n), then both gathered in that order.
func shuffleRows(g *rng.RandomState, X *mat.Dense, y []int64) (*mat.Dense, []int64) {
	idx := make([]int, X.Rows)
	for i := range idx {
		idx[i] = i
	}
	rng.Shuffle(g, idx)
	y2 := make([]int64, len(y))
	for i, j := range idx {
		y2[i] = y[j]
	}
	return X.SelectRows(idx), y2
}

// pow2String formats 2**n as Python prints the integer.
func pow2String(n int) string {
	if n >= 0 && n < 63 {
		return fmt.Sprint(int64(1) << n)
	}
	if n < 0 {
		return fmt.Sprint(math.Pow(2, float64(n)))
	}
	// Big powers: exact decimal digits by repeated doubling.
	digits := []byte{1}
	for i := 0; i < n; i++ {
		carry := byte(0)
		for j := range digits {
			v := digits[j]*2 + carry
			digits[j], carry = v%10, v/10
		}
		if carry > 0 {
			digits = append(digits, carry)
		}
	}
	s := make([]byte, len(digits))
	for i, v := range digits {
		s[len(digits)-1-i] = '0' + v
	}
	return string(s)
}

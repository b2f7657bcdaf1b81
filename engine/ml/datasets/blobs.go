package datasets

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"burst/engine/ml/mat"
	"burst/engine/ml/rng"
)

// BlobsOptions are make_blobs's parameters. Start from NewBlobsOptions,
// which sets scikit-learn's defaults.
type BlobsOptions struct {
	// NSamples is the total number of points, divided equally among the
	// centres (n_samples as an int). Ignored when NSamplesPerCenter is set.
	NSamples int
	// NSamplesPerCenter gives the number of points of each centre (n_samples
	// as a list); the number of centres is then its length.
	NSamplesPerCenter []int
	// NFeatures is the dimension of random centres; explicit Centers fix it.
	NFeatures int
	// NCenters is the number of random centres (centers as an int; 0 with
	// no Centers means scikit-learn's None: 3, or one per NSamplesPerCenter).
	NCenters int
	// Centers are explicit centres, one row each (centers as an array).
	Centers [][]float64
	// ClusterStd is every cluster's standard deviation, unless ClusterStds
	// (one per centre, cluster_std as a list) is set.
	ClusterStd  float64
	ClusterStds []float64
	// CenterBox bounds random centres: uniform in [CenterBox[0], CenterBox[1]).
	CenterBox [2]float64
	Shuffle   bool
	// RandomState is the generator to draw from; nil draws from a fresh
	// unpredictable one (random_state=None). rng.New(seed) gives
	// random_state=seed.
	RandomState *rng.RandomState
}

// NewBlobsOptions returns make_blobs's defaults: n_samples=100,
// n_features=2, centers=None, cluster_std=1.0, center_box=(-10.0, 10.0),
// shuffle=True, random_state=None.
func NewBlobsOptions() BlobsOptions {
	return BlobsOptions{
		NSamples:   100,
		NFeatures:  2,
		ClusterStd: 1.0,
		CenterBox:  [2]float64{-10, 10},
		Shuffle:    true,
	}
}

// MakeBlobs generates isotropic Gaussian blobs for clustering as
// sklearn.datasets.make_blobs does. It returns X (one point per row), y (the
// blob of each point) and the centres (make_blobs's return_centers). With
// the same RandomState seed they equal scikit-learn 1.2.1's bit for bit.
func MakeBlobs(o BlobsOptions) (X *mat.Dense, y []int64, centers *mat.Dense, err error) {
	g := o.RandomState
	if g == nil {
		g = rng.NewFromEntropy()
	}
	nFeatures := o.NFeatures
	var nCenters int
	randomCenters := func() (*mat.Dense, error) {
		if nFeatures < 0 || nCenters < 0 {
			return nil, errors.New("negative dimensions are not allowed")
		}
		if err := rng.CheckUniform(o.CenterBox[0], o.CenterBox[1]); err != nil {
			return nil, err
		}
		c := mat.New(nCenters, nFeatures)
		g.FillUniform(c.Data, o.CenterBox[0], o.CenterBox[1])
		return c, nil
	}
	if o.NSamplesPerCenter == nil {
		switch {
		case o.Centers != nil:
			if centers, err = checkCenters(o.Centers); err != nil {
				return nil, nil, nil, err
			}
			nFeatures, nCenters = centers.Cols, centers.Rows
		default:
			nCenters = o.NCenters
			if nCenters == 0 {
				nCenters = 3
			}
			if centers, err = randomCenters(); err != nil {
				return nil, nil, nil, err
			}
		}
	} else {
		nCenters = len(o.NSamplesPerCenter)
		switch {
		case o.Centers == nil && o.NCenters == 0:
			if centers, err = randomCenters(); err != nil {
				return nil, nil, nil, err
			}
		case o.Centers == nil:
			return nil, nil, nil, fmt.Errorf("Parameter `centers` must be array-like. Got %d instead", o.NCenters)
		case len(o.Centers) != nCenters:
			return nil, nil, nil, fmt.Errorf("Length of `n_samples` not consistent with number of centers. Got n_samples = %s and centers = %s",
				reprInts(o.NSamplesPerCenter), reprRows(o.Centers))
		default:
			if centers, err = checkCenters(o.Centers); err != nil {
				return nil, nil, nil, err
			}
			nFeatures = centers.Cols
		}
	}

	stds := o.ClusterStds
	if stds != nil && len(stds) != nCenters {
		return nil, nil, nil, fmt.Errorf("Length of `clusters_std` not consistent with number of centers. Got centers = %s and cluster_std = %s",
			reprDense(centers), reprFloats(stds))
	}
	if stds == nil {
		stds = make([]float64, centers.Rows)
		for i := range stds {
			stds[i] = o.ClusterStd
		}
	}

	perCenter := o.NSamplesPerCenter
	if perCenter == nil {
		if nCenters == 0 {
			return nil, nil, nil, errors.New("integer division or modulo by zero")
		}
		perCenter = make([]int, nCenters)
		for i := range perCenter {
			perCenter[i] = o.NSamples / nCenters
		}
		for i := 0; i < o.NSamples%nCenters; i++ {
			perCenter[i]++
		}
	}
	total := 0
	for _, n := range perCenter {
		if n < 0 {
			return nil, nil, nil, errors.New("negative dimensions are not allowed")
		}
		total += n
	}

	X = mat.New(total, nFeatures)
	y = make([]int64, total)
	start := 0
	// zip(n_samples_per_center, cluster_std) stops at the shorter.
	for i := 0; i < min(len(perCenter), len(stds)); i++ {
		n := perCenter[i]
		if err := rng.CheckScale(stds[i]); err != nil {
			return nil, nil, nil, err
		}
		g.FillNormalRows(X.Data[start*nFeatures:(start+n)*nFeatures], centers.Row(i), stds[i])
		for j := start; j < start+n; j++ {
			y[j] = int64(i)
		}
		start += n
	}
	if o.Shuffle {
		X, y = shuffleRows(g, X, y)
	}
	return X, y, centers, nil
}

// checkCenters is check_array on explicit centres: a non-empty 2-D array of
// finite numbers.
func checkCenters(rows [][]float64) (*mat.Dense, error) {
	c, err := mat.FromRows(rows)
	if err != nil {
		return nil, fmt.Errorf("setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions: %v", err)
	}
	if c.Rows == 0 {
		return nil, fmt.Errorf("Found array with 0 sample(s) (shape=(0, %d)) while a minimum of 1 is required.", c.Cols)
	}
	if c.Cols == 0 {
		return nil, fmt.Errorf("Found array with 0 feature(s) (shape=(%d, 0)) while a minimum of 1 is required.", c.Rows)
	}
	for _, v := range c.Data {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("Input contains NaN, infinity or a value too large for dtype('float64').")
		}
	}
	return c, nil
}

// reprFloat formats v as Python's repr does.
func reprFloat(v float64) string {
	switch {
	case math.IsNaN(v):
		return "nan"
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	if a := math.Abs(v); a >= 1e16 || (a < 1e-4 && a != 0) {
		return strconv.FormatFloat(v, 'e', -1, 64) // 1e-05, 1e+16, as Python
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

func reprFloats(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = reprFloat(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func reprInts(v []int) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.Itoa(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func reprRows(rows [][]float64) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = reprFloats(r)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func reprDense(m *mat.Dense) string {
	rows := make([][]float64, m.Rows)
	for i := range rows {
		rows[i] = m.Row(i)
	}
	return reprRows(rows)
}

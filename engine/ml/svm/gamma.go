package svm

import "burst/engine/ml/mat"

// ScaleGamma returns sklearn's gamma="scale" for X: 1/(n_features·X.var()),
// or 1 when the variance is zero. The variance is computed the way numpy's
// X.var() does for a C-contiguous float64 array (two pairwise sums over the
// flattened data), so the value is bit-identical to sklearn's.
func ScaleGamma(X *mat.Dense) float64 {
	v := numpyVar(X.Data)
	if v == 0 {
		return 1
	}
	return 1.0 / (float64(X.Cols) * v)
}

// AutoGamma returns sklearn's gamma="auto": 1/n_features.
func AutoGamma(X *mat.Dense) float64 { return 1.0 / float64(X.Cols) }

// numpyVar is numpy's var(ddof=0) over a contiguous array: mean by
// np.add.reduce, deviations squared in place, reduced again, each sum divided
// by the element count.
func numpyVar(a []float64) float64 {
	n := float64(len(a))
	mean := numpySum(a) / n
	d := make([]float64, len(a))
	for i, v := range a {
		t := v - mean
		d[i] = t * t
	}
	return numpySum(d) / n
}

// numpySum is np.add.reduce over a contiguous float64 array. The reduction
// starts from the identity 0 and the ufunc's inner loop is handed the data in
// runs of the iterator's buffer size (8192 elements), each added to the
// accumulator as one pairwise sum — so only within a run is the sum pairwise.
func numpySum(a []float64) float64 {
	const bufsize = 8192
	s := 0.0
	for len(a) > bufsize {
		s += pairwiseSum(a[:bufsize])
		a = a[bufsize:]
	}
	return s + pairwiseSum(a)
}

// pairwiseSum is numpy's DOUBLE_pairwise_sum: blocks of at most 128
// elements are summed with eight interleaved accumulators, larger runs are
// split in two at a multiple of 8.
func pairwiseSum(a []float64) float64 {
	n := len(a)
	switch {
	case n < 8:
		res := 0.0
		for _, v := range a {
			res += v
		}
		return res
	case n <= 128:
		var r [8]float64
		copy(r[:], a[:8])
		i := 8
		for ; i < n-n%8; i += 8 {
			b := a[i : i+8 : i+8]
			r[0] += b[0]
			r[1] += b[1]
			r[2] += b[2]
			r[3] += b[3]
			r[4] += b[4]
			r[5] += b[5]
			r[6] += b[6]
			r[7] += b[7]
		}
		res := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			res += a[i]
		}
		return res
	default:
		n2 := n / 2
		n2 -= n2 % 8
		return pairwiseSum(a[:n2]) + pairwiseSum(a[n2:])
	}
}

package rng

import (
	"errors"
	"math"
)

// Uniform returns a double in [low, high) as RandomState.uniform(low, high)
// does: low + (high-low)*random_sample.
func (r *RandomState) Uniform(low, high float64) float64 {
	return low + float64((high-low)*r.RandomSample())
}

// CheckUniform reports numpy's error for bounds whose difference overflows.
func CheckUniform(low, high float64) error {
	d := high - low
	if math.IsInf(d, 0) || math.IsNaN(d) {
		return errors.New("Range exceeds valid bounds")
	}
	return nil
}

// FillUniform fills dst with Uniform(low, high) values, in order.
func (r *RandomState) FillUniform(dst []float64, low, high float64) {
	span := high - low
	for i := range dst {
		dst[i] = low + float64(span*r.RandomSample())
	}
}

// StandardNormal returns a standard normal sample (standard_normal, randn):
// numpy's legacy_gauss, the polar Box–Muller method, which makes two samples
// from each accepted pair of uniforms and keeps the second for the next call.
func (r *RandomState) StandardNormal() float64 {
	if r.hasGauss {
		g := r.gauss
		r.hasGauss, r.gauss = false, 0
		return g
	}
	f, x1, x2 := r.polar()
	r.gauss, r.hasGauss = f*x1, true
	return f * x2
}

// polar draws uniform pairs in the unit disc until one is accepted and
// returns the scale f with the pair: the two normals are f*x2, then f*x1.
func (r *RandomState) polar() (f, x1, x2 float64) {
	for {
		x1 = 2*r.RandomSample() - 1
		x2 = 2*r.RandomSample() - 1
		r2 := float64(x1*x1) + float64(x2*x2)
		if r2 >= 1 || r2 == 0 {
			continue
		}
		return math.Sqrt(-2 * Log(r2) / r2), x1, x2
	}
}

// FillStandardNormal fills dst with StandardNormal values, in order. It
// writes both values of each pair directly, and works in batches: first the
// accepted uniform pairs of a batch (drawing exactly what StandardNormal
// would), then their logarithms and square roots in a loop free of
// unpredictable branches, which is what makes it faster than calling
// StandardNormal in a loop.
func (r *RandomState) FillStandardNormal(dst []float64) {
	i := 0
	if r.hasGauss && len(dst) > 0 {
		dst[0] = r.gauss
		r.hasGauss, r.gauss = false, 0
		i = 1
	}
	x1s, x2s, r2s := &r.scratch.x1, &r.scratch.x2, &r.scratch.r2
	for len(dst)-i >= 2 {
		want := min((len(dst)-i)/2, normalBatch)
		for j := 0; j < want; {
			var x1, x2 float64
			if p := uint(r.pos); p+4 <= mtN {
				// RandomSample twice, with the four words at hand.
				k := &r.key
				a1, b1 := temper(k[p])>>5, temper(k[p+1])>>6
				a2, b2 := temper(k[p+2])>>5, temper(k[p+3])>>6
				r.pos = int(p + 4)
				x1 = 2*((float64(a1)*67108864.0+float64(b1))/9007199254740992.0) - 1
				x2 = 2*((float64(a2)*67108864.0+float64(b2))/9007199254740992.0) - 1
			} else {
				x1 = 2*r.RandomSample() - 1
				x2 = 2*r.RandomSample() - 1
			}
			s := float64(x1*x1) + float64(x2*x2)
			x1s[j], x2s[j], r2s[j] = x1, x2, s
			if s < 1 && s != 0 {
				j++
			}
		}
		out := dst[i : i+2*want]
		for j := 0; j < want; j++ {
			s := r2s[j]
			f := math.Sqrt(-2 * Log(s) / s)
			out[2*j], out[2*j+1] = f*x2s[j], f*x1s[j]
		}
		i += 2 * want
	}
	if i < len(dst) {
		dst[i] = r.StandardNormal()
	}
}

// Normal returns loc + scale*StandardNormal(), as RandomState.normal does.
func (r *RandomState) Normal(loc, scale float64) float64 {
	return loc + float64(scale*r.StandardNormal())
}

// CheckScale reports numpy's error for a negative normal scale.
func CheckScale(scale float64) error {
	if scale < 0 {
		return errors.New("scale < 0")
	}
	return nil
}

// FillNormal fills dst with Normal(loc, scale) values, in order. Like the
// other fills it does not validate: numpy's errors come from CheckScale,
// CheckUniform and FillRandint.
func (r *RandomState) FillNormal(dst []float64, loc, scale float64) {
	r.FillStandardNormal(dst)
	for i, z := range dst {
		dst[i] = loc + float64(scale*z)
	}
}

// FillNormalRows fills the rows of a row-major matrix dst (len(loc) columns)
// with loc[j] + scale*StandardNormal(), row by row: RandomState.normal(loc,
// scale, size=(rows, len(loc))) with loc broadcast along the rows.
func (r *RandomState) FillNormalRows(dst []float64, loc []float64, scale float64) {
	d := len(loc)
	if d == 0 {
		return
	}
	dst = dst[:len(dst)/d*d]
	// Blocks of whole rows small enough to stay in cache between the two
	// passes.
	rows := max(1, 512/d)
	for len(dst) > 0 {
		blk := dst[:min(len(dst), rows*d)]
		dst = dst[len(blk):]
		r.FillStandardNormal(blk)
		for i := 0; i < len(blk); i += d {
			row := blk[i : i+d : i+d]
			for j, l := range loc {
				row[j] = l + float64(scale*row[j])
			}
		}
	}
}

// mask returns the smallest all-ones bit mask covering max.
func mask(max uint64) uint64 {
	m := max
	m |= m >> 1
	m |= m >> 2
	m |= m >> 4
	m |= m >> 8
	m |= m >> 16
	m |= m >> 32
	return m
}

// RandomInterval returns a uniform integer in [0, max] by masked rejection,
// drawing 32 bits at a time when max fits in 32 bits (numpy's
// random_interval, which the legacy shuffle and permutation use).
func (r *RandomState) RandomInterval(max uint64) uint64 {
	if max == 0 {
		return 0
	}
	m := mask(max)
	if max <= 0xffffffff {
		for {
			if v := uint64(r.Uint32()) & m; v <= max {
				return v
			}
		}
	}
	for {
		if v := r.Uint64() & m; v <= max {
			return v
		}
	}
}

// boundedFill is numpy's random_bounded_uint64_fill with use_masked=True:
// off + a uniform integer in [0, rng], one 32-bit draw per try when rng fits
// in 32 bits, a 64-bit draw otherwise.
func (r *RandomState) boundedFill(dst []int64, off, rng uint64) {
	switch {
	case rng == 0:
		for i := range dst {
			dst[i] = int64(off)
		}
	case rng == 0xffffffff:
		for i := range dst {
			dst[i] = int64(off + uint64(r.Uint32()))
		}
	case rng < 0xffffffff:
		m := uint32(mask(rng))
		rng32 := uint32(rng)
		for i := range dst {
			for {
				if v := r.Uint32() & m; v <= rng32 {
					dst[i] = int64(off + uint64(v))
					break
				}
			}
		}
	case rng == math.MaxUint64:
		for i := range dst {
			dst[i] = int64(off + r.Uint64())
		}
	default:
		m := mask(rng)
		for i := range dst {
			for {
				if v := r.Uint64() & m; v <= rng {
					dst[i] = int64(off + v)
					break
				}
			}
		}
	}
}

// checkRandint reports numpy's error for an empty interval [low, high).
func checkRandint(low, high int64) error {
	if low >= high {
		if low == 0 {
			return errors.New("high <= 0")
		}
		return errors.New("low >= high")
	}
	return nil
}

// Randint returns a uniform integer in [low, high), as RandomState.randint
// does for the default int64 dtype.
func (r *RandomState) Randint(low, high int64) (int64, error) {
	var v [1]int64
	if err := r.FillRandint(v[:], low, high); err != nil {
		return 0, err
	}
	return v[0], nil
}

// FillRandint fills dst with uniform integers in [low, high), in order, as
// RandomState.randint(low, high, size=len(dst)) does (int64 dtype).
func (r *RandomState) FillRandint(dst []int64, low, high int64) error {
	if err := checkRandint(low, high); err != nil {
		return err
	}
	// high-1-low as an unsigned difference: right even when it overflows
	// int64.
	r.boundedFill(dst, uint64(low), uint64(high-1)-uint64(low))
	return nil
}

// Shuffle permutes x in place as RandomState.shuffle does for a 1-D array
// (or the rows of an n-D one): Fisher–Yates from the end, j drawn by
// RandomInterval(i).
func Shuffle[T any](r *RandomState, x []T) {
	for i := len(x) - 1; i > 0; i-- {
		j := r.RandomInterval(uint64(i))
		x[i], x[j] = x[j], x[i]
	}
}

// ShuffleFunc is Shuffle for a sequence of n items reached through swap.
func (r *RandomState) ShuffleFunc(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		j := int(r.RandomInterval(uint64(i)))
		if j != i {
			swap(i, j)
		}
	}
}

// Permutation returns a shuffled arange(n), as RandomState.permutation(n).
func (r *RandomState) Permutation(n int) []int64 {
	p := make([]int64, n)
	for i := range p {
		p[i] = int64(i)
	}
	Shuffle(r, p)
	return p
}

// Choice draws size indices into a population of n items, as
// RandomState.choice(n, size, replace, p) does; p (nil for uniform) gives
// each item's probability. The samples index the population, so choice over
// an array a is a[idx].
func (r *RandomState) Choice(n int64, size int, replace bool, p []float64) ([]int64, error) {
	if n <= 0 && size != 0 {
		return nil, errors.New("a must be greater than 0 unless no samples are taken")
	}
	if size < 0 {
		return nil, errors.New("negative dimensions are not allowed")
	}
	if p != nil {
		if int64(len(p)) != n {
			return nil, errors.New("'a' and 'p' must have same size")
		}
		sum := kahanSum(p)
		if math.IsNaN(sum) {
			return nil, errors.New("probabilities contain NaN")
		}
		for _, v := range p {
			if v < 0 {
				return nil, errors.New("probabilities are not non-negative")
			}
		}
		if math.Abs(sum-1) > math.Sqrt(0x1p-52) {
			return nil, errors.New("probabilities do not sum to 1")
		}
	}
	out := make([]int64, size)
	switch {
	case replace && p == nil:
		if err := r.FillRandint(out, 0, n); err != nil {
			return nil, err
		}
	case replace:
		cdf := cumulative(p)
		for i := range out {
			out[i] = searchRight(cdf, r.RandomSample())
		}
	case int64(size) > n:
		return nil, errors.New("Cannot take a larger sample than population when 'replace=False'")
	case p == nil:
		copy(out, r.Permutation(int(n)))
	default:
		nz := 0
		for _, v := range p {
			if v > 0 {
				nz++
			}
		}
		if nz < size {
			return nil, errors.New("Fewer non-zero entries in p than size")
		}
		q := append([]float64(nil), p...)
		found := 0
		seen := make(map[int64]bool, size)
		x := make([]float64, size)
		for found < size {
			x = x[:size-found]
			r.FillRandomSample(x)
			for _, i := range out[:found] {
				q[i] = 0
			}
			cdf := cumulative(q)
			// numpy keeps the first occurrence of each new index, in
			// draw order (np.unique(..., return_index=True), sorted).
			clear(seen)
			for _, u := range x {
				i := searchRight(cdf, u)
				if !seen[i] {
					seen[i] = true
					out[found] = i
					found++
				}
			}
		}
	}
	return out, nil
}

// cumulative returns p.cumsum() / p.cumsum()[-1], as numpy's choice builds
// its cdf: a running sum left to right, then one division each.
func cumulative(p []float64) []float64 {
	cdf := make([]float64, len(p))
	s := 0.0
	for i, v := range p {
		s += v
		cdf[i] = s
	}
	last := cdf[len(cdf)-1]
	for i := range cdf {
		cdf[i] /= last
	}
	return cdf
}

// searchRight is np.searchsorted(cdf, u, side='right'): the number of
// entries <= u.
func searchRight(cdf []float64, u float64) int64 {
	lo, hi := 0, len(cdf)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cdf[mid] <= u {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return int64(lo)
}

// kahanSum is numpy's compensated sum used to check choice's p.
func kahanSum(p []float64) float64 {
	if len(p) == 0 {
		return 0
	}
	sum := p[0]
	c := 0.0
	for _, v := range p[1:] {
		y := v - c
		t := sum + y
		c = (t - sum) - y
		sum = t
	}
	return sum
}

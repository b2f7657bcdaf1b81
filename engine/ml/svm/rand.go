package svm

// mt19937 is C++'s std::mt19937, the generator scikit-learn's libsvm draws
// from (sklearn/svm/src/newrand/newrand.h).
type mt19937 struct {
	mt  [624]uint32
	idx int
}

// defaultSeed is std::mt19937::default_seed, the state libsvm starts from
// when set_seed is never called.
const defaultSeed = 5489

func newMT19937(seed uint32) *mt19937 {
	r := &mt19937{}
	r.seed(seed)
	return r
}

func (r *mt19937) seed(s uint32) {
	r.mt[0] = s
	for i := 1; i < len(r.mt); i++ {
		prev := r.mt[i-1]
		r.mt[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	r.idx = len(r.mt)
}

func (r *mt19937) next() uint32 {
	const n, m = 624, 397
	if r.idx >= n {
		for i := 0; i < n; i++ {
			y := r.mt[i]&0x80000000 | r.mt[(i+1)%n]&0x7fffffff
			v := r.mt[(i+m)%n] ^ y>>1
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			r.mt[i] = v
		}
		r.idx = 0
	}
	y := r.mt[r.idx]
	r.idx++
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	y ^= y >> 18
	return y
}

// boundedInt is newrand.h's bounded_rand_int: a uniform integer in
// [0, rng) by Lemire's multiply-and-shift with rejection ("tweaked Lemire
// post-processor"), consuming one or more draws.
func (r *mt19937) boundedInt(rng uint32) uint32 {
	x := r.next()
	m := uint64(x) * uint64(rng)
	l := uint32(m)
	if l < rng {
		t := -rng
		if t >= rng {
			t -= rng
			if t >= rng {
				t %= rng
			}
		}
		for l < t {
			x = r.next()
			m = uint64(x) * uint64(rng)
			l = uint32(m)
		}
	}
	return uint32(m >> 32)
}

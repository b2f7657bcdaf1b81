// Package rng is numpy's legacy random generator, np.random.RandomState,
// reproduced bit for bit in pure Go: the MT19937 stream, its seeding, and the
// legacy distributions scikit-learn's sample generators draw from
// (random_sample, uniform, standard_normal/normal, randint, shuffle,
// permutation, choice). The same seed gives the same arrays as numpy 1.24 on
// the reference machine, so lessons can show the numbers a learner would get
// from scikit-learn.
//
// Bit-identical output needs more than the same algorithm: numpy's normal
// samples go through libm's log, which Go's math.Log does not match in the
// last bit, so the package carries the reference machine's libm functions
// that random generators need: Log, and Sin and Cos for CPython's
// random.gauss (glibc 2.36, FMA variants), with FMA, a fused multiply-add
// that stays fast on wasm.
//
// A RandomState is not safe for concurrent use.
package rng

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
)

const (
	mtN       = 624
	mtM       = 397
	matrixA   = 0x9908b0df
	upperMask = 0x80000000
	lowerMask = 0x7fffffff
)

// RandomState is numpy's legacy generator: an MT19937 state plus the cached
// second value of the polar Box–Muller method.
type RandomState struct {
	key      [mtN]uint32
	pos      int
	hasGauss bool
	gauss    float64
	// scratch holds FillStandardNormal's batch, here rather than on its
	// stack so that short fills do not clear it each call.
	scratch struct{ x1, x2, r2 [normalBatch]float64 }
}

// normalBatch is how many polar pairs FillStandardNormal draws before
// taking their logarithms.
const normalBatch = 128

// New returns the generator np.random.RandomState(seed) makes.
func New(seed uint32) *RandomState {
	r := &RandomState{}
	r.Seed(seed)
	return r
}

// NewFromArray returns the generator np.random.RandomState(key) makes for a
// non-empty 1-D array of seeds (each in [0, 2**32)).
func NewFromArray(key []uint32) (*RandomState, error) {
	r := &RandomState{}
	if err := r.SeedArray(key); err != nil {
		return nil, err
	}
	return r, nil
}

// NewFromEntropy returns a generator seeded from the operating system, as
// np.random.RandomState() (seed None) is; its stream is unpredictable, so it
// cannot match numpy's.
func NewFromEntropy() *RandomState {
	r := &RandomState{}
	var buf [4 * mtN]byte
	if _, err := rand.Read(buf[:]); err != nil {
		panic("rng: reading entropy: " + err.Error())
	}
	for i := range r.key {
		r.key[i] = binary.LittleEndian.Uint32(buf[4*i:])
	}
	r.key[0] = 0x80000000 // as numpy does: never an all-zero state
	r.pos = mtN
	return r
}

// CheckSeed reports numpy's error for an integer seed out of range.
func CheckSeed(seed int64) error {
	if seed < 0 || seed > 1<<32-1 {
		return errors.New("Seed must be between 0 and 2**32 - 1")
	}
	return nil
}

// Seed reseeds r as RandomState.seed(seed) does for an integer: Knuth's
// initialisation of the reference MT19937 (init_genrand), not init_by_array.
func (r *RandomState) Seed(seed uint32) {
	s := seed
	for i := 0; i < mtN; i++ {
		r.key[i] = s
		s = 1812433253*(s^(s>>30)) + uint32(i) + 1
	}
	r.pos = mtN
	r.hasGauss, r.gauss = false, 0
}

// SeedArray reseeds r as RandomState.seed(array) does (init_by_array).
func (r *RandomState) SeedArray(key []uint32) error {
	if len(key) == 0 {
		return errors.New("Seed must be non-empty")
	}
	mt := &r.key
	mt[0] = 19650218
	for i := 1; i < mtN; i++ {
		mt[i] = 1812433253*(mt[i-1]^(mt[i-1]>>30)) + uint32(i)
	}
	i, j := 1, 0
	for k := max(mtN, len(key)); k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k := mtN - 1; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
	}
	mt[0] = 0x80000000
	r.pos = mtN
	r.hasGauss, r.gauss = false, 0
	return nil
}

// State is the generator's full state, as RandomState.get_state() returns
// it: the 624 key words, the position, and the cached Gaussian.
type State struct {
	Key      [mtN]uint32
	Pos      int
	HasGauss bool
	Gauss    float64
}

// State returns a copy of r's state.
func (r *RandomState) State() State {
	return State{Key: r.key, Pos: r.pos, HasGauss: r.hasGauss, Gauss: r.gauss}
}

// SetState restores a state from State (RandomState.set_state).
func (r *RandomState) SetState(s State) error {
	if s.Pos < 0 || s.Pos > mtN {
		return fmt.Errorf("state position %d out of range [0, %d]", s.Pos, mtN)
	}
	r.key, r.pos, r.hasGauss, r.gauss = s.Key, s.Pos, s.HasGauss, s.Gauss
	return nil
}

// generate refills the key with the next 624 words.
func (r *RandomState) generate() {
	k := &r.key
	var i int
	for i = 0; i < mtN-mtM; i++ {
		y := k[i]&upperMask | k[i+1]&lowerMask
		k[i] = k[i+mtM] ^ y>>1 ^ (-(y & 1) & matrixA)
	}
	for ; i < mtN-1; i++ {
		y := k[i]&upperMask | k[i+1]&lowerMask
		k[i] = k[i+mtM-mtN] ^ y>>1 ^ (-(y & 1) & matrixA)
	}
	y := k[mtN-1]&upperMask | k[0]&lowerMask
	k[mtN-1] = k[mtM-1] ^ y>>1 ^ (-(y & 1) & matrixA)
	r.pos = 0
}

// Uint32 returns the next 32 random bits (mt19937_next32).
func (r *RandomState) Uint32() uint32 {
	if r.pos == mtN {
		r.generate()
	}
	y := r.key[r.pos]
	r.pos++
	return temper(y)
}

// temper is MT19937's output transformation of a state word.
func temper(y uint32) uint32 {
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	y ^= y >> 18
	return y
}

// Uint64 returns the next 64 random bits: two words, the first one high.
func (r *RandomState) Uint64() uint64 {
	hi := uint64(r.Uint32())
	return hi<<32 | uint64(r.Uint32())
}

// RandomSample returns a double in [0, 1) with 53 random bits
// (random_sample / random / rand).
func (r *RandomState) RandomSample() float64 {
	var a, b uint32
	if p := r.pos; p+2 <= mtN {
		// Both words are at hand: read them without two refill checks.
		a, b = temper(r.key[p])>>5, temper(r.key[p+1])>>6
		r.pos = p + 2
	} else {
		a = r.Uint32() >> 5
		b = r.Uint32() >> 6
	}
	// Both products and the sum are exact: a < 2^27, b < 2^26.
	return (float64(a)*67108864.0 + float64(b)) / 9007199254740992.0
}

// FillRandomSample fills dst with RandomSample values, in order.
func (r *RandomState) FillRandomSample(dst []float64) {
	for i := range dst {
		dst[i] = r.RandomSample()
	}
}

package daskml

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"burst/engine/ml/rng"
)

// loadRandomFixtures reads the draws of dask.array.random in the kernel's
// k-means fixtures (made by dask-ml's own algorithm with dask and
// scikit-learn).
func loadRandomFixtures(t *testing.T) (f struct {
	Seed0Words  []uint32  `json:"seed0_words"`
	Seed2Last   uint32    `json:"seed2_last"`
	Uniform     []float64 `json:"uniform_seed0_chunks3"`
	RandintSeed int64     `json:"randint_seed0"`
}) {
	t.Helper()
	b, err := os.ReadFile("../../kernel/testdata/daskml/kmeans.json")
	if err != nil {
		t.Fatal(err)
	}
	var all struct {
		Random json.RawMessage `json:"random"`
	}
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(all.Random, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// The k-means|| draws follow dask.array.random: a seed of 624 words per
// block from the numpy RandomState, and a RandomState per block seeded
// with it.
func TestDaskRandomSeeding(t *testing.T) {
	f := loadRandomFixtures(t)
	seeds := stateData(rng.New(0), 3)
	for i, w := range f.Seed0Words {
		if seeds[0][i] != w {
			t.Errorf("seed 0 word %d = %d, want %d", i, seeds[0][i], w)
		}
	}
	if seeds[2][623] != f.Seed2Last {
		t.Errorf("seed 2's last word = %d, want %d", seeds[2][623], f.Seed2Last)
	}
	// da.random.RandomState(0).uniform(size=7, chunks=3)
	var got []float64
	blockSeeds := stateData(rng.New(0), 3)
	for b, n := range []int{3, 3, 1} {
		r, err := rng.NewFromArray(blockSeeds[b])
		if err != nil {
			t.Fatal(err)
		}
		draws := make([]float64, n)
		r.FillRandomSample(draws)
		got = append(got, draws...)
	}
	for i := range got {
		if got[i] != f.Uniform[i] {
			t.Errorf("uniform draw %d = %v, want %v", i, got[i], f.Uniform[i])
		}
	}
	r, _ := rng.NewFromArray(stateData(rng.New(0), 1)[0])
	if v, _ := r.Randint(0, math.MaxInt32-1); v != f.RandintSeed {
		t.Errorf("randint = %d, want %d", v, f.RandintSeed)
	}
}

package cluster

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"burst/engine/ml/mat"
)

type goSource struct{ r *rand.Rand }

func (s goSource) Intn(n int) int   { return s.r.IntN(n) }
func (s goSource) Float64() float64 { return s.r.Float64() }

func newSource(seed uint64) Source { return goSource{rand.New(rand.NewPCG(seed, 1))} }

type fixture struct {
	Name    string  `json:"name"`
	Rows    int     `json:"rows"`
	Cols    int     `json:"cols"`
	K       int     `json:"k"`
	Inertia float64 `json:"inertia"`
}

func loadFixtures(t testing.TB) ([]fixture, map[string]*mat.Dense) {
	b, err := os.ReadFile("testdata/kmeans.json")
	if err != nil {
		t.Fatal(err)
	}
	var fs []fixture
	if err := json.Unmarshal(b, &fs); err != nil {
		t.Fatal(err)
	}
	data := map[string]*mat.Dense{}
	for _, f := range fs {
		raw, err := os.ReadFile("testdata/" + f.Name + ".bin")
		if err != nil {
			t.Fatal(err)
		}
		m := mat.New(f.Rows, f.Cols)
		for i := range m.Data {
			m.Data[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
		}
		data[f.Name] = m
	}
	return fs, data
}

// TestKMeansInertia: our k-means reaches scikit-learn's inertia (within
// 1%) on blobs made by scikit-learn, both in memory and by k-means|| over
// blocks as dask-ml does.
func TestKMeansInertia(t *testing.T) {
	fs, data := loadFixtures(t)
	for _, f := range fs {
		X := data[f.Name]
		p := DefaultParams()
		p.K = f.K
		r, err := Fit(X, p, newSource(7))
		if err != nil {
			t.Fatal(err)
		}
		if rel := math.Abs(r.Inertia-f.Inertia) / f.Inertia; rel > 0.01 {
			t.Errorf("%s: inertia %.6g, scikit-learn %.6g (%.2f%% off)", f.Name, r.Inertia, f.Inertia, 100*rel)
		}
		var blocks []*mat.Dense
		for i := 0; i < X.Rows; i += 400 {
			end := min(i+400, X.Rows)
			blocks = append(blocks, &mat.Dense{Rows: end - i, Cols: X.Cols, Data: X.Data[i*X.Cols : end*X.Cols]})
		}
		centers, err := ScalableInit(blocks, f.K, 2, 0, newSource(3))
		if err != nil {
			t.Fatal(err)
		}
		r2 := Lloyd(X, nil, centers, 300, Tolerance(X, 1e-4))
		if rel := math.Abs(r2.Inertia-f.Inertia) / f.Inertia; rel > 0.01 {
			t.Errorf("%s, k-means||: inertia %.6g, scikit-learn %.6g (%.2f%% off)", f.Name, r2.Inertia, f.Inertia, 100*rel)
		}
		t.Logf("%s: inertia %.6g (k-means++), %.6g (k-means||), scikit-learn %.6g", f.Name, r.Inertia, r2.Inertia, f.Inertia)
	}
}

func TestKMeansErrors(t *testing.T) {
	X := mat.New(3, 2)
	p := DefaultParams()
	if _, err := Fit(X, p, newSource(1)); err == nil || err.Error() != "ValueError: n_samples=3 should be >= n_clusters=8." {
		t.Errorf("err = %v", err)
	}
	X.Data[0] = math.NaN()
	p.K = 2
	if _, err := Fit(X, p, newSource(1)); err == nil {
		t.Error("NaN accepted")
	}
}

func BenchmarkLloyd400kx20(b *testing.B) {
	_, data := loadFixtures(b)
	base := data["blobs8"]
	X := mat.New(400_000, base.Cols)
	for i := range X.Rows {
		copy(X.Row(i), base.Row(i%base.Rows))
	}
	p := DefaultParams()
	p.K = 8
	p.NInit = 1
	for b.Loop() {
		centers := PlusPlus(X, nil, 8, newSource(1))
		Lloyd(X, nil, centers, 300, Tolerance(X, 1e-4))
	}
}

// nearestData is a 20000×20 block and 12 centres, the lesson's shape.
func nearestData() (*mat.Dense, *mat.Dense) {
	r := rand.New(rand.NewPCG(1, 2))
	X := mat.New(20000, 20)
	for i := range X.Data {
		X.Data[i] = r.NormFloat64() * 5
	}
	C := mat.New(12, 20)
	for i := range C.Data {
		C.Data[i] = r.NormFloat64() * 5
	}
	return X, C
}

// TestNearestMatchesSqDist: the blocked loops give the labels and the
// squared distances (bit for bit) of the plain one.
func TestNearestMatchesSqDist(t *testing.T) {
	X, _ := nearestData()
	for _, k := range []int{1, 2, 3, 4, 5, 7, 12, 13} {
		C := mat.New(k, X.Cols)
		copy(C.Data, X.Data[5*X.Cols:])
		labels := make([]int64, X.Rows)
		d2 := make([]float64, X.Rows)
		total := Nearest(X, C, labels, d2)
		want := 0.0
		for i := range X.Rows {
			best, bestD := 0, math.Inf(1)
			for c := range k {
				if d := sqDist(X.Row(i), C.Row(c)); d < bestD {
					best, bestD = c, d
				}
			}
			if labels[i] != int64(best) || d2[i] != bestD {
				t.Fatalf("k=%d row %d: label %d d² %v, want %d %v", k, i, labels[i], d2[i], best, bestD)
			}
			want += bestD
		}
		if total != want {
			t.Errorf("k=%d: total %v, want %v", k, total, want)
		}
	}
}

func BenchmarkNearest20000x20k12(b *testing.B) {
	X, C := nearestData()
	labels := make([]int64, X.Rows)
	d2 := make([]float64, X.Rows)
	for b.Loop() {
		Nearest(X, C, labels, d2)
	}
}

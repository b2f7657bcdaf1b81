package datasets

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"burst/engine/ml/mat"
	"burst/engine/ml/rng"
)

// The fixtures are scikit-learn 1.2.1's own output on the reference machine
// (testdata/gen.py): every case compares X and y bit for bit, through the
// full arrays when they are small and sha256 hashes otherwise.

type fixture struct {
	Name    string         `json:"name"`
	Func    string         `json:"func"`
	Kwargs  map[string]any `json:"kwargs"`
	Rows    int            `json:"rows"`
	Cols    int            `json:"cols"`
	XSha    string         `json:"x_sha256"`
	YSha    string         `json:"y_sha256"`
	CSha    string         `json:"centers_sha256"`
	BinFile string         `json:"bin"`
}

func loadFixtures(t testing.TB) []fixture {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fs []fixture
	if err := json.Unmarshal(b, &fs); err != nil {
		t.Fatal(err)
	}
	return fs
}

func floats(v any) []float64 {
	if v == nil {
		return nil
	}
	if f, ok := v.(float64); ok {
		return []float64{f}
	}
	var out []float64
	for _, x := range v.([]any) {
		out = append(out, x.(float64))
	}
	return out
}

func classificationOptions(kw map[string]any) ClassificationOptions {
	o := NewClassificationOptions()
	for k, v := range kw {
		switch k {
		case "n_samples":
			o.NSamples = int(v.(float64))
		case "n_features":
			o.NFeatures = int(v.(float64))
		case "n_informative":
			o.NInformative = int(v.(float64))
		case "n_redundant":
			o.NRedundant = int(v.(float64))
		case "n_repeated":
			o.NRepeated = int(v.(float64))
		case "n_classes":
			o.NClasses = int(v.(float64))
		case "n_clusters_per_class":
			o.NClustersPerClass = int(v.(float64))
		case "weights":
			o.Weights = floats(v)
		case "flip_y":
			o.FlipY = v.(float64)
		case "class_sep":
			o.ClassSep = v.(float64)
		case "hypercube":
			o.Hypercube = v.(bool)
		case "shift":
			o.Shift = floats(v)
		case "scale":
			o.Scale = floats(v)
		case "shuffle":
			o.Shuffle = v.(bool)
		case "random_state":
			o.RandomState = rng.New(uint32(v.(float64)))
		default:
			panic("unknown make_classification argument " + k)
		}
	}
	return o
}

func blobsOptions(kw map[string]any) BlobsOptions {
	o := NewBlobsOptions()
	for k, v := range kw {
		switch k {
		case "n_samples":
			if f, ok := v.(float64); ok {
				o.NSamples = int(f)
			} else {
				for _, n := range v.([]any) {
					o.NSamplesPerCenter = append(o.NSamplesPerCenter, int(n.(float64)))
				}
			}
		case "n_features":
			o.NFeatures = int(v.(float64))
		case "centers":
			if f, ok := v.(float64); ok {
				o.NCenters = int(f)
			} else {
				for _, r := range v.([]any) {
					o.Centers = append(o.Centers, floats(r))
				}
			}
		case "cluster_std":
			if f, ok := v.(float64); ok {
				o.ClusterStd = f
			} else {
				o.ClusterStds = floats(v)
			}
		case "center_box":
			b := floats(v)
			o.CenterBox = [2]float64{b[0], b[1]}
		case "shuffle":
			o.Shuffle = v.(bool)
		case "random_state":
			o.RandomState = rng.New(uint32(v.(float64)))
		default:
			panic("unknown make_blobs argument " + k)
		}
	}
	return o
}

func int64Bytes(v []int64) []byte {
	b := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(b[8*i:], uint64(x))
	}
	return b
}

func TestFixtures(t *testing.T) {
	for _, f := range loadFixtures(t) {
		t.Run(f.Name, func(t *testing.T) {
			if testing.Short() && f.Rows*f.Cols > 1_000_000 {
				t.Skip("large case")
			}
			var X, centers *mat.Dense
			var y []int64
			var err error
			switch f.Func {
			case "make_classification":
				o := classificationOptions(f.Kwargs)
				X, y, err = MakeClassification(o)
			case "make_blobs":
				X, y, centers, err = MakeBlobs(blobsOptions(f.Kwargs))
			}
			if err != nil {
				t.Fatal(err)
			}
			if X.Rows != f.Rows || X.Cols != f.Cols || len(y) != f.Rows {
				t.Fatalf("shape %d×%d (y %d), scikit-learn %d×%d", X.Rows, X.Cols, len(y), f.Rows, f.Cols)
			}
			if f.BinFile != "" {
				compareBin(t, f, X, y)
			}
			if got := sha256Hex(float64Bytes(X.Data)); got != f.XSha {
				t.Errorf("X differs from scikit-learn's (sha256 %s, want %s)", got, f.XSha)
			}
			if got := sha256Hex(int64Bytes(y)); got != f.YSha {
				t.Errorf("y differs from scikit-learn's")
			}
			if f.CSha != "" {
				if got := sha256Hex(float64Bytes(centers.Data)); got != f.CSha {
					t.Errorf("centers differ from scikit-learn's")
				}
			}
		})
	}
}

// compareBin reports the first elements that differ, to locate a mismatch.
func compareBin(t *testing.T, f fixture, X *mat.Dense, y []int64) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", f.BinFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 8*(len(X.Data)+len(y)) {
		t.Fatalf("fixture has %d bytes, want %d", len(b), 8*(len(X.Data)+len(y)))
	}
	bad := 0
	for i, v := range X.Data {
		w := binary.LittleEndian.Uint64(b[8*i:])
		if math.Float64bits(v) != w && bad < 5 {
			bad++
			t.Errorf("X[%d,%d] = %v, scikit-learn %v", i/X.Cols, i%X.Cols, v, math.Float64frombits(w))
		}
	}
	off := 8 * len(X.Data)
	for i, v := range y {
		if w := int64(binary.LittleEndian.Uint64(b[off+8*i:])); v != w && bad < 10 {
			bad++
			t.Errorf("y[%d] = %d, scikit-learn %d", i, v, w)
		}
	}
}

func TestErrors(t *testing.T) {
	o := NewClassificationOptions()
	o.NFeatures = 3
	if _, _, err := MakeClassification(o); err == nil || !strings.HasPrefix(err.Error(), "Number of informative, redundant and repeated features") {
		t.Errorf("too many features: %v", err)
	}
	o = NewClassificationOptions()
	o.NClasses = 3
	o.NInformative = 1
	o.NRedundant = 0
	if _, _, err := MakeClassification(o); err == nil || err.Error() != "n_classes(3) * n_clusters_per_class(2) must be smaller or equal 2**n_informative(1)=2" {
		t.Errorf("too many clusters: %v", err)
	}
	o = NewClassificationOptions()
	o.Weights = []float64{0.1, 0.2, 0.3}
	if _, _, err := MakeClassification(o); err == nil || err.Error() != "Weights specified but incompatible with number of classes." {
		t.Errorf("weights: %v", err)
	}
	b := NewBlobsOptions()
	b.NSamplesPerCenter = []int{10, 20}
	b.Centers = [][]float64{{0, 0}}
	if _, _, _, err := MakeBlobs(b); err == nil || err.Error() != "Length of `n_samples` not consistent with number of centers. Got n_samples = [10, 20] and centers = [[0.0, 0.0]]" {
		t.Errorf("blobs centers: %v", err)
	}
	b = NewBlobsOptions()
	b.NSamplesPerCenter = []int{10, 20}
	b.NCenters = 3
	if _, _, _, err := MakeBlobs(b); err == nil || err.Error() != "Parameter `centers` must be array-like. Got 3 instead" {
		t.Errorf("blobs int centers with list: %v", err)
	}
	b = NewBlobsOptions()
	b.ClusterStds = []float64{1, 2}
	if _, _, _, err := MakeBlobs(b); err == nil || !strings.HasPrefix(err.Error(), "Length of `clusters_std` not consistent with number of centers.") {
		t.Errorf("blobs stds: %v", err)
	}
	b = NewBlobsOptions()
	b.ClusterStd = -1
	if _, _, _, err := MakeBlobs(b); err == nil || err.Error() != "scale < 0" {
		t.Errorf("blobs negative std: %v", err)
	}
}

func BenchmarkMakeBlobs400kx20(b *testing.B) {
	for b.Loop() {
		o := NewBlobsOptions()
		o.NSamples, o.NFeatures = 400000, 20
		o.RandomState = rng.New(0)
		if _, _, _, err := MakeBlobs(o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMakeClassification10k(b *testing.B) {
	for b.Loop() {
		o := NewClassificationOptions()
		o.NSamples, o.NFeatures = 10000, 4
		o.RandomState = rng.New(0)
		if _, _, err := MakeClassification(o); err != nil {
			b.Fatal(err)
		}
	}
}

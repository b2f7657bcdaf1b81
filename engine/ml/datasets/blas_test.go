package datasets

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"burst/engine/ml/rng"
)

func float64Bytes(v []float64) []byte {
	b := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(x))
	}
	return b
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestNumpyDot compares numpyDot with np.dot on the reference machine for
// every shape class numpy and OpenBLAS treat differently: scalars, ddot,
// dgemv_t and dgemv_n (with and without threads), dgemm with and without
// threads, K blocking and the 4x1 micro-kernel's odd rows.
func TestNumpyDot(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "dot.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases [][5]any
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	failed, total := 0, 0
	for _, c := range cases {
		seed := uint32(c[0].(float64))
		n, k, extra := int(c[1].(float64)), int(c[2].(float64)), int(c[3].(float64))
		r := rng.New(seed)
		ldx := k + extra
		x := make([]float64, n*ldx)
		r.FillStandardNormal(x)
		for _, mh := range c[4].([]any) {
			m := int(mh.([]any)[0].(float64))
			w := make([]float64, k*m)
			r.FillRandomSample(w)
			for i := range w {
				w[i] = 2*w[i] - 1
			}
			got := numpyDot(nil, x, ldx, n, k, w, m)
			total++
			if h := sha256Hex(float64Bytes(got))[:32]; h != mh.([]any)[1].(string) {
				failed++
				if failed <= 20 {
					t.Errorf("np.dot (%d×%d)·(%d×%d), seed %d: result differs from numpy", n, k, k, m, seed)
				}
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d shapes differ", failed, total)
	}
}

package svm

import (
	"fmt"
	"testing"

	"burst/engine/ml/mat"
)

// The lesson's data: make_classification(n_samples=10000, n_features=4,
// random_state=0). scikit-learn on the reference machine, for comparison:
//
//	/usr/bin/python3 -m timeit -s 'from sklearn.datasets import make_classification; \
//	  from sklearn.svm import SVC; X, y = make_classification(n_samples=10000, n_features=4, random_state=0)' \
//	  'SVC().fit(X, y)'
func BenchmarkFit10000x4(b *testing.B) {
	X, y, _ := dataset(b, "lesson")
	p := DefaultParams()
	for b.Loop() {
		if _, err := Fit(X, y, p); err != nil {
			b.Fatal(err)
		}
	}
}

// SVC(probability=True, random_state=0).fit(X, y): five more fits for the
// cross-validated Platt scaling.
func BenchmarkFit10000x4Probability(b *testing.B) {
	X, y, _ := dataset(b, "lesson")
	p := DefaultParams()
	p.Probability = true
	p.Seed = 209652396 // np.random.RandomState(0).randint(np.iinfo("i").max)
	for b.Loop() {
		if _, err := Fit(X, y, p); err != nil {
			b.Fatal(err)
		}
	}
}

// The fits of the lesson's grid search, GridSearchCV(SVC(gamma="auto",
// random_state=0, probability=True), {"C": [0.001, 10.0], "kernel": ["rbf",
// "poly"]}, cv=2): each fits about 5000 rows with probability=True, that is
// libsvm's 5-fold cross-validation (five fits of 4000 rows) and the final
// fit. The first 5000 rows of the lesson's data stand in for a CV split.
// C=0.001 runs many cheap iterations with almost every alpha at its bound;
// C=10 fewer, with more free variables.
func BenchmarkGridFit5000x4(b *testing.B) {
	X, y, _ := dataset(b, "lesson")
	X = &mat.Dense{Rows: 5000, Cols: X.Cols, Data: X.Data[:5000*X.Cols]}
	y = y[:5000]
	for _, kernel := range []string{"rbf", "poly"} {
		for _, c := range []float64{0.001, 10} {
			b.Run(fmt.Sprintf("%s/C=%g", kernel, c), func(b *testing.B) {
				p := DefaultParams()
				p.Kernel = kernel
				p.C = c
				p.Gamma = AutoGamma(X)
				p.Probability = true
				p.Seed = 209652396
				for b.Loop() {
					if _, err := Fit(X, y, p); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// The grid search's refit of its best candidate, C=10 with rbf, on all the
// lesson's data: five fits of 8000 rows and one of 10000, where Q (400 MB
// of float32) no longer fits in the 200 MB cache.
func BenchmarkGridRefit10000x4(b *testing.B) {
	X, y, _ := dataset(b, "lesson")
	p := DefaultParams()
	p.C = 10
	p.Gamma = AutoGamma(X)
	p.Probability = true
	p.Seed = 209652396
	for b.Loop() {
		if _, err := Fit(X, y, p); err != nil {
			b.Fatal(err)
		}
	}
}

// SVC().fit(X, y).predict(X) on the lesson's data: 10000 rows against the
// 2628 support vectors.
func BenchmarkPredict10000x4(b *testing.B) {
	X, y, _ := dataset(b, "lesson")
	m, err := Fit(X, y, DefaultParams())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := m.Predict(X); err != nil {
			b.Fatal(err)
		}
	}
}

var sink float64

// One exp (glibc's algorithm), the kernel's innermost cost.
func BenchmarkExp(b *testing.B) {
	x, s := -0.5, 0.0
	for b.Loop() {
		s += exp(x)
		x -= 1e-9
	}
	sink = s
}

// One column of the Q matrix on the lesson's data: the training loop's hot
// path, for the grid's kernels (gamma="auto").
func BenchmarkKernelColumn(b *testing.B) {
	benchKernelColumn(b, kernelParams{kind: kRBF, gamma: 0.25})
}

func BenchmarkKernelColumnPoly(b *testing.B) {
	benchKernelColumn(b, kernelParams{kind: kPoly, gamma: 0.25, degree: 3})
}

func BenchmarkKernelColumnSigmoid(b *testing.B) {
	benchKernelColumn(b, kernelParams{kind: kSigmoid, gamma: 0.25})
}

func benchKernelColumn(b *testing.B, kp kernelParams) {
	X, y, _ := dataset(b, "lesson")
	rows := make([][]float64, X.Rows)
	ys := make([]int8, X.Rows)
	for i := range rows {
		rows[i] = X.Row(i)
		ys[i] = int8(2*y[i] - 1)
	}
	q := newSVCQ(rows, ys, kp, 1<<20)
	out := make([]float32, X.Rows)
	i := 0
	for b.Loop() {
		q.fill(out, i%X.Rows, 0)
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*X.Rows), "ns/entry")
}

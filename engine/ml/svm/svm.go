// Package svm is scikit-learn's SVC (C-support vector classification) as
// scikit-learn 1.2 computes it: a port of the libsvm scikit-learn vendors,
// with its SMO solver (WSS3 working sets, shrinking, the float32 kernel
// cache), one-vs-one multiclass, and Platt-scaled probabilities from an
// internal 5-fold cross-validation drawn from scikit-learn's mt19937
// generator. Support vectors, dual coefficients and intercepts match
// scikit-learn's for the same data and parameters.
//
// Bit-level agreement rests on computing every kernel value as sklearn's
// build does on x86-64 Linux: dot products as OpenBLAS's ddot (see dot), exp
// and tanh as glibc's (see exp and tanh); testdata/gen.py records those
// libraries' results next to sklearn's. The kernel values are rounded to
// float32 in the cache, which hides almost any last-bit difference anyway.
// Throughout, float64(a*b) marks a product the C code rounds before adding
// it: Go may otherwise fuse a*b+c into one FMA (on arm64, ppc64le, s390x,
// riscv64), while fma marks where glibc's and OpenBLAS's FMA code paths do
// fuse. The fitted model is therefore the same on every native GOARCH;
// Platt scaling's log is Go's, so probabilities may differ in the last bits
// between architectures. On js/wasm, which has no FMA instruction, fma
// follows those libraries' non-FMA builds (see fma_wasm.go): the support
// vectors are the same, decision values and probabilities may differ in the
// last bits.
//
// A Model's methods may be called concurrently.
package svm

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"burst/engine/ml/mat"
)

// Params are SVC's hyperparameters.
type Params struct {
	// Kernel is "rbf", "poly", "linear" or "sigmoid".
	Kernel string
	// C is the regularization parameter (> 0).
	C float64
	// Gamma is the kernel coefficient for rbf, poly and sigmoid, already
	// resolved (see ScaleGamma and AutoGamma). NaN, as DefaultParams sets
	// it, means sklearn's default gamma="scale": Fit uses ScaleGamma(X).
	Gamma float64
	// Coef0 is the independent term of the poly and sigmoid kernels.
	Coef0 float64
	// Tol is the stopping tolerance (libsvm's eps).
	Tol float64
	// CacheSizeMB is the kernel cache budget in MiB.
	CacheSizeMB float64
	// Degree is the poly kernel's degree (>= 0).
	Degree int
	// Shrinking enables libsvm's shrinking heuristic.
	Shrinking bool
	// Probability fits Platt scaling by internal 5-fold cross-validation,
	// enabling PredictProba.
	Probability bool
	// MaxIter bounds the solver's iterations per binary problem; -1 means
	// no limit.
	MaxIter int
	// Seed is the value sklearn passes to libsvm's set_seed:
	// check_random_state(random_state).randint(np.iinfo("i").max). It only
	// matters with Probability. Negative leaves mt19937's default seed.
	Seed int
}

// DefaultParams returns SVC()'s defaults: rbf, C=1, gamma="scale"
// (Gamma NaN), degree 3, coef0 0, tol 1e-3, 200 MiB cache, shrinking, no
// probability, no iteration limit, seed 0.
func DefaultParams() Params {
	return Params{
		Kernel:      "rbf",
		C:           1,
		Gamma:       math.NaN(),
		Degree:      3,
		Tol:         1e-3,
		CacheSizeMB: 200,
		Shrinking:   true,
		MaxIter:     -1,
	}
}

// Model is a fitted SVC, with scikit-learn's fitted attributes.
type Model struct {
	// Classes are the distinct labels, sorted (classes_).
	Classes []float64
	// Support are the training rows that are support vectors (support_),
	// grouped by class.
	Support []int
	// SupportVectors are those rows (support_vectors_).
	SupportVectors *mat.Dense
	// NSupport is the number of support vectors per class (n_support_).
	NSupport []int
	// DualCoef is (n_classes-1) × n_SV (dual_coef_); with two classes its
	// sign is flipped from libsvm's, as sklearn does.
	DualCoef *mat.Dense
	// Intercept has one entry per pair of classes (intercept_): libsvm's
	// -rho, sign-flipped again with two classes.
	Intercept []float64
	// ProbA and ProbB are the Platt sigmoid parameters per pair (probA_,
	// probB_); nil without Probability.
	ProbA, ProbB []float64
	// FitStatus is 1 if some solve stopped at MaxIter (fit_status_).
	FitStatus int
	// NIter is the solver's iteration count per pair (n_iter_).
	NIter []int

	m *model
}

// Fit trains an SVC on X (n_samples × n_features) and labels y, as
// sklearn.svm.SVC(**p).fit(X, y) does.
func Fit(X *mat.Dense, y []float64, p Params) (*Model, error) {
	kind, err := p.validate()
	if err != nil {
		return nil, err
	}
	if err := checkX(X); err != nil {
		return nil, err
	}
	for _, v := range y {
		if math.IsNaN(v) {
			return nil, fmt.Errorf("Input y contains NaN.")
		}
		if math.IsInf(v, 0) {
			return nil, fmt.Errorf("Input y contains infinity or a value too large for dtype('float64').")
		}
	}
	if len(y) != X.Rows {
		return nil, fmt.Errorf("Found input variables with inconsistent numbers of samples: [%d, %d]", X.Rows, len(y))
	}
	// BaseSVC._validate_targets: classes_ = np.unique(y), y as indices.
	classes := slices.Clone(y)
	slices.Sort(classes)
	classes = slices.Compact(classes)
	for _, c := range classes {
		if c != math.Trunc(c) {
			return nil, fmt.Errorf("Unknown label type: 'continuous'")
		}
	}
	if len(classes) < 2 {
		return nil, fmt.Errorf("The number of classes has to be greater than one; got %d class", len(classes))
	}
	enc := make([]float64, len(y))
	for i, v := range y {
		k, _ := slices.BinarySearch(classes, v)
		enc[i] = float64(k)
	}

	gamma := p.Gamma
	if math.IsNaN(gamma) {
		gamma = ScaleGamma(X)
	}
	prob := &problem{x: make([][]float64, X.Rows), y: enc}
	for i := range prob.x {
		prob.x[i] = X.Row(i)
	}
	// sklearn passes class_weight_ (all 1 without class_weight) with
	// labels 0..k-1; libsvm multiplies each class's C by it.
	tp := &trainParams{
		kp:          kernelParams{kind: kind, degree: p.Degree, gamma: gamma, coef0: p.Coef0},
		c:           p.C,
		eps:         p.Tol,
		cacheBytes:  int64(p.CacheSizeMB * (1 << 20)),
		shrinking:   p.Shrinking,
		probability: p.Probability,
		maxIter:     p.MaxIter,
		seed:        p.Seed,
		weightLabel: make([]int, len(classes)),
		weight:      make([]float64, len(classes)),
	}
	for i := range classes {
		tp.weightLabel[i] = i
		tp.weight[i] = 1
	}
	status := 0
	m := train(prob, tp, newMT19937(defaultSeed), &status)
	return newModel(m, classes, X.Cols, status)
}

func newModel(m *model, classes []float64, nFeatures, status int) (*Model, error) {
	nSV := len(m.sv)
	out := &Model{
		Classes:        classes,
		Support:        m.svIndex,
		SupportVectors: mat.New(nSV, nFeatures),
		NSupport:       m.nSV,
		DualCoef:       mat.New(len(m.svCoef), nSV),
		Intercept:      make([]float64, len(m.rho)),
		ProbA:          m.probA,
		ProbB:          m.probB,
		FitStatus:      status,
		NIter:          m.nIter,
		m:              m,
	}
	// Predictions read the support vectors from this copy.
	for i, sv := range m.sv {
		copy(out.SupportVectors.Row(i), sv)
		m.sv[i] = out.SupportVectors.Row(i)
	}
	binary := len(classes) == 2
	for i, row := range m.svCoef {
		for j, v := range row {
			if binary {
				v = -v
			}
			out.DualCoef.Set(i, j, v)
		}
	}
	for i, rho := range m.rho {
		// copy_intercept: -rho, avoiding -0.0.
		v := 0.0
		if rho != 0 {
			v = -rho
		}
		if binary {
			v *= -1
		}
		out.Intercept[i] = v
	}
	for _, r := range m.svCoef {
		for _, v := range r {
			if math.IsInf(v, 0) || math.IsNaN(v) {
				return nil, errNotFinite
			}
		}
	}
	for _, v := range m.rho {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, errNotFinite
		}
	}
	return out, nil
}

var errNotFinite = fmt.Errorf("The dual coefficients or intercepts are not finite. The input data may contain large values and need to bepreprocessed.")

// DecisionFunction returns sklearn's decision_function(X): n × 1 for two
// classes (positive favours Classes[1]), otherwise the one-vs-rest shape
// n × n_classes (decision_function_shape="ovr", the default).
func (md *Model) DecisionFunction(X *mat.Dense) (*mat.Dense, error) {
	if err := md.checkPredictX(X); err != nil {
		return nil, err
	}
	k := len(md.Classes)
	pr := md.m.newPredictor()
	if k == 2 {
		out := mat.New(X.Rows, 1)
		for i := range X.Rows {
			pr.decisionValues(X.Row(i))
			out.Data[i] = -pr.dec[0]
		}
		return out, nil
	}
	out := mat.New(X.Rows, k)
	votes := make([]float64, k)
	conf := make([]float64, k)
	for r := range X.Rows {
		pr.decisionValues(X.Row(r))
		ovrDecision(pr.dec, k, votes, conf, out.Row(r))
	}
	return out, nil
}

// ovrDecision is sklearn's _ovr_decision_function for one sample with
// predictions dec < 0 and confidences -dec: votes plus the summed
// confidences squashed into (-1/3, 1/3) to break ties.
func ovrDecision(dec []float64, k int, votes, sum, out []float64) {
	clear(votes)
	clear(sum)
	p := 0
	for i := 0; i < k; i++ {
		for j := i + 1; j < k; j++ {
			conf := -dec[p]
			sum[i] -= conf
			sum[j] += conf
			if dec[p] < 0 {
				votes[j]++
			} else {
				votes[i]++
			}
			p++
		}
	}
	for i := range out {
		out[i] = votes[i] + sum[i]/(3*(math.Abs(sum[i])+1))
	}
}

// Predict returns sklearn's predict(X): the class with the most one-vs-one
// votes.
func (md *Model) Predict(X *mat.Dense) ([]float64, error) {
	if err := md.checkPredictX(X); err != nil {
		return nil, err
	}
	pr := md.m.newPredictor()
	out := make([]float64, X.Rows)
	for i := range out {
		out[i] = md.Classes[md.m.label[pr.decisionValues(X.Row(i))]]
	}
	return out, nil
}

// PredictProba returns sklearn's predict_proba(X), n × n_classes with
// columns in Classes order. The model must be fitted with Probability.
func (md *Model) PredictProba(X *mat.Dense) (*mat.Dense, error) {
	if md.m.probA == nil {
		return nil, fmt.Errorf("predict_proba is not available when fitted with probability=False")
	}
	if err := md.checkPredictX(X); err != nil {
		return nil, err
	}
	pr := md.m.newPredictor()
	out := mat.New(X.Rows, len(md.Classes))
	for i := range X.Rows {
		pr.probability(X.Row(i))
		copy(out.Row(i), pr.prob)
	}
	return out, nil
}

// Score returns the mean accuracy of Predict(X) against y.
func (md *Model) Score(X *mat.Dense, y []float64) (float64, error) {
	pred, err := md.Predict(X)
	if err != nil {
		return 0, err
	}
	if len(y) != len(pred) {
		return 0, fmt.Errorf("Found input variables with inconsistent numbers of samples: [%d, %d]", len(y), len(pred))
	}
	n := 0
	for i, v := range pred {
		if v == y[i] {
			n++
		}
	}
	return float64(n) / float64(len(y)), nil
}

func (p *Params) validate() (int, error) {
	kind, ok := kernelNames[p.Kernel]
	if !ok {
		return 0, fmt.Errorf("The 'kernel' parameter of SVC must be a str among {'linear', 'poly', 'rbf', 'sigmoid'}. Got '%s' instead.", p.Kernel)
	}
	switch {
	case !(p.C > 0) || math.IsInf(p.C, 1):
		return 0, rangeErr("C", "a float in the range (0.0, inf)", p.C)
	case p.Gamma < 0 || math.IsInf(p.Gamma, 1):
		return 0, rangeErr("gamma", "a str among {'auto', 'scale'} or a float in the range [0.0, inf)", p.Gamma)
	case math.IsNaN(p.Coef0) || math.IsInf(p.Coef0, 0):
		return 0, rangeErr("coef0", "a float in the range (-inf, inf)", p.Coef0)
	case !(p.Tol > 0) || math.IsInf(p.Tol, 1):
		return 0, rangeErr("tol", "a float in the range (0.0, inf)", p.Tol)
	case !(p.CacheSizeMB > 0) || math.IsInf(p.CacheSizeMB, 1):
		return 0, rangeErr("cache_size", "a float in the range (0, inf)", p.CacheSizeMB)
	case p.Degree < 0:
		return 0, fmt.Errorf("The 'degree' parameter of SVC must be an int in the range [0, inf). Got %d instead.", p.Degree)
	case p.MaxIter < -1:
		return 0, fmt.Errorf("The 'max_iter' parameter of SVC must be an int in the range [-1, inf). Got %d instead.", p.MaxIter)
	}
	return kind, nil
}

func rangeErr(name, want string, got float64) error {
	return fmt.Errorf("The '%s' parameter of SVC must be %s. Got %s instead.", name, want, pyFloat(got))
}

// pyFloat formats v as Python's repr does.
func pyFloat(v float64) string {
	switch {
	case math.IsNaN(v):
		return "nan"
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if v == math.Trunc(v) && math.Abs(v) < 1e16 {
		s = strconv.FormatFloat(v, 'f', 1, 64)
	}
	return s
}

func checkX(X *mat.Dense) error {
	if X == nil || X.Rows < 1 {
		rows, cols := 0, 0
		if X != nil {
			cols = X.Cols
		}
		return fmt.Errorf("Found array with %d sample(s) (shape=(%d, %d)) while a minimum of 1 is required by SVC.", rows, rows, cols)
	}
	if X.Cols < 1 {
		return fmt.Errorf("Found array with 0 feature(s) (shape=(%d, 0)) while a minimum of 1 is required by SVC.", X.Rows)
	}
	if len(X.Data) != X.Rows*X.Cols {
		return fmt.Errorf("X.Data holds %d values, not %d×%d", len(X.Data), X.Rows, X.Cols)
	}
	for _, v := range X.Data {
		if math.IsNaN(v) {
			return fmt.Errorf("Input X contains NaN.\nSVC does not accept missing values encoded as NaN natively. For supervised learning, you might want to consider sklearn.ensemble.HistGradientBoostingClassifier and Regressor which accept missing values encoded as NaNs natively. Alternatively, it is possible to preprocess the data, for instance by using an imputer transformer in a pipeline or drop samples with missing values. See https://scikit-learn.org/stable/modules/impute.html You can find a list of all estimators that handle NaN values at the following page: https://scikit-learn.org/stable/modules/impute.html#estimators-that-handle-nan-values")
		}
		if math.IsInf(v, 0) {
			return fmt.Errorf("Input X contains infinity or a value too large for dtype('float64').")
		}
	}
	return nil
}

func (md *Model) checkPredictX(X *mat.Dense) error {
	if err := checkX(X); err != nil {
		return err
	}
	if X.Cols != md.SupportVectors.Cols {
		return fmt.Errorf("X has %d features, but SVC is expecting %d features as input.", X.Cols, md.SupportVectors.Cols)
	}
	return nil
}

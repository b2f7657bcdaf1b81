package sklearn

import (
	"fmt"
	"math"

	"go.starlark.net/starlark"

	"burst/engine/lib/numpy"
	mlcluster "burst/engine/ml/cluster"
	"burst/engine/ml/datasets"
	"burst/engine/ml/mat"
	"burst/engine/ml/svm"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// makeClassification is sklearn.datasets.make_classification, equal bit
// for bit to scikit-learn 1.2's for the same random_state.
func makeClassification(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	o := datasets.NewClassificationOptions()
	var weights, shift, scale, seed starlark.Value = starlark.None, starlark.Float(0), starlark.Float(1), starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs,
		"n_samples?", &o.NSamples, "n_features?", &o.NFeatures, "n_informative?", &o.NInformative,
		"n_redundant?", &o.NRedundant, "n_repeated?", &o.NRepeated, "n_classes?", &o.NClasses,
		"n_clusters_per_class?", &o.NClustersPerClass, "weights?", &weights, "flip_y?", &o.FlipY,
		"class_sep?", &o.ClassSep, "hypercube?", &o.Hypercube, "shift?", &shift, "scale?", &scale,
		"shuffle?", &o.Shuffle, "random_state?", &seed); err != nil {
		return nil, err
	}
	if weights != starlark.None {
		w, err := floatList(weights)
		if err != nil {
			return nil, fmt.Errorf("TypeError: make_classification: weights must be a list of floats")
		}
		o.Weights = w
	}
	var err error
	if o.Shift, err = floatsOrNone(shift); err != nil {
		return nil, fmt.Errorf("TypeError: make_classification: shift must be a float, an array of floats or None")
	}
	if o.Scale, err = floatsOrNone(scale); err != nil {
		return nil, fmt.Errorf("TypeError: make_classification: scale must be a float, an array of floats or None")
	}
	if o.RandomState, err = RandomState(seed); err != nil {
		return nil, err
	}
	X, y, err := datasets.MakeClassification(o)
	if err != nil {
		return nil, PyValueError(err)
	}
	return starlark.Tuple{DenseArray(X), numpy.NewArray(ndarray.FromInt64s(y, len(y)))}, nil
}

// makeBlobs is sklearn.datasets.make_blobs, equal bit for bit to
// scikit-learn 1.2's for the same random_state.
func makeBlobs(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	o := datasets.NewBlobsOptions()
	var nSamples starlark.Value = starlark.MakeInt(100)
	var centers, clusterStd, centerBox, seed starlark.Value = starlark.None, starlark.Float(1), nil, starlark.None
	returnCenters := false
	if err := starlark.UnpackArgs(b.Name(), args, kwargs,
		"n_samples?", &nSamples, "n_features?", &o.NFeatures, "centers?", &centers,
		"cluster_std?", &clusterStd, "center_box?", &centerBox, "shuffle?", &o.Shuffle,
		"random_state?", &seed, "return_centers?", &returnCenters); err != nil {
		return nil, err
	}
	if n, ok := nSamples.(starlark.Int); ok {
		v, _ := n.Int64()
		o.NSamples = int(v)
	} else {
		ns, err := floatList(nSamples)
		if err != nil {
			return nil, fmt.Errorf("TypeError: make_blobs: n_samples must be an int or a list of ints")
		}
		for _, f := range ns {
			o.NSamplesPerCenter = append(o.NSamplesPerCenter, int(f))
		}
	}
	switch c := centers.(type) {
	case starlark.NoneType:
	case starlark.Int:
		v, _ := c.Int64()
		o.NCenters = int(v)
	default:
		a, err := numpy.ArrayOf(centers)
		if err != nil || a.NDim() != 2 {
			return nil, fmt.Errorf("ValueError: make_blobs: centers must be an int or an array of shape (n_centers, n_features)")
		}
		a = a.AsType(ndarray.Float64)
		cols := a.Shape()[1]
		fs := a.Float64s()
		for i := range a.Shape()[0] {
			o.Centers = append(o.Centers, fs[i*cols:(i+1)*cols])
		}
	}
	if f, ok := starlark.AsFloat(clusterStd); ok {
		o.ClusterStd = f
	} else if fs, err := floatList(clusterStd); err == nil {
		o.ClusterStds = fs
	} else {
		return nil, fmt.Errorf("TypeError: make_blobs: cluster_std must be a float or a list of floats")
	}
	if centerBox != nil {
		fs, err := floatList(centerBox)
		if err != nil || len(fs) != 2 {
			return nil, fmt.Errorf("TypeError: make_blobs: center_box must be a pair of floats")
		}
		o.CenterBox = [2]float64{fs[0], fs[1]}
	}
	var err error
	if o.RandomState, err = RandomState(seed); err != nil {
		return nil, err
	}
	X, y, c, err := datasets.MakeBlobs(o)
	if err != nil {
		return nil, PyValueError(err)
	}
	out := starlark.Tuple{DenseArray(X), numpy.NewArray(ndarray.FromInt64s(y, len(y)))}
	if returnCenters {
		out = append(out, DenseArray(c))
	}
	return out, nil
}

// PyValueError gives a Go error from the ML packages Python's
// ValueError prefix unless it already names an exception.
func PyValueError(err error) error {
	msg := err.Error()
	for i, r := range msg {
		if r == ':' {
			if i > 0 && isExceptionName(msg[:i]) {
				return err
			}
			break
		}
		if r == ' ' {
			break
		}
	}
	return fmt.Errorf("ValueError: %s", msg)
}

func isExceptionName(s string) bool {
	return len(s) > 5 && (s[len(s)-5:] == "Error" || s[len(s)-7:] == "Warning")
}

func floatList(v starlark.Value) ([]float64, error) {
	a, err := numpy.ArrayOf(v)
	if err != nil {
		return nil, err
	}
	if a.NDim() != 1 {
		return nil, fmt.Errorf("not a 1-D list")
	}
	return a.AsFloat64s(), nil
}

// floatsOrNone reads a parameter that is a float, an array of floats,
// or None (nil).
func floatsOrNone(v starlark.Value) ([]float64, error) {
	if v == starlark.None {
		return nil, nil
	}
	if f, ok := starlark.AsFloat(v); ok {
		return []float64{f}, nil
	}
	return floatList(v)
}

func accuracyScore(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var yTrue, yPred starlark.Value
	normalize := true
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "y_true", &yTrue, "y_pred", &yPred, "normalize?", &normalize); err != nil {
		return nil, err
	}
	t, _, err := labels(yTrue, -1)
	if err != nil {
		return nil, err
	}
	p, _, err := labels(yPred, len(t))
	if err != nil {
		return nil, err
	}
	n := 0
	for i := range t {
		if t[i] == p[i] {
			n++
		}
	}
	if !normalize {
		return starlark.MakeInt(n), nil
	}
	return starlark.Float(float64(n) / float64(len(t))), nil
}

var none = starlark.None

func pyInt(n int) starlark.Value { return starlark.MakeInt(n) }

// svcClass is sklearn.svm.SVC over the Go port of scikit-learn's libsvm.
var svcClass *EstimatorClass

func init() {
	svcClass = registerEstimator(&EstimatorClass{
		Name: "SVC", Module: "sklearn.svm._classes", Supervised: true,
		Doc: "C-Support Vector Classification, as scikit-learn's SVC (libsvm's solver, ported to Go).",
		Params: []ParamSpec{
			{"C", starlark.Float(1)}, {"kernel", starlark.String("rbf")}, {"degree", pyInt(3)},
			{"gamma", starlark.String("scale")}, {"coef0", starlark.Float(0)}, {"shrinking", starlark.True},
			{"probability", starlark.False}, {"tol", starlark.Float(0.001)}, {"cache_size", pyInt(200)},
			{"class_weight", none}, {"verbose", starlark.False}, {"max_iter", pyInt(-1)},
			{"decision_function_shape", starlark.String("ovr")}, {"break_ties", starlark.False}, {"random_state", none},
		},
		Fit: fitSVC,
		Methods: map[string]EstimatorMethod{
			"predict":           {"Predict the class of each row of X.", svcPredict},
			"decision_function": {"The signed distance of each row of X to the separating hyperplane.", svcDecision},
			"predict_proba":     {"Class probabilities of each row of X (probability=True).", svcProba},
			"score":             {"Mean accuracy on X and y.", svcScore},
		},
	})
}

// svmParams reads SVC's parameters into the solver's.
func svmParams(e *Estimator, X *mat.Dense) (svm.Params, error) {
	p := svm.DefaultParams()
	var err error
	if p.C, err = e.FloatParam("C"); err != nil || p.C <= 0 {
		return p, e.Invalid("C", "a float in the range (0.0, inf)")
	}
	if p.Kernel, err = e.StringParam("kernel", "linear", "poly", "rbf", "sigmoid"); err != nil {
		return p, err
	}
	if p.Degree, err = e.IntParam("degree"); err != nil || p.Degree < 0 {
		return p, e.Invalid("degree", "an int in the range [0, inf)")
	}
	switch g := e.Param("gamma").(type) {
	case starlark.String:
		switch g {
		case "scale":
			p.Gamma = svm.ScaleGamma(X)
		case "auto":
			p.Gamma = svm.AutoGamma(X)
		default:
			return p, e.Invalid("gamma", "a str among {'scale', 'auto'} or a float in the range [0.0, inf)")
		}
	default:
		if p.Gamma, err = e.FloatParam("gamma"); err != nil || p.Gamma < 0 {
			return p, e.Invalid("gamma", "a str among {'scale', 'auto'} or a float in the range [0.0, inf)")
		}
	}
	if p.Coef0, err = e.FloatParam("coef0"); err != nil {
		return p, err
	}
	if p.Shrinking, err = e.BoolParam("shrinking"); err != nil {
		return p, err
	}
	if p.Probability, err = e.BoolParam("probability"); err != nil {
		return p, err
	}
	if p.Tol, err = e.FloatParam("tol"); err != nil || p.Tol <= 0 {
		return p, e.Invalid("tol", "a float in the range (0.0, inf)")
	}
	if p.CacheSizeMB, err = e.FloatParam("cache_size"); err != nil || p.CacheSizeMB <= 0 {
		return p, e.Invalid("cache_size", "a float in the range (0.0, inf)")
	}
	if p.MaxIter, err = e.IntParam("max_iter"); err != nil {
		return p, err
	}
	if e.Param("class_weight") != none {
		return p, fmt.Errorf("NotImplementedError: SVC's class_weight is not available in Burst")
	}
	if _, err := e.StringParam("decision_function_shape", "ovr", "ovo"); err != nil {
		return p, err
	}
	// libsvm's probability folds draw from a seed scikit-learn takes
	// from random_state: rnd.randint(np.iinfo("i").max).
	rs, err := RandomState(e.Param("random_state"))
	if err != nil {
		return p, err
	}
	seed, _ := rs.Randint(0, math.MaxInt32)
	p.Seed = int(seed)
	return p, nil
}

func fitSVC(th *starlark.Thread, e *Estimator, Xv, yv starlark.Value) error {
	X, err := DenseX(Xv)
	if err != nil {
		return err
	}
	y, ya, err := labels(yv, X.Rows)
	if err != nil {
		return err
	}
	p, err := svmParams(e, X)
	if err != nil {
		return err
	}
	m, err := svm.Fit(X, y, p)
	if err != nil {
		return PyValueError(err)
	}
	e.Model = m
	classes := floatArray(m.Classes)
	if ya.DType() != ndarray.Float64 {
		classes = numpy.NewArray(classes.Array().AsType(ya.DType()))
	}
	e.Fitted = starlark.StringDict{
		"classes_":          classes,
		"support_":          intArray(m.Support),
		"support_vectors_":  DenseArray(m.SupportVectors),
		"n_support_":        intArray(m.NSupport),
		"dual_coef_":        DenseArray(m.DualCoef),
		"intercept_":        floatArray(m.Intercept),
		"probA_":            floatArray(m.ProbA),
		"probB_":            floatArray(m.ProbB),
		"fit_status_":       pyInt(m.FitStatus),
		"n_iter_":           intArray(m.NIter),
		"n_features_in_":    pyInt(X.Cols),
		"shape_fit_":        starlark.Tuple{pyInt(X.Rows), pyInt(X.Cols)},
		"class_weight_":     floatArray(ones(len(m.Classes))),
		"_gamma":            starlark.Float(p.Gamma),
		"_sparse":           starlark.False,
		"_probability_seed": pyInt(p.Seed),
	}
	if p.Kernel == "linear" {
		coef := mat.New(m.DualCoef.Rows, X.Cols)
		for i := range coef.Rows {
			for j := range m.SupportVectors.Rows {
				d := m.DualCoef.At(i, j)
				for c, v := range m.SupportVectors.Row(j) {
					coef.Data[i*X.Cols+c] += d * v
				}
			}
		}
		e.Fitted["coef_"] = DenseArray(coef)
	}
	if m.FitStatus == 1 {
		Warn(th, fmt.Sprintf("ConvergenceWarning: Solver terminated early (max_iter=%d).  Consider pre-processing your data with StandardScaler or MinMaxScaler.", p.MaxIter))
	}
	return nil
}

func ones(n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = 1
	}
	return xs
}

// Warn prints a warning on the cell's stderr, as Python's warnings do.
func Warn(th *starlark.Thread, msg string) {
	session.Of(th).Emit(session.Output{Type: "stream", Name: "stderr", Text: msg + "\n"})
}

// fittedInput reads a method's X (and the further parameters given as
// UnpackArgs pairs) once e is fitted, converted to the matrix estimators
// take.
func fittedInput(e *Estimator, name string, args starlark.Tuple, kwargs []starlark.Tuple, more ...any) (*mat.Dense, error) {
	var Xv starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, append([]any{"X", &Xv}, more...)...); err != nil {
		return nil, err
	}
	if err := e.CheckFitted(); err != nil {
		return nil, err
	}
	return DenseX(Xv)
}

// svcInput checks e is fitted and converts X.
func svcInput(e *Estimator, name string, args starlark.Tuple, kwargs []starlark.Tuple) (*svm.Model, *mat.Dense, error) {
	X, err := fittedInput(e, name, args, kwargs)
	if err != nil {
		return nil, nil, err
	}
	return e.Model.(*svm.Model), X, nil
}

// classArray turns predicted class values into an array of classes_'s dtype.
func classArray(e *Estimator, pred []float64) *numpy.NDArray {
	a := ndarray.FromFloat64s(pred, len(pred))
	if c, ok := e.Fitted["classes_"].(*numpy.NDArray); ok && c.Array().DType() != ndarray.Float64 {
		a = a.AsType(c.Array().DType())
	}
	return numpy.NewArray(a)
}

func svcPredict(_ *starlark.Thread, e *Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, X, err := svcInput(e, "predict", args, kwargs)
	if err != nil {
		return nil, err
	}
	pred, err := m.Predict(X)
	if err != nil {
		return nil, PyValueError(err)
	}
	return classArray(e, pred), nil
}

func svcDecision(_ *starlark.Thread, e *Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, X, err := svcInput(e, "decision_function", args, kwargs)
	if err != nil {
		return nil, err
	}
	d, err := m.DecisionFunction(X)
	if err != nil {
		return nil, PyValueError(err)
	}
	if d.Cols == 1 {
		return floatArray(d.Data), nil
	}
	return DenseArray(d), nil
}

func svcProba(_ *starlark.Thread, e *Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, X, err := svcInput(e, "predict_proba", args, kwargs)
	if err != nil {
		return nil, err
	}
	p, err := m.PredictProba(X)
	if err != nil {
		return nil, PyValueError(err)
	}
	return DenseArray(p), nil
}

func svcScore(_ *starlark.Thread, e *Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var Xv, yv starlark.Value
	if err := starlark.UnpackArgs("score", args, kwargs, "X", &Xv, "y", &yv); err != nil {
		return nil, err
	}
	if err := e.CheckFitted(); err != nil {
		return nil, err
	}
	X, y, err := denseXy(Xv, yv)
	if err != nil {
		return nil, err
	}
	s, err := e.Model.(*svm.Model).Score(X, y)
	if err != nil {
		return nil, PyValueError(err)
	}
	return starlark.Float(s), nil
}

// kmeansClass is sklearn.cluster.KMeans: k-means++ seeding and Lloyd's
// iterations, the best of n_init runs.
var kmeansClass *EstimatorClass

func init() {
	kmeansClass = registerEstimator(&EstimatorClass{
		Name: "KMeans", Module: "sklearn.cluster._kmeans",
		Doc: "K-Means clustering, as scikit-learn's KMeans (k-means++ and Lloyd).",
		Params: []ParamSpec{
			{"n_clusters", pyInt(8)}, {"init", starlark.String("k-means++")}, {"n_init", starlark.String("warn")},
			{"max_iter", pyInt(300)}, {"tol", starlark.Float(0.0001)}, {"verbose", pyInt(0)},
			{"random_state", none}, {"copy_x", starlark.True}, {"algorithm", starlark.String("lloyd")},
		},
		Fit: fitKMeans,
		Methods: map[string]EstimatorMethod{
			"predict": {"The index of the nearest cluster centre of each row of X.", kmeansPredict},
			"score":   {"Opposite of the inertia of X on the fitted centres.", kmeansScore},
		},
	})
}

func fitKMeans(th *starlark.Thread, e *Estimator, Xv, _ starlark.Value) error {
	X, err := DenseX(Xv)
	if err != nil {
		return err
	}
	p := mlcluster.DefaultParams()
	if p.K, err = e.IntParam("n_clusters"); err != nil || p.K < 1 {
		return e.Invalid("n_clusters", "an int in the range [1, inf)")
	}
	if s, ok := e.Param("n_init").(starlark.String); ok && (s == "warn" || s == "auto") {
		if s == "warn" {
			Warn(th, "FutureWarning: The default value of `n_init` will change from 10 to 'auto' in 1.4. Set the value of `n_init` explicitly to suppress the warning")
		} else {
			p.NInit = 1
		}
	} else if p.NInit, err = e.IntParam("n_init"); err != nil || p.NInit < 1 {
		return e.Invalid("n_init", "a str among {'auto', 'warn'} or an int in the range [1, inf)")
	}
	if p.MaxIter, err = e.IntParam("max_iter"); err != nil || p.MaxIter < 1 {
		return e.Invalid("max_iter", "an int in the range [1, inf)")
	}
	if p.Tol, err = e.FloatParam("tol"); err != nil || p.Tol < 0 {
		return e.Invalid("tol", "a float in the range [0.0, inf)")
	}
	if _, err := e.StringParam("init", "k-means++"); err != nil {
		return err
	}
	rs, err := RandomState(e.Param("random_state"))
	if err != nil {
		return err
	}
	r, err := mlcluster.Fit(X, p, RNGSource{rs})
	if err != nil {
		return err
	}
	e.Model = r
	lab := make([]int, len(r.Labels))
	for i, l := range r.Labels {
		lab[i] = int(l)
	}
	e.Fitted = starlark.StringDict{
		"cluster_centers_": DenseArray(r.Centers),
		"labels_":          intArray(lab),
		"inertia_":         starlark.Float(r.Inertia),
		"n_iter_":          pyInt(r.NIter),
		"n_features_in_":   pyInt(X.Cols),
	}
	return nil
}

func kmeansPredict(_ *starlark.Thread, e *Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	X, err := fittedInput(e, "predict", args, kwargs)
	if err != nil {
		return nil, err
	}
	r := e.Model.(*mlcluster.Result)
	labels := make([]int64, X.Rows)
	mlcluster.Nearest(X, r.Centers, labels, make([]float64, X.Rows))
	return numpy.NewArray(ndarray.FromInt64s(labels, len(labels))), nil
}

func kmeansScore(_ *starlark.Thread, e *Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var y starlark.Value = none
	X, err := fittedInput(e, "score", args, kwargs, "y?", &y)
	if err != nil {
		return nil, err
	}
	r := e.Model.(*mlcluster.Result)
	return starlark.Float(-mlcluster.Cost(X, r.Centers)), nil
}

func init() {
	for name, doc := range map[string]string{
		"sklearn.datasets.make_classification":     "make_classification(n_samples=100, n_features=20, *, n_informative=2, n_redundant=2, n_repeated=0, n_classes=2, n_clusters_per_class=2, weights=None, flip_y=0.01, class_sep=1.0, hypercube=True, shift=0.0, scale=1.0, shuffle=True, random_state=None)\n\nGenerates a random n-class classification problem: returns X (n_samples × n_features) and y. Equal bit for bit to scikit-learn 1.2's for the same random_state.",
		"sklearn.datasets.make_blobs":              "make_blobs(n_samples=100, n_features=2, *, centers=None, cluster_std=1.0, center_box=(-10.0, 10.0), shuffle=True, random_state=None, return_centers=False)\n\nGenerates isotropic Gaussian blobs for clustering: returns X and y (and the centres). Equal bit for bit to scikit-learn 1.2's for the same random_state.",
		"sklearn.metrics.accuracy_score":           "accuracy_score(y_true, y_pred, *, normalize=True)\n\nThe fraction (or, with normalize=False, the number) of samples whose predicted label equals the true one.",
		"sklearn.model_selection.train_test_split": "train_test_split(*arrays, test_size=None, train_size=None, random_state=None, shuffle=True)\n\nSplits arrays into random train and test subsets (test_size 0.25 by default); returns [a_train, a_test, b_train, b_test, ...].",
		"sklearn.model_selection.cross_val_score":  "cross_val_score(estimator, X, y=None, *, cv=None, n_jobs=None, verbose=0)\n\nFits and scores the estimator on each cross-validation split (5 stratified folds by default); returns the scores. n_jobs=-1 runs the fits on the workers.",
		"sklearn.model_selection._fit_and_score":   "_fit_and_score(estimator, X, y, train, test)\n\nFits a copy of the estimator on the train rows and scores it on the test rows; returns {'test_score', 'fit_time', 'score_time'}. The task GridSearchCV sends to workers.",
		"joblib.parallel_backend":                  "parallel_backend(backend, n_jobs=-1, *, scatter=None)\n\nA context manager choosing where scikit-learn's parallel work runs. With \"dask\", the fits of GridSearchCV and cross_val_score become tasks on the Client's workers; scatter=[X, y] sends that data to the workers once, on entry.",
	} {
		docs[name] = doc
	}
}

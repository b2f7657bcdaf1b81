package sklearn

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"burst/engine/lib/dask"
	"burst/engine/lib/numpy"
	"burst/engine/ml/mat"
	"burst/engine/ml/rng"
	"burst/engine/ml/selection"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// modelSelectionModule is sklearn.model_selection: GridSearchCV,
// cross_val_score, train_test_split and the KFold splitters, with
// _fit_and_score — one fit and its score — as the unit of work the
// parallel searches send to workers.
func modelSelectionModule() *Module {
	return &Module{Name: "sklearn.model_selection", Members: starlark.StringDict{
		"GridSearchCV":     &EstimatorType{gridSearchClass},
		"KFold":            &EstimatorType{kfoldClass},
		"StratifiedKFold":  &EstimatorType{stratifiedKFoldClass},
		"train_test_split": builtin("train_test_split", trainTestSplit),
		"cross_val_score":  builtin("cross_val_score", crossValScore),
		"_fit_and_score":   builtin("_fit_and_score", fitAndScore),
	}}
}

// gridSearchClass is GridSearchCV: every combination of param_grid's
// values, fitted and scored on each cross-validation split, serially in
// the kernel or, with n_jobs or the joblib "dask" backend, as tasks on
// the workers.
var gridSearchClass *EstimatorClass

func init() {
	gridSearchClass = registerEstimator(&EstimatorClass{
		Name: "GridSearchCV", Module: "sklearn.model_selection._search", Supervised: true,
		Doc: "Exhaustive search over specified parameter values for an estimator, as scikit-learn's GridSearchCV.",
		Params: []ParamSpec{
			{"estimator", none}, {"param_grid", none}, {"scoring", none}, {"n_jobs", none}, {"refit", starlark.True},
			{"cv", none}, {"verbose", pyInt(0)}, {"pre_dispatch", starlark.String("2*n_jobs")},
			{"error_score", starlark.Float(math.NaN())}, {"return_train_score", starlark.False},
		},
		Fit: fitGridSearch,
		Methods: map[string]EstimatorMethod{
			"predict":           {"Predict with the best estimator.", delegate("predict")},
			"predict_proba":     {"Class probabilities from the best estimator.", delegate("predict_proba")},
			"decision_function": {"Decision function of the best estimator.", delegate("decision_function")},
			"score":             {"The best estimator's score on X and y.", delegate("score")},
		},
	})
}

func delegate(name string) func(th *starlark.Thread, e *Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return func(th *starlark.Thread, e *Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		best, ok := e.Fitted["best_estimator_"].(*Estimator)
		if !ok {
			if e.Fitted != nil {
				return nil, fmt.Errorf("AttributeError: This 'GridSearchCV' has no attribute '%s': refit=False", name)
			}
			return nil, e.CheckFitted()
		}
		m, err := best.Attr(name)
		if err != nil {
			return nil, err
		}
		return starlark.Call(th, m, args, kwargs)
	}
}

// candidates is scikit-learn's ParameterGrid: for each dict of the grid,
// its keys sorted, every combination of their values, the last key
// varying fastest.
func candidates(grid starlark.Value) ([][]starlark.Tuple, error) {
	var dicts []*starlark.Dict
	switch g := grid.(type) {
	case *starlark.Dict:
		dicts = []*starlark.Dict{g}
	case *starlark.List:
		for i := range g.Len() {
			d, ok := g.Index(i).(*starlark.Dict)
			if !ok {
				return nil, fmt.Errorf("TypeError: Parameter grid is not a dict (%s)", session.Repr(g.Index(i)))
			}
			dicts = append(dicts, d)
		}
	default:
		return nil, fmt.Errorf("TypeError: Parameter grid should be a dict or a list, got: %s of type %s", session.Repr(grid), session.TypeName(grid))
	}
	var out [][]starlark.Tuple
	for _, d := range dicts {
		var names []string
		values := map[string][]starlark.Value{}
		for _, kv := range d.Items() {
			name, ok := kv[0].(starlark.String)
			if !ok {
				return nil, fmt.Errorf("TypeError: Parameter grid keys must be strings, got %s", session.Repr(kv[0]))
			}
			var vs []starlark.Value
			switch l := kv[1].(type) {
			case *starlark.List, starlark.Tuple, *numpy.NDArray:
				it := starlark.Iterate(l)
				var x starlark.Value
				for it.Next(&x) {
					vs = append(vs, x)
				}
				it.Done()
			default:
				return nil, fmt.Errorf("TypeError: Parameter grid for parameter '%s' needs to be a list or a numpy array, but got %s (of type %s) instead. Single values need to be wrapped in a list with one element.", string(name), session.Repr(kv[1]), session.TypeName(kv[1]))
			}
			if len(vs) == 0 {
				return nil, fmt.Errorf("ValueError: Parameter grid for parameter '%s' need to be a non-empty sequence, got: %s", string(name), session.Repr(kv[1]))
			}
			names = append(names, string(name))
			values[string(name)] = vs
		}
		sort.Strings(names)
		combo := make([]int, len(names))
		for {
			c := make([]starlark.Tuple, len(names))
			for i, n := range names {
				c[i] = starlark.Tuple{starlark.String(n), values[n][combo[i]]}
			}
			out = append(out, c)
			i := len(names) - 1
			for ; i >= 0; i-- {
				combo[i]++
				if combo[i] < len(values[names[i]]) {
					break
				}
				combo[i] = 0
			}
			if i < 0 {
				break
			}
		}
	}
	return out, nil
}

// fitJob is one fit of a search: a candidate on a split.
type fitJob struct {
	cand, split int
	est         *Estimator
	train, test []int
}

// fitResult is what _fit_and_score returns.
type fitResult struct {
	score, fitTime, scoreTime float64
}

// splits returns the test folds cv makes: an int k (None: 5) gives
// StratifiedKFold for a classifier, KFold otherwise; a splitter gives
// its own.
func splits(cv starlark.Value, y []float64, classifier bool) ([][]int, error) {
	switch c := cv.(type) {
	case starlark.NoneType:
		cv = pyInt(5)
	case *Estimator:
		if c.class.Name == "KFold" || c.class.Name == "StratifiedKFold" {
			return splitterFolds(c, y)
		}
		return nil, fmt.Errorf("ValueError: Expected cv as an integer, cross-validation object (from sklearn.model_selection) or an iterable. Got %s.", session.Repr(cv))
	}
	n, ok := cv.(starlark.Int)
	if !ok {
		return nil, fmt.Errorf("ValueError: Expected cv as an integer, cross-validation object (from sklearn.model_selection) or an iterable. Got %s.", session.Repr(cv))
	}
	k, _ := n.Int64()
	if classifier {
		return selection.StratifiedKFold(y, int(k))
	}
	return selection.KFold(len(y), int(k))
}

// searchRunner runs fit jobs serially in the kernel or in parallel on a
// cluster, and prints scikit-learn's progress lines.
func fitGridSearch(th *starlark.Thread, e *Estimator, Xv, yv starlark.Value) error {
	base, ok := e.Param("estimator").(*Estimator)
	if !ok {
		return fmt.Errorf("TypeError: GridSearchCV's estimator must be a scikit-learn estimator, got %s", session.Repr(e.Param("estimator")))
	}
	cands, err := candidates(e.Param("param_grid"))
	if err != nil {
		return err
	}
	for _, c := range cands {
		for _, kv := range c {
			if _, ok := base.params[string(kv[0].(starlark.String))]; !ok {
				return fmt.Errorf("ValueError: Invalid parameter '%s' for estimator %s. Valid parameters are: %s.", string(kv[0].(starlark.String)), base.String(), session.Repr(session.StringList(base.paramNames())))
			}
		}
	}
	if e.Param("scoring") != none {
		return fmt.Errorf("NotImplementedError: GridSearchCV's scoring: only the estimator's own score (scoring=None) is available in Burst")
	}
	X, y, err := denseXy(Xv, yv)
	if err != nil {
		return err
	}
	folds, err := splits(e.Param("cv"), y, base.class.Supervised)
	if err != nil {
		return PyValueError(err)
	}
	verbose, _ := e.IntParam("verbose")
	if verbose > 0 {
		printOut(th, fmt.Sprintf("Fitting %d folds for each of %d candidates, totalling %d fits\n", len(folds), len(cands), len(folds)*len(cands)))
	}
	var jobs []fitJob
	for ci, c := range cands {
		for si, test := range folds {
			est := base.clone()
			for _, kv := range c {
				est.params[string(kv[0].(starlark.String))] = kv[1]
			}
			jobs = append(jobs, fitJob{cand: ci, split: si, est: est, train: selection.Train(X.Rows, test), test: test})
		}
	}
	results, err := runFits(th, e.Param("n_jobs"), jobs, Xv, yv, X, y, verbose, len(folds), cands)
	if err != nil {
		return err
	}
	e.Fitted = searchResults(cands, len(folds), results)
	e.Fitted["n_splits_"] = pyInt(len(folds))
	e.Fitted["multimetric_"] = starlark.False
	e.Fitted["n_features_in_"] = pyInt(X.Cols)
	if refit, _ := e.Param("refit").(starlark.Bool); refit {
		best := int(e.Fitted["best_index_"].(starlark.Int).BigInt().Int64())
		est := base.clone()
		for _, kv := range cands[best] {
			est.params[string(kv[0].(starlark.String))] = kv[1]
		}
		t0 := time.Now()
		if err := est.class.Fit(th, est, Xv, yv); err != nil {
			return err
		}
		e.Fitted["refit_time_"] = starlark.Float(time.Since(t0).Seconds())
		e.Fitted["best_estimator_"] = est
		if c, ok := est.Fitted["classes_"]; ok {
			e.Fitted["classes_"] = c
		}
	}
	return nil
}

// printOut writes text to the cell's stdout.
func printOut(th *starlark.Thread, text string) {
	session.Of(th).Emit(session.Output{Type: "stream", Name: "stdout", Text: text})
}

// searchResults builds cv_results_ and the best_* attributes from the
// fits' results (candidate-major, as jobs were made).
func searchResults(cands [][]starlark.Tuple, nSplits int, res []fitResult) starlark.StringDict {
	n := len(cands)
	d := starlark.NewDict(16)
	stat := func(get func(fitResult) float64) (mean, std []float64) {
		mean = make([]float64, n)
		std = make([]float64, n)
		for c := range n {
			xs := make([]float64, nSplits)
			for s := range nSplits {
				xs[s] = get(res[c*nSplits+s])
			}
			mean[c], std[c] = meanStd(xs)
		}
		return
	}
	mf, sf := stat(func(r fitResult) float64 { return r.fitTime })
	ms, ss := stat(func(r fitResult) float64 { return r.scoreTime })
	d.SetKey(starlark.String("mean_fit_time"), floatArray(mf))
	d.SetKey(starlark.String("std_fit_time"), floatArray(sf))
	d.SetKey(starlark.String("mean_score_time"), floatArray(ms))
	d.SetKey(starlark.String("std_score_time"), floatArray(ss))
	// param_<name>: one entry per candidate, in the order names appear.
	var names []string
	seen := map[string]bool{}
	for _, c := range cands {
		for _, kv := range c {
			if n := string(kv[0].(starlark.String)); !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	for _, name := range names {
		vs := make([]starlark.Value, n)
		for ci, c := range cands {
			vs[ci] = none
			for _, kv := range c {
				if string(kv[0].(starlark.String)) == name {
					vs[ci] = kv[1]
				}
			}
		}
		d.SetKey(starlark.String("param_"+name), &maskedObjects{starlark.NewList(vs)})
	}
	params := make([]starlark.Value, n)
	for ci, c := range cands {
		pd := starlark.NewDict(len(c))
		for _, kv := range c {
			pd.SetKey(kv[0], kv[1])
		}
		params[ci] = pd
	}
	d.SetKey(starlark.String("params"), starlark.NewList(params))
	for s := range nSplits {
		xs := make([]float64, n)
		for c := range n {
			xs[c] = res[c*nSplits+s].score
		}
		d.SetKey(starlark.String(fmt.Sprintf("split%d_test_score", s)), floatArray(xs))
	}
	mt, st := stat(func(r fitResult) float64 { return r.score })
	d.SetKey(starlark.String("mean_test_score"), floatArray(mt))
	d.SetKey(starlark.String("std_test_score"), floatArray(st))
	rank := selection.Rank(mt)
	d.SetKey(starlark.String("rank_test_score"), intArray(rank))
	best := 0
	for i, r := range rank {
		if r < rank[best] {
			best = i
		}
	}
	return starlark.StringDict{
		"cv_results_": d,
		"best_index_": pyInt(best),
		"best_score_": starlark.Float(mt[best]),
		"best_params_": func() starlark.Value {
			v, _, _ := d.Get(starlark.String("params"))
			return v.(*starlark.List).Index(best)
		}(),
	}
}

// meanStd is numpy's average and its std (population) of a few values.
func meanStd(xs []float64) (float64, float64) {
	a := ndarray.FromFloat64s(xs, len(xs))
	m := ndarray.SumFloat64s(a.Float64s()) / float64(len(xs))
	dev := make([]float64, len(xs))
	for i, x := range xs {
		d := x - m
		dev[i] = d * d
	}
	return m, math.Sqrt(ndarray.SumFloat64s(dev) / float64(len(xs)))
}

// runFits runs the jobs: serially here unless n_jobs asks for more than
// one or the joblib "dask" backend is active, then as tasks on the
// workers (the Client's, or the page's own).
func runFits(th *starlark.Thread, nJobs starlark.Value, jobs []fitJob, Xv, yv starlark.Value, X *mat.Dense, y []float64, verbose, nSplits int, cands [][]starlark.Tuple) ([]fitResult, error) {
	st := stateOf(session.Of(th))
	backend := st.joblib
	parallel := backend != nil && backend.name == "dask"
	if n, ok := nJobs.(starlark.Int); ok {
		if v, _ := n.Int64(); v == -1 || v > 1 {
			parallel = true
		}
	}
	if !parallel {
		out := make([]fitResult, len(jobs))
		for i, j := range jobs {
			if st.s != nil {
				st.s.Yield() // lets an interrupt in between fits, in the browser
			}
			if err := st.context().Err(); err != nil {
				return nil, err
			}
			r, err := fitScore(th, j.est, X, y, j.train, j.test)
			if err != nil {
				return nil, err
			}
			out[i] = r
			if verbose > 1 {
				printOut(th, endLine(j, cands[j.cand], r, verbose, nSplits))
			}
		}
		return out, nil
	}
	return st.parallelFits(jobs, Xv, yv)
}

// endLine is scikit-learn's line for a finished fit at verbose ≥ 2.
func endLine(j fitJob, cand []starlark.Tuple, r fitResult, verbose, nSplits int) string {
	progress := ""
	if verbose > 2 {
		progress = fmt.Sprintf(" %d/%d", j.split+1, nSplits)
	}
	var ps []string
	for _, kv := range cand {
		ps = append(ps, fmt.Sprintf("%s=%s", string(kv[0].(starlark.String)), session.Str(kv[1])))
	}
	msg := strings.Join(ps, ", ")
	if msg != "" {
		msg += ";"
	}
	if verbose > 2 {
		msg += fmt.Sprintf(", score=%.3f", r.score)
	}
	msg += " total time=" + shortTime(r.fitTime+r.scoreTime)
	end := "[CV" + progress + "] END "
	if pad := 80 - len(end) - len(msg); pad > 0 {
		end += strings.Repeat(".", pad)
	}
	return end + msg + "\n"
}

// shortTime is joblib's short_format_time.
func shortTime(t float64) string {
	if t > 60 {
		return fmt.Sprintf("%4.1fmin", t/60)
	}
	return fmt.Sprintf(" %5.1fs", t)
}

// fitScore fits est on the train rows and scores it on the test rows.
func fitScore(th *starlark.Thread, est *Estimator, X *mat.Dense, y []float64, train, test []int) (fitResult, error) {
	Xtr, ytr := X.SelectRows(train), pick(y, train)
	Xte, yte := X.SelectRows(test), pick(y, test)
	t0 := time.Now()
	if err := est.class.Fit(th, est, DenseArray(Xtr), floatArray(ytr)); err != nil {
		return fitResult{}, err
	}
	fitTime := time.Since(t0).Seconds()
	t1 := time.Now()
	score, err := est.Attr("score")
	if err != nil {
		return fitResult{}, err
	}
	s, err := starlark.Call(th, score, starlark.Tuple{DenseArray(Xte), floatArray(yte)}, nil)
	if err != nil {
		return fitResult{}, err
	}
	f, _ := starlark.AsFloat(s)
	return fitResult{score: f, fitTime: fitTime, scoreTime: time.Since(t1).Seconds()}, nil
}

func pick(y []float64, idx []int) []float64 {
	out := make([]float64, len(idx))
	for i, j := range idx {
		out[i] = y[j]
	}
	return out
}

// fitAndScore is the task the parallel searches run on workers:
// _fit_and_score(estimator, X, y, train, test) → {"test_score",
// "fit_time", "score_time"}.
func fitAndScore(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var est *Estimator
	var Xv, yv, train, test starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "estimator", &est, "X", &Xv, "y", &yv, "train", &train, "test", &test); err != nil {
		return nil, err
	}
	X, y, err := denseXy(Xv, yv)
	if err != nil {
		return nil, err
	}
	tr, err := numpy.ArrayOf(train)
	if err != nil {
		return nil, err
	}
	te, err := numpy.ArrayOf(test)
	if err != nil {
		return nil, err
	}
	r, err := fitScore(th, est.clone(), X, y, ints(tr.AsInt64s()), ints(te.AsInt64s()))
	if err != nil {
		return nil, err
	}
	d := starlark.NewDict(3)
	d.SetKey(starlark.String("test_score"), starlark.Float(r.score))
	d.SetKey(starlark.String("fit_time"), starlark.Float(r.fitTime))
	d.SetKey(starlark.String("score_time"), starlark.Float(r.scoreTime))
	return d, nil
}

func ints(xs []int64) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = int(x)
	}
	return out
}

// parallelFits runs the jobs as _fit_and_score tasks on a cluster: X and
// y travel to the workers once (scattered, or already scattered by the
// joblib backend), each task gets them as inputs.
func (st *state) parallelFits(jobs []fitJob, Xv, yv starlark.Value) ([]fitResult, error) {
	c, err := st.joblibClient()
	if err != nil {
		return nil, err
	}
	Xf, err := st.scattered(c, Xv)
	if err != nil {
		return nil, err
	}
	yf, err := st.scattered(c, yv)
	if err != nil {
		return nil, err
	}
	fn := st.fitAndScore
	dk := dask.StateOf(st.s)
	ds := make([]*dask.Delayed, len(jobs))
	for i, j := range jobs {
		d, err := dk.CallTask(fn, false, "", starlark.Tuple{j.est, Xf, yf, intArray(j.train), intArray(j.test)}, nil)
		if err != nil {
			return nil, err
		}
		ds[i] = d
	}
	fs, err := c.SubmitAll(ds)
	if err != nil {
		return nil, err
	}
	list := make([]starlark.Value, len(fs))
	for i, f := range fs {
		list[i] = f
	}
	got, err := dk.GatherNested(starlark.NewList(list))
	if err != nil {
		return nil, err
	}
	out := make([]fitResult, len(jobs))
	for i := range fs {
		v := got.(*starlark.List).Index(i)
		d, ok := v.(*starlark.Dict)
		if !ok {
			return nil, fmt.Errorf("RuntimeError: a fit returned %s", session.Repr(v))
		}
		get := func(name string) float64 {
			x, _, _ := d.Get(starlark.String(name))
			f, _ := starlark.AsFloat(x)
			return f
		}
		out[i] = fitResult{score: get("test_score"), fitTime: get("fit_time"), scoreTime: get("score_time")}
	}
	return out, nil
}

// crossValScore is sklearn.model_selection.cross_val_score.
func crossValScore(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var est *Estimator
	var Xv, yv, cv, nJobs starlark.Value = nil, none, none, none
	verbose := 0
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "estimator", &est, "X", &Xv, "y?", &yv, "cv?", &cv, "n_jobs?", &nJobs, "verbose?", &verbose); err != nil {
		return nil, err
	}
	X, y, err := denseXy(Xv, yv)
	if err != nil {
		return nil, err
	}
	folds, err := splits(cv, y, est.class.Supervised)
	if err != nil {
		return nil, PyValueError(err)
	}
	jobs := make([]fitJob, len(folds))
	for i, test := range folds {
		jobs[i] = fitJob{split: i, est: est.clone(), train: selection.Train(X.Rows, test), test: test}
	}
	res, err := runFits(th, nJobs, jobs, Xv, yv, X, y, 0, len(folds), [][]starlark.Tuple{nil})
	if err != nil {
		return nil, err
	}
	scores := make([]float64, len(res))
	for i, r := range res {
		scores[i] = r.score
	}
	return floatArray(scores), nil
}

// trainTestSplit is sklearn.model_selection.train_test_split (ShuffleSplit
// with numpy's permutation, as scikit-learn draws it).
func trainTestSplit(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var testSize, trainSize, randomStateV, stratify starlark.Value = none, none, none, none
	shuffle := true
	for _, kv := range kwargs {
		switch string(kv[0].(starlark.String)) {
		case "test_size":
			testSize = kv[1]
		case "train_size":
			trainSize = kv[1]
		case "random_state":
			randomStateV = kv[1]
		case "shuffle":
			shuffle = bool(kv[1].Truth())
		case "stratify":
			stratify = kv[1]
		default:
			return nil, fmt.Errorf("TypeError: train_test_split() got an unexpected keyword argument '%s'", string(kv[0].(starlark.String)))
		}
	}
	if len(args) == 0 {
		return nil, fmt.Errorf("ValueError: At least one array required as input")
	}
	if stratify != none {
		return nil, fmt.Errorf("NotImplementedError: train_test_split's stratify is not available in Burst")
	}
	arrays := make([]*ndarray.Array, len(args))
	for i, a := range args {
		arr, err := numpy.ArrayOf(a)
		if err != nil {
			return nil, err
		}
		if arr.NDim() == 0 || (i > 0 && arr.Len() != arrays[0].Len()) {
			return nil, fmt.Errorf("ValueError: Found input variables with inconsistent numbers of samples: %s", sampleCounts(args))
		}
		arrays[i] = arr
	}
	n := arrays[0].Len()
	size := func(v starlark.Value, isTest bool) (int, bool, error) {
		switch v := v.(type) {
		case starlark.NoneType:
			return 0, false, nil
		case starlark.Float:
			f := float64(v)
			if f <= 0 || f >= 1 {
				return 0, false, fmt.Errorf("ValueError: test_size=%s should be either positive and smaller than the number of samples %d or a float in the (0, 1) range", session.Repr(v), n)
			}
			if isTest {
				return int(math.Ceil(f * float64(n))), true, nil
			}
			return int(math.Floor(f * float64(n))), true, nil
		case starlark.Int:
			x, _ := v.Int64()
			return int(x), true, nil
		}
		return 0, false, fmt.Errorf("ValueError: Invalid value for test_size: %s", session.Repr(v))
	}
	nTest, hasTest, err := size(testSize, true)
	if err != nil {
		return nil, err
	}
	nTrain, hasTrain, err := size(trainSize, false)
	if err != nil {
		return nil, err
	}
	switch {
	case !hasTest && !hasTrain:
		nTest = int(math.Ceil(0.25 * float64(n)))
		nTrain = n - nTest
	case !hasTest:
		nTest = n - nTrain
	case !hasTrain:
		nTrain = n - nTest
	}
	if nTrain+nTest > n || nTrain <= 0 {
		return nil, fmt.Errorf("ValueError: With n_samples=%d, test_size=%s and train_size=%s, the resulting train set will be empty. Adjust any of the aforementioned parameters.", n, session.Repr(testSize), session.Repr(trainSize))
	}
	var trainIdx, testIdx []int
	if shuffle {
		rs, err := RandomState(randomStateV)
		if err != nil {
			return nil, err
		}
		perm := rs.Permutation(n)
		testIdx = ints(perm[:nTest])
		trainIdx = ints(perm[nTest : nTest+nTrain])
	} else {
		for i := range nTrain {
			trainIdx = append(trainIdx, i)
		}
		for i := nTrain; i < nTrain+nTest; i++ {
			testIdx = append(testIdx, i)
		}
	}
	out := make([]starlark.Value, 0, 2*len(arrays))
	for _, a := range arrays {
		tr, err := a.Get(ndarray.FromInts(trainIdx))
		if err != nil {
			return nil, err
		}
		te, err := a.Get(ndarray.FromInts(testIdx))
		if err != nil {
			return nil, err
		}
		out = append(out, numpy.NewArray(tr), numpy.NewArray(te))
	}
	return starlark.NewList(out), nil
}

func sampleCounts(args starlark.Tuple) string {
	var ns []string
	for _, a := range args {
		if arr, err := numpy.ArrayOf(a); err == nil && arr.NDim() > 0 {
			ns = append(ns, fmt.Sprint(arr.Len()))
		}
	}
	return "[" + strings.Join(ns, ", ") + "]"
}

// kfoldClass and stratifiedKFoldClass are the cross-validation splitters.
var kfoldClass, stratifiedKFoldClass *EstimatorClass

func init() {
	kfoldClass = splitterClass("KFold", "K-Folds cross-validator: consecutive folds (shuffled first with shuffle=True).")
	stratifiedKFoldClass = splitterClass("StratifiedKFold", "Stratified K-Folds cross-validator: folds that keep each class's proportion.")
}

// splitterClass registers a cross-validation splitter: n_splits,
// shuffle, random_state, split and get_n_splits, and no fit.
func splitterClass(name, doc string) *EstimatorClass {
	return registerEstimator(&EstimatorClass{
		Name: name, Module: "sklearn.model_selection._split", AllParams: true, Doc: doc,
		Params: []ParamSpec{{"n_splits", pyInt(5)}, {"shuffle", starlark.False}, {"random_state", none}},
		Fit: func(*starlark.Thread, *Estimator, starlark.Value, starlark.Value) error {
			return fmt.Errorf("AttributeError: '%s' object has no attribute 'fit'", name)
		},
		Methods: map[string]EstimatorMethod{
			"split":        {"Generate indices to split data into training and test set.", splitterSplit},
			"get_n_splits": {"The number of splits.", splitterN},
		},
	})
}

func splitterFolds(e *Estimator, y []float64) ([][]int, error) {
	k, err := e.IntParam("n_splits")
	if err != nil {
		return nil, err
	}
	shuffle, _ := e.BoolParam("shuffle")
	if e.class.Name == "StratifiedKFold" {
		if shuffle {
			return nil, fmt.Errorf("NotImplementedError: StratifiedKFold(shuffle=True) is not available in Burst")
		}
		return selection.StratifiedKFold(y, k)
	}
	if !shuffle {
		return selection.KFold(len(y), k)
	}
	rs, err := RandomState(e.Param("random_state"))
	if err != nil {
		return nil, err
	}
	idx := make([]int, len(y))
	for i := range idx {
		idx[i] = i
	}
	rng.Shuffle(rs, idx)
	folds, err := selection.KFold(len(y), k)
	if err != nil {
		return nil, err
	}
	for _, f := range folds {
		for i, j := range f {
			f[i] = idx[j]
		}
	}
	return folds, nil
}

func splitterSplit(_ *starlark.Thread, e *Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var Xv, yv, groups starlark.Value = nil, none, none
	if err := starlark.UnpackArgs("split", args, kwargs, "X", &Xv, "y?", &yv, "groups?", &groups); err != nil {
		return nil, err
	}
	a, err := numpy.ArrayOf(Xv)
	if err != nil {
		return nil, err
	}
	var y []float64
	if yv != none {
		if y, _, err = labels(yv, a.Len()); err != nil {
			return nil, err
		}
	} else if e.class.Name == "StratifiedKFold" {
		return nil, fmt.Errorf("TypeError: StratifiedKFold.split() missing 1 required positional argument: 'y'")
	} else {
		y = make([]float64, a.Len())
	}
	folds, err := splitterFolds(e, y)
	if err != nil {
		return nil, PyValueError(err)
	}
	out := make([]starlark.Value, len(folds))
	for i, test := range folds {
		sorted := append([]int(nil), test...)
		sort.Ints(sorted)
		out[i] = starlark.Tuple{intArray(selection.Train(len(y), test)), intArray(sorted)}
	}
	return starlark.NewList(out), nil
}

func splitterN(_ *starlark.Thread, e *Estimator, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return e.Param("n_splits"), nil
}

// maskedObjects is a cv_results_ param_<name> entry: scikit-learn makes
// it a masked numpy array of objects, so pandas shows each value as
// Python prints it (0.001, 10.0, rbf) rather than as a float column.
type maskedObjects struct{ *starlark.List }

func (m *maskedObjects) Type() string { return "MaskedArray" }

// ObjectValues makes pd.DataFrame take it as a column of objects
// (pandas.ObjectColumn).
func (m *maskedObjects) ObjectValues() *starlark.List { return m.List }

func (m *maskedObjects) String() string {
	var data, mask []string
	for i := range m.Len() {
		data = append(data, session.Repr(m.Index(i)))
		mask = append(mask, "False")
	}
	pad := strings.Repeat(" ", len("masked_array("))
	return "masked_array(data=[" + strings.Join(data, ", ") + "],\n" + pad + "mask=[" + strings.Join(mask, ", ") + "],\n" + pad + "fill_value='?',\n" + pad + "dtype=object)"
}

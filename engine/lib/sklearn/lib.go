// Package sklearn is scikit-learn and joblib in cells, as the lessons
// use them: sklearn.datasets, svm, cluster, metrics and model_selection
// (the estimators SVC, KMeans and GridSearchCV, the KFold splitters,
// cross_val_score), and joblib.parallel_backend, which sends the fits of
// a search to dask's workers. Other libraries define estimators of their
// own (dask_ml's KMeans) with EstimatorClass and the helpers that read
// parameters and data.
package sklearn

import (
	"context"

	"go.starlark.net/starlark"

	"burst/engine/session"
)

var builtin = session.Builtin

// Module is a Python module implemented in Go.
type Module = session.Module

// Library is scikit-learn's modules and joblib, with their docstrings.
var Library = session.Library{Modules: modules, Docs: docs}

// docs are filled by init, once.
var docs = map[string]string{}

// state is scikit-learn's part of a session: the active
// joblib.parallel_backend, and the session's _fit_and_score, the
// function parallel fits send to the workers (found there as
// sklearn.model_selection's member).
type state struct {
	s           *session.Session
	joblib      *joblibBackend
	fitAndScore starlark.Callable
}

type stateKey struct{}

func stateOf(s *session.Session) *state {
	if s == nil {
		return &state{}
	}
	return s.State(stateKey{}, func() any { return &state{s: s} }).(*state)
}

// context is the running cell's context (an interrupt cancels it).
func (st *state) context() context.Context {
	if st.s == nil {
		return context.Background()
	}
	return st.s.Context()
}

// modules builds scikit-learn's modules for a session: datasets, svm,
// model_selection, metrics and cluster, and joblib.
func modules(s *session.Session) map[string]*Module {
	mods := map[string]*Module{}
	mods["sklearn.datasets"] = &Module{Name: "sklearn.datasets", Members: starlark.StringDict{
		"make_classification": builtin("make_classification", makeClassification),
		"make_blobs":          builtin("make_blobs", makeBlobs),
	}}
	mods["sklearn.svm"] = &Module{Name: "sklearn.svm", Members: starlark.StringDict{
		"SVC": &EstimatorType{svcClass},
	}}
	mods["sklearn.cluster"] = &Module{Name: "sklearn.cluster", Members: starlark.StringDict{
		"KMeans": &EstimatorType{kmeansClass},
	}}
	mods["sklearn.metrics"] = &Module{Name: "sklearn.metrics", Members: starlark.StringDict{
		"accuracy_score": builtin("accuracy_score", accuracyScore),
	}}
	st := stateOf(s)
	ms := modelSelectionModule()
	st.fitAndScore = ms.Members["_fit_and_score"].(starlark.Callable)
	mods["sklearn.model_selection"] = ms
	mods["joblib"] = st.joblibModule()
	mods["sklearn"] = &Module{Name: "sklearn", Members: starlark.StringDict{
		"__version__":     starlark.String("1.2.1"),
		"datasets":        mods["sklearn.datasets"],
		"svm":             mods["sklearn.svm"],
		"cluster":         mods["sklearn.cluster"],
		"metrics":         mods["sklearn.metrics"],
		"model_selection": mods["sklearn.model_selection"],
	}}
	return mods
}

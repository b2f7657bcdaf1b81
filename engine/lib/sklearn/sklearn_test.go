package sklearn

import (
	"testing"

	"go.starlark.net/starlark"

	"burst/engine/codec"
	"burst/engine/session"
)

// Every function the modules hold has a docstring under its module.
func TestDocs(t *testing.T) {
	for path, m := range Library.Modules(nil) {
		for name, v := range m.Members {
			if _, ok := v.(*starlark.Builtin); ok && Library.Docs[path+"."+name] == "" {
				t.Errorf("no docstring for %s.%s", path, name)
			}
		}
	}
}

// An estimator's repr shows the changed parameters, and it travels to a
// worker unfitted with them.
func TestEstimatorReprAndCodec(t *testing.T) {
	e, err := newEstimator(svcClass, nil, []starlark.Tuple{
		{starlark.String("kernel"), starlark.String("linear")},
		{starlark.String("C"), starlark.Float(10)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := e.String(), "SVC(C=10.0, kernel='linear')"; got != want {
		t.Errorf("repr %q, want %q", got, want)
	}
	b, err := codec.EncodePlain(e)
	if err != nil {
		t.Fatal(err)
	}
	v, err := codec.DecodePlain(b)
	if err != nil {
		t.Fatal(err)
	}
	if got := session.Repr(v); got != e.String() {
		t.Errorf("decoded %s, want %s", got, e)
	}
	if v.(*Estimator).Fitted != nil {
		t.Errorf("decoded estimator is fitted")
	}
}

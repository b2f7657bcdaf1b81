package pandas

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"burst/engine/dataframe"
	"burst/engine/frame"
)

// What other packages (the kernel's remote frames, delayed values,
// numpy) use of frames.

// NewFrame is the pandas DataFrame of f.
func NewFrame(f *frame.Frame) *DataFrame { return &DataFrame{eager: f} }

// NewSeries is the pandas Series of s.
func NewSeries(s *frame.Series) *Series { return &Series{eager: s} }

// Eager is the frame of a pandas DataFrame; nil for a Dask one.
func (d *DataFrame) Eager() *frame.Frame { return d.eager }

// Eager is the series of a pandas Series; nil for a Dask one.
func (s *Series) Eager() *frame.Series { return s.eager }

// TokenOp is the Python operator of a Starlark binary operator token
// ("+" for PLUS); false for tokens frames do not apply.
func TokenOp(op syntax.Token) (string, bool) {
	o, ok := tokenOps[op]
	return o, ok
}

// HasFrameMethod reports whether DataFrame has a method name.
func HasFrameMethod(name string) bool { _, ok := frameMethods[name]; return ok }

// HasSeriesMethod reports whether Series has a method name.
func HasSeriesMethod(name string) bool { _, ok := seriesMethods[name]; return ok }

// FrameMethods are the names of DataFrame's methods, sorted.
func FrameMethods() []string { return frameMethods.names() }

// SeriesMethods are the names of Series' methods, sorted.
func SeriesMethods() []string { return seriesMethods.names() }

// GroupMethods are the names of GroupBy's methods.
func GroupMethods() []string { return append([]string(nil), groupMethods...) }

// ObjectColumn is a value pd.DataFrame({...}) takes as a column of
// Python objects, each shown by its str (scikit-learn's masked arrays of
// cv_results_' parameters).
type ObjectColumn interface {
	starlark.Value
	ObjectValues() *starlark.List
}

// Lazy is the collection of a Dask DataFrame; nil for a pandas one.
func (d *DataFrame) Lazy() *dataframe.Collection { return d.lazy }

// Lazy is the collection of a Dask Series; nil for a pandas one.
func (s *Series) Lazy() *dataframe.Collection { return s.lazy }

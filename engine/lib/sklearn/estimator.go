package sklearn

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/codec"
	"burst/engine/lib/numpy"
	"burst/engine/ml/mat"
	"burst/engine/ml/rng"
	"burst/engine/ndarray"
	"burst/engine/session"
)

// Estimator is a scikit-learn estimator in a cell: its class, its
// hyper-parameters, and once fitted what fit learned (its attributes
// ending in "_"). Like scikit-learn's, its repr shows the parameters that
// differ from the defaults, in alphabetical order.
type Estimator struct {
	class  *EstimatorClass
	params map[string]starlark.Value
	// Fitted holds the attributes fit set; nil before fit.
	Fitted starlark.StringDict
	// Model is the Go model fit produced (*svm.Model, …).
	Model any
}

// EstimatorClass describes one estimator class: its parameters in
// scikit-learn's signature order with their defaults, how it fits, and
// its methods beyond fit/get_params/set_params.
type EstimatorClass struct {
	// Name is the class's name; Module the module scikit-learn defines
	// it in (its repr shows both).
	Name, Module string
	Params       []ParamSpec
	Doc          string
	// Fit fits e to X (and y, when the estimator is supervised).
	Fit     func(th *starlark.Thread, e *Estimator, X, y starlark.Value) error
	Methods map[string]EstimatorMethod
	// Supervised estimators need y in fit.
	Supervised bool
	// AllParams: the repr shows every parameter, as scikit-learn's
	// cross-validation splitters do.
	AllParams bool
}

// ParamSpec is a parameter of an estimator class and its default.
type ParamSpec struct {
	Name string
	Def  starlark.Value
}

// EstimatorMethod is a method of an estimator class beyond fit,
// get_params and set_params.
type EstimatorMethod struct {
	Doc string
	Fn  func(th *starlark.Thread, e *Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)
}

var estimatorClasses = map[string]*EstimatorClass{}

func registerEstimator(c *EstimatorClass) *EstimatorClass {
	estimatorClasses[c.Name] = c
	return c
}

// An estimator travels unfitted, as plain data: its class and parameters.
func init() {
	codec.RegisterPlain(codec.PlainType{
		Tag: "estimator",
		Encode: func(v starlark.Value, enc func(starlark.Value) (any, error)) (any, bool, error) {
			est, ok := v.(*Estimator)
			if !ok {
				return nil, false, nil
			}
			params := map[string]any{}
			for name, pv := range est.params {
				e, err := enc(pv)
				if err != nil {
					return nil, true, err
				}
				params[name] = e
			}
			return map[string]any{"class": est.class.Name, "params": params}, true, nil
		},
		Decode: func(raw json.RawMessage, dec func(json.RawMessage) (starlark.Value, error)) (starlark.Value, error) {
			var e struct {
				Class  string                     `json:"class"`
				Params map[string]json.RawMessage `json:"params"`
			}
			if err := json.Unmarshal(raw, &e); err != nil {
				return nil, err
			}
			c := estimatorClasses[e.Class]
			if c == nil {
				return nil, fmt.Errorf("unknown estimator %q", e.Class)
			}
			est, _ := newEstimator(c, nil, nil)
			for name, pr := range e.Params {
				v, err := dec(pr)
				if err != nil {
					return nil, err
				}
				est.params[name] = v
			}
			return est, nil
		},
	})
}

// EstimatorType is the class as a cell sees it: callable, it makes an
// estimator.
type EstimatorType struct{ class *EstimatorClass }

// NewType returns class c as a cell sees it.
func NewType(c *EstimatorClass) *EstimatorType { return &EstimatorType{c} }

func (t *EstimatorType) String() string {
	return fmt.Sprintf("<class '%s.%s'>", t.class.Module, t.class.Name)
}
func (t *EstimatorType) Type() string          { return "type" }
func (t *EstimatorType) Freeze()               {}
func (t *EstimatorType) Truth() starlark.Bool  { return true }
func (t *EstimatorType) Hash() (uint32, error) { return starlark.String(t.class.Name).Hash() }
func (t *EstimatorType) Name() string          { return t.class.Name }

// CallInternal makes an estimator from keyword (or, for the first
// parameters, positional) arguments, as scikit-learn's __init__ does.
func (t *EstimatorType) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return newEstimator(t.class, args, kwargs)
}

func newEstimator(c *EstimatorClass, args starlark.Tuple, kwargs []starlark.Tuple) (*Estimator, error) {
	e := &Estimator{class: c, params: map[string]starlark.Value{}}
	for _, p := range c.Params {
		e.params[p.Name] = p.Def
	}
	if len(args) > len(c.Params) {
		return nil, fmt.Errorf("TypeError: %s.__init__() takes from 1 to %d positional arguments but %d were given", c.Name, len(c.Params)+1, len(args)+1)
	}
	for i, a := range args {
		e.params[c.Params[i].Name] = a
	}
	for _, kv := range kwargs {
		name := string(kv[0].(starlark.String))
		if _, ok := e.params[name]; !ok {
			return nil, fmt.Errorf("TypeError: %s.__init__() got an unexpected keyword argument '%s'", c.Name, name)
		}
		e.params[name] = kv[1]
	}
	return e, nil
}

func (e *Estimator) Type() string         { return e.class.Name }
func (e *Estimator) Freeze()              {}
func (e *Estimator) Truth() starlark.Bool { return true }
func (e *Estimator) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: '%s'", e.class.Name)
}

// String is scikit-learn's repr: the changed parameters, sorted, wrapped
// at 80 columns with continuation lines under the first parameter.
func (e *Estimator) String() string { return e.repr(len(e.class.Name) + 1) }

func (e *Estimator) repr(indent int) string {
	var parts []string
	for _, name := range e.paramNames() {
		v := e.params[name]
		if !e.class.AllParams && session.Repr(v) == session.Repr(e.class.def(name)) {
			continue
		}
		parts = append(parts, name+"="+reprParam(v, indent+len(name)+1))
	}
	return wrapCall(e.class.Name, parts, indent)
}

// reprParam is a parameter's value as scikit-learn's pretty printer shows
// it: estimators by their own repr, other values as Python's repr.
func reprParam(v starlark.Value, indent int) string {
	switch v := v.(type) {
	case *Estimator:
		return v.repr(indent + len(v.class.Name) + 1)
	case *starlark.Dict:
		// A dict too long for the line puts one item per line, under
		// the first.
		one := session.Repr(v)
		if indent+len(one)+1 <= 80 {
			return one
		}
		var items []string
		for _, kv := range v.Items() {
			key := session.Repr(kv[0]) + ": "
			items = append(items, key+reprParam(kv[1], indent+1+len(key)))
		}
		return "{" + strings.Join(items, ",\n"+strings.Repeat(" ", indent+1)) + "}"
	}
	return session.Repr(v)
}

// wrapCall joins "name(" + parts + ")" on one line when it fits in 80
// columns, else as many parts per line as fit, continuation lines
// indented under the first part (pprint's compact mode, as scikit-learn
// configures it).
func wrapCall(name string, parts []string, indent int) string {
	one := name + "(" + strings.Join(parts, ", ") + ")"
	if !strings.Contains(one, "\n") && len(one)+indent-len(name)-1 <= 80 {
		return one
	}
	var b strings.Builder
	b.WriteString(name + "(")
	col := indent
	pad := strings.Repeat(" ", indent)
	for i, p := range parts {
		last := i == len(parts)-1
		piece := p + ","
		if last {
			piece = p + ")"
		}
		first := strings.SplitN(piece, "\n", 2)[0]
		if i > 0 {
			if col+1+len(first) > 80 || strings.Contains(piece, "\n") {
				b.WriteString("\n" + pad)
				col = indent
			} else {
				b.WriteString(" ")
				col++
			}
		}
		b.WriteString(piece)
		if j := strings.LastIndexByte(piece, '\n'); j >= 0 {
			col = len(piece) - j - 1
		} else {
			col += len(piece)
		}
	}
	if len(parts) == 0 {
		b.WriteString(")")
	}
	return b.String()
}

func (c *EstimatorClass) def(name string) starlark.Value {
	for _, p := range c.Params {
		if p.Name == name {
			return p.Def
		}
	}
	return starlark.None
}

// paramNames are the parameters in get_params' (alphabetical) order.
func (e *Estimator) paramNames() []string {
	names := make([]string, 0, len(e.class.Params))
	for _, p := range e.class.Params {
		names = append(names, p.Name)
	}
	sort.Strings(names)
	return names
}

// Param returns a parameter's value.
func (e *Estimator) Param(name string) starlark.Value { return e.params[name] }

// clone is scikit-learn's clone: the same class and parameters, unfitted.
func (e *Estimator) clone() *Estimator {
	c := &Estimator{class: e.class, params: make(map[string]starlark.Value, len(e.params))}
	for k, v := range e.params {
		if inner, ok := v.(*Estimator); ok {
			v = inner.clone()
		}
		c.params[k] = v
	}
	return c
}

func (e *Estimator) AttrNames() []string {
	names := []string{"fit", "get_params", "set_params"}
	for n := range e.class.Methods {
		names = append(names, n)
	}
	names = append(names, e.paramNames()...)
	for n := range e.Fitted {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (e *Estimator) Attr(name string) (starlark.Value, error) {
	method := func(doc string, fn func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
		return starlark.NewBuiltin(e.class.Name+"."+name, func(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return fn(th, args, kwargs)
		})
	}
	switch name {
	case "fit":
		return method("", func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var X, y starlark.Value = nil, starlark.None
			if err := starlark.UnpackArgs(e.class.Name+".fit", args, kwargs, "X", &X, "y?", &y); err != nil {
				return nil, err
			}
			if e.class.Supervised && y == starlark.None {
				return nil, fmt.Errorf("ValueError: %s requires y to be passed, but the target y is None", e.class.Name)
			}
			if err := e.class.Fit(th, e, X, y); err != nil {
				return nil, err
			}
			return e, nil
		}), nil
	case "get_params":
		return method("", func(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			deep := true
			if err := starlark.UnpackArgs(e.class.Name+".get_params", args, kwargs, "deep?", &deep); err != nil {
				return nil, err
			}
			d := starlark.NewDict(len(e.params))
			for _, n := range e.paramNames() {
				d.SetKey(starlark.String(n), e.params[n])
			}
			return d, nil
		}), nil
	case "set_params":
		return method("", func(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 {
				return nil, fmt.Errorf("TypeError: set_params() takes keyword arguments only")
			}
			for _, kv := range kwargs {
				n := string(kv[0].(starlark.String))
				if _, ok := e.params[n]; !ok {
					return nil, fmt.Errorf("ValueError: Invalid parameter '%s' for estimator %s. Valid parameters are: %s.", n, e.String(), session.Repr(session.StringList(e.paramNames())))
				}
				e.params[n] = kv[1]
			}
			return e, nil
		}), nil
	}
	if m, ok := e.class.Methods[name]; ok {
		return method(m.Doc, func(th *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return m.Fn(th, e, args, kwargs)
		}), nil
	}
	if v, ok := e.params[name]; ok {
		return v, nil
	}
	if v, ok := e.Fitted[name]; ok {
		return v, nil
	}
	if strings.HasSuffix(name, "_") && !strings.HasSuffix(name, "__") {
		return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s' (fit the estimator first: it sets the attributes ending in _)", e.class.Name, name)
	}
	return nil, fmt.Errorf("AttributeError: '%s' object has no attribute '%s'", e.class.Name, name)
}

// CheckFitted is scikit-learn's NotFittedError.
func (e *Estimator) CheckFitted() error {
	if e.Fitted == nil {
		return fmt.Errorf("NotFittedError: This %s instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.", e.class.Name)
	}
	return nil
}

// DenseX converts a cell value (numpy array, nested lists, DataFrame) to
// the 2-D float64 matrix estimators take, with scikit-learn's errors.
func DenseX(v starlark.Value) (*mat.Dense, error) {
	a, err := numpy.ArrayOf(v)
	if err != nil {
		return nil, err
	}
	switch a.NDim() {
	case 2:
	case 1:
		return nil, fmt.Errorf("ValueError: Expected 2D array, got 1D array instead:\narray=%s.\nReshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.", a.Str())
	default:
		return nil, fmt.Errorf("ValueError: Found array with dim %d. Estimator expected <= 2.", a.NDim())
	}
	if a.DType() != ndarray.Float64 {
		a = a.AsType(ndarray.Float64)
	}
	d, err := a.Dense()
	if err != nil {
		return nil, err
	}
	for _, x := range d.Data {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("ValueError: Input X contains NaN or infinity.")
		}
	}
	return d, nil
}

// denseXy reads a fit's X (dense float64 rows) and its labels y, one a
// row.
func denseXy(Xv, yv starlark.Value) (*mat.Dense, []float64, error) {
	X, err := DenseX(Xv)
	if err != nil {
		return nil, nil, err
	}
	y, _, err := labels(yv, X.Rows)
	if err != nil {
		return nil, nil, err
	}
	return X, y, nil
}

// labels converts y to one float64 per sample, and keeps its array (for
// the dtype of classes_).
func labels(v starlark.Value, n int) ([]float64, *ndarray.Array, error) {
	a, err := numpy.ArrayOf(v)
	if err != nil {
		return nil, nil, err
	}
	if a.NDim() == 2 && a.Shape()[1] == 1 {
		a, _ = a.Reshape(-1)
	}
	if a.NDim() != 1 {
		return nil, nil, fmt.Errorf("ValueError: y should be a 1d array, got an array of shape %s instead.", ndarray.ShapeString(a.Shape()))
	}
	if n >= 0 && a.Len() != n {
		return nil, nil, fmt.Errorf("ValueError: Found input variables with inconsistent numbers of samples: [%d, %d]", n, a.Len())
	}
	return a.AsFloat64s(), a, nil
}

// RandomState is scikit-learn's check_random_state: None draws from a
// fresh unpredictable generator, an int seeds numpy's RandomState.
func RandomState(v starlark.Value) (*rng.RandomState, error) {
	switch v := v.(type) {
	case starlark.NoneType:
		return rng.NewFromEntropy(), nil
	case starlark.Int:
		n, ok := v.Int64()
		if !ok || rng.CheckSeed(n) != nil {
			return nil, fmt.Errorf("ValueError: Seed must be between 0 and 2**32 - 1")
		}
		return rng.New(uint32(n)), nil
	}
	return nil, fmt.Errorf("ValueError: %s cannot be used to seed a numpy.random.RandomState instance", session.Repr(v))
}

// RNGSource lets the k-means code draw from numpy's RandomState.
type RNGSource struct{ R *rng.RandomState }

func (s RNGSource) Intn(n int) int {
	v, _ := s.R.Randint(0, int64(n))
	return int(v)
}
func (s RNGSource) Float64() float64 { return s.R.RandomSample() }

// FloatParam, IntParam, BoolParam and StringParam read a parameter with
// scikit-learn's InvalidParameterError wording.
func (e *Estimator) FloatParam(name string) (float64, error) {
	switch v := e.params[name].(type) {
	case starlark.Float:
		return float64(v), nil
	case starlark.Int:
		f, _ := starlark.AsFloat(v)
		return f, nil
	}
	return 0, e.Invalid(name, "a float")
}

func (e *Estimator) IntParam(name string) (int, error) {
	if v, ok := e.params[name].(starlark.Int); ok {
		n, ok := v.Int64()
		if ok {
			return int(n), nil
		}
	}
	return 0, e.Invalid(name, "an int")
}

func (e *Estimator) BoolParam(name string) (bool, error) {
	if v, ok := e.params[name].(starlark.Bool); ok {
		return bool(v), nil
	}
	return false, e.Invalid(name, "an instance of 'bool'")
}

func (e *Estimator) StringParam(name string, allowed ...string) (string, error) {
	if v, ok := e.params[name].(starlark.String); ok {
		for _, a := range allowed {
			if string(v) == a {
				return a, nil
			}
		}
	}
	var quoted []string
	for _, a := range allowed {
		quoted = append(quoted, "'"+a+"'")
	}
	return "", e.Invalid(name, "a str among {"+strings.Join(quoted, ", ")+"}")
}

// Invalid is the InvalidParameterError of parameter name, which must be
// want ("an int in the range [1, inf)").
func (e *Estimator) Invalid(name, want string) error {
	return fmt.Errorf("InvalidParameterError: The '%s' parameter of %s must be %s. Got %s instead.", name, e.class.Name, want, session.Repr(e.params[name]))
}

// floatArray and intArray wrap Go results as numpy arrays.
func floatArray(xs []float64, shape ...int) *numpy.NDArray {
	if len(shape) == 0 {
		shape = []int{len(xs)}
	}
	return numpy.NewArray(ndarray.FromFloat64s(xs, shape...))
}

func intArray(xs []int) *numpy.NDArray {
	return numpy.NewArray(ndarray.FromInts(xs))
}

// DenseArray wraps a Go matrix as a numpy array.
func DenseArray(m *mat.Dense) *numpy.NDArray { return numpy.NewArray(ndarray.FromDense(m)) }

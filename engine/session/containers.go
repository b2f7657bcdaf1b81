package session

import (
	"fmt"
	"math"
	"math/big"
	"sort"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// The methods of Python's list, tuple, dict, set, int and float that
// Starlark's values lack or give with other results and errors; the
// receiver is the builtin's.
var (
	listMethods = map[string]Func{
		"sort":    listSort,
		"reverse": listReverse,
		"copy":    listCopy,
		"count":   seqCount,
		"index":   seqIndex,
		"remove":  listRemove,
		"pop":     listPop,
		"extend":  listExtend,
	}
	tupleMethods = map[string]Func{
		"count": seqCount,
		"index": seqIndex,
	}
	dictMethods = map[string]Func{
		"copy":     dictCopy,
		"fromkeys": dictFromkeys,
		"pop":      dictPop,
		"popitem":  dictPopitem,
		"keys":     dictViewMethod("keys"),
		"values":   dictViewMethod("values"),
		"items":    dictViewMethod("items"),
	}
	setMethods = map[string]Func{
		"copy":                        setCopy,
		"union":                       setCombine("union"),
		"intersection":                setCombine("intersection"),
		"difference":                  setCombine("difference"),
		"symmetric_difference":        setCombine("symmetric_difference"),
		"update":                      setUpdate("update"),
		"intersection_update":         setUpdate("intersection"),
		"difference_update":           setUpdate("difference"),
		"symmetric_difference_update": setUpdate("symmetric_difference"),
		"isdisjoint":                  setIsdisjoint,
		"issubset":                    setSubset(false),
		"issuperset":                  setSubset(true),
		"remove":                      setRemove,
		"pop":                         setPop,
	}
	intMethods = map[string]Func{
		"bit_length":       intBitLength,
		"bit_count":        intBitCount,
		"as_integer_ratio": intRatio,
		"is_integer": func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.True, nil
		},
		"conjugate": intSelf,
	}
	floatMethods = map[string]Func{
		"is_integer":       floatIsInteger,
		"as_integer_ratio": floatRatio,
		"hex":              floatHex,
		"conjugate":        floatSelf,
	}
	bytesMethods = map[string]Func{
		"decode": bytesDecode,
		"hex":    bytesHex,
	}
)

// pyEqual is Python's ==, under which True equals 1 and 1.0.
func pyEqual(x, y starlark.Value) (bool, error) {
	x, y = boolAsInt(x, y)
	return starlark.Equal(x, y)
}

// boolAsInt turns a bool compared with a number into the int it is in
// Python (bool subclasses int).
func boolAsInt(x, y starlark.Value) (starlark.Value, starlark.Value) {
	bx, xb := x.(starlark.Bool)
	by, yb := y.(starlark.Bool)
	if xb == yb {
		return x, y
	}
	if xb && IsNumber(y) {
		x = b2i(bx)
	} else if yb && IsNumber(x) {
		y = b2i(by)
	}
	return x, y
}

// intOfBool is v, or the int a bool is.
func intOfBool(v starlark.Value) starlark.Value {
	if b, ok := v.(starlark.Bool); ok {
		return b2i(b)
	}
	return v
}

func b2i(b starlark.Bool) starlark.Int {
	if b {
		return starlark.MakeInt(1)
	}
	return starlark.MakeInt(0)
}

// pyLess is Python's x < y, with its TypeError for unordered types.
func pyLess(x, y starlark.Value) (bool, error) {
	x, y = boolAsInt(x, y)
	lt, err := starlark.Compare(syntax.LT, x, y)
	if err != nil {
		return false, fmt.Errorf("TypeError: '<' not supported between instances of '%s' and '%s'", TypeName(x), TypeName(y))
	}
	return lt, nil
}

// listSort is list.sort(*, key=None, reverse=False): stable, in place.
func listSort(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key starlark.Value = starlark.None
	reverse := false
	if len(args) > 0 {
		return nil, fmt.Errorf("TypeError: sort() takes no positional arguments")
	}
	if err := starlark.UnpackArgs("sort", nil, kwargs, "key?", &key, "reverse?", &reverse); err != nil {
		return nil, err
	}
	l := b.Receiver().(*starlark.List)
	n := l.Len()
	elems := make([]starlark.Value, n)
	for i := range elems {
		elems[i] = l.Index(i)
	}
	keys := elems
	if key != starlark.None {
		keys = make([]starlark.Value, n)
		for i, e := range elems {
			k, err := starlark.Call(th, key, starlark.Tuple{e}, nil)
			if err != nil {
				return nil, err
			}
			keys[i] = k
		}
	}
	s := &keyed{keys: keys, elems: elems, reverse: reverse, byKey: key != starlark.None}
	sort.Stable(s)
	if s.err != nil {
		return nil, s.err
	}
	for i, e := range elems {
		if err := l.SetIndex(i, e); err != nil {
			return nil, fmt.Errorf("ValueError: %v", err)
		}
	}
	return starlark.None, nil
}

// keyed sorts elements by their keys; reverse keeps equal keys in their
// order, as Python's does.
type keyed struct {
	keys, elems []starlark.Value
	reverse     bool
	byKey       bool // keys and elems are distinct slices
	err         error
}

func (s *keyed) Len() int { return len(s.keys) }
func (s *keyed) Swap(i, j int) {
	s.keys[i], s.keys[j] = s.keys[j], s.keys[i]
	if s.byKey {
		s.elems[i], s.elems[j] = s.elems[j], s.elems[i]
	}
}
func (s *keyed) Less(i, j int) bool {
	if s.err != nil {
		return false
	}
	a, b := s.keys[i], s.keys[j]
	if s.reverse {
		a, b = b, a
	}
	lt, err := pyLess(a, b)
	if err != nil {
		s.err = err
	}
	return lt
}

func listReverse(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	l := b.Receiver().(*starlark.List)
	for i, j := 0, l.Len()-1; i < j; i, j = i+1, j-1 {
		x, y := l.Index(i), l.Index(j)
		if err := l.SetIndex(i, y); err != nil {
			return nil, fmt.Errorf("ValueError: %v", err)
		}
		l.SetIndex(j, x)
	}
	return starlark.None, nil
}

func listCopy(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	l := b.Receiver().(*starlark.List)
	out := make([]starlark.Value, l.Len())
	for i := range out {
		out[i] = l.Index(i)
	}
	return starlark.NewList(out), nil
}

func seqCount(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("count", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	s := b.Receiver().(starlark.Indexable)
	n := 0
	for i := 0; i < s.Len(); i++ {
		eq, err := pyEqual(s.Index(i), x)
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return starlark.MakeInt(n), nil
}

func seqIndex(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, lo, hi starlark.Value
	if err := starlark.UnpackPositionalArgs("index", args, kwargs, 1, &x, &lo, &hi); err != nil {
		return nil, err
	}
	s := b.Receiver().(starlark.Indexable)
	i, j, err := sliceBounds(lo, hi, s.Len())
	if err != nil {
		return nil, err
	}
	for ; i < j; i++ {
		eq, err := pyEqual(s.Index(i), x)
		if err != nil {
			return nil, err
		}
		if eq {
			return starlark.MakeInt(i), nil
		}
	}
	if _, ok := s.(starlark.Tuple); ok {
		return nil, fmt.Errorf("ValueError: tuple.index(x): x not in tuple")
	}
	return nil, fmt.Errorf("ValueError: %s is not in list", Repr(x))
}

// starlarkMethod calls Starlark's own method of x.
func starlarkMethod(th *starlark.Thread, x starlark.Value, name string, args starlark.Tuple) (starlark.Value, error) {
	m, err := x.(starlark.HasAttrs).Attr(name)
	if err != nil {
		return nil, err
	}
	return starlark.Call(th, m, args, nil)
}

func listRemove(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("remove", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	l := b.Receiver().(*starlark.List)
	for i := 0; i < l.Len(); i++ {
		if eq, err := pyEqual(l.Index(i), x); err != nil {
			return nil, err
		} else if eq {
			_, err := starlarkMethod(th, l, "pop", starlark.Tuple{starlark.MakeInt(i)})
			return starlark.None, err
		}
	}
	return nil, fmt.Errorf("ValueError: list.remove(x): x not in list")
}

func listPop(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	i := -1
	if err := starlark.UnpackPositionalArgs("pop", args, kwargs, 0, &i); err != nil {
		return nil, err
	}
	l := b.Receiver().(*starlark.List)
	if l.Len() == 0 {
		return nil, fmt.Errorf("IndexError: pop from empty list")
	}
	if i < -l.Len() || i >= l.Len() {
		return nil, fmt.Errorf("IndexError: pop index out of range")
	}
	return starlarkMethod(th, l, "pop", starlark.Tuple{starlark.MakeInt(i)})
}

// listExtend is list.extend(iterable), a string's characters too.
func listExtend(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("extend", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if s, ok := x.(starlark.String); ok {
		x = Chars(s)
	}
	if _, ok := x.(starlark.Iterable); !ok {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", TypeName(x))
	}
	return starlarkMethod(th, b.Receiver(), "extend", starlark.Tuple{x})
}

func dictCopy(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	d := b.Receiver().(*starlark.Dict)
	out := starlark.NewDict(d.Len())
	for k, v := range d.Entries() {
		out.SetKey(k, v)
	}
	return out, nil
}

// dictFromkeys is dict.fromkeys(iterable, value=None).
func dictFromkeys(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var it, v starlark.Value = nil, starlark.None
	if err := starlark.UnpackPositionalArgs("fromkeys", args, kwargs, 1, &it, &v); err != nil {
		return nil, err
	}
	if s, ok := it.(starlark.String); ok {
		it = Chars(s)
	}
	iter := starlark.Iterate(it)
	if iter == nil {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", TypeName(it))
	}
	defer iter.Done()
	out := starlark.NewDict(0)
	var k starlark.Value
	for iter.Next(&k) {
		if err := out.SetKey(k, v); err != nil {
			return nil, fmt.Errorf("TypeError: unhashable type: '%s'", TypeName(k))
		}
	}
	return out, nil
}

func dictPop(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var k, def starlark.Value
	if err := starlark.UnpackPositionalArgs("pop", args, kwargs, 1, &k, &def); err != nil {
		return nil, err
	}
	d := b.Receiver().(*starlark.Dict)
	v, found, err := d.Delete(k)
	if err != nil {
		return nil, err
	}
	if found {
		return v, nil
	}
	if def != nil {
		return def, nil
	}
	return nil, fmt.Errorf("KeyError: %s", Repr(k))
}

// dictPopitem removes and returns the last inserted item, as Python's
// does (Starlark's takes the first).
func dictPopitem(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	d := b.Receiver().(*starlark.Dict)
	var last starlark.Value
	for k := range d.Entries() {
		last = k
	}
	if last == nil {
		return nil, fmt.Errorf("KeyError: 'popitem(): dictionary is empty'")
	}
	v, _, err := d.Delete(last)
	if err != nil {
		return nil, err
	}
	return starlark.Tuple{last, v}, nil
}

func setCopy(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := b.Receiver().(*starlark.Set)
	out := starlark.NewSet(s.Len())
	for x := range s.Elements() {
		out.Insert(x)
	}
	return out, nil
}

// iterOf iterates a method's argument, a string's characters too.
func iterOf(x starlark.Value) (starlark.Iterator, error) {
	if s, ok := x.(starlark.String); ok {
		x = Chars(s)
	}
	it := starlark.Iterate(x)
	if it == nil {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", TypeName(x))
	}
	return it, nil
}

// combine is s op other for one set operation.
func combine(s *starlark.Set, op string, other starlark.Value) (*starlark.Set, error) {
	it, err := iterOf(other)
	if err != nil {
		return nil, err
	}
	defer it.Done()
	var r starlark.Value
	switch op {
	case "union":
		r, err = s.Union(it)
	case "intersection":
		r, err = s.Intersection(it)
	case "difference":
		r, err = s.Difference(it)
	case "symmetric_difference":
		r, err = s.SymmetricDifference(it)
	}
	if err != nil {
		return nil, fmt.Errorf("TypeError: %v", err)
	}
	return r.(*starlark.Set), nil
}

// setCombine is union, intersection, difference or
// symmetric_difference of any number of iterables.
func setCombine(op string) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, fmt.Errorf("TypeError: set.%s() takes no keyword arguments", op)
		}
		if op == "symmetric_difference" && len(args) != 1 {
			return nil, fmt.Errorf("TypeError: set.symmetric_difference() takes exactly one argument (%d given)", len(args))
		}
		s := b.Receiver().(*starlark.Set)
		if len(args) == 0 {
			return setCopy(nil, b, nil, nil)
		}
		for _, a := range args {
			r, err := combine(s, op, a)
			if err != nil {
				return nil, err
			}
			s = r
		}
		return s, nil
	}
}

// setUpdate is update or intersection_, difference_ or
// symmetric_difference_update: the set becomes s op others.
func setUpdate(op string) Func {
	return func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		name := op + "_update"
		if op == "update" {
			name, op = "update", "union"
		}
		if len(kwargs) > 0 {
			return nil, fmt.Errorf("TypeError: set.%s() takes no keyword arguments", name)
		}
		s := b.Receiver().(*starlark.Set)
		r := s
		for _, a := range args {
			x, err := combine(r, op, a)
			if err != nil {
				return nil, err
			}
			r = x
		}
		if r == s {
			return starlark.None, nil
		}
		if err := s.Clear(); err != nil {
			return nil, fmt.Errorf("TypeError: %v", err)
		}
		for x := range r.Elements() {
			s.Insert(x)
		}
		return starlark.None, nil
	}
}

func setIsdisjoint(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var other starlark.Value
	if err := starlark.UnpackPositionalArgs("isdisjoint", args, kwargs, 1, &other); err != nil {
		return nil, err
	}
	it, err := iterOf(other)
	if err != nil {
		return nil, err
	}
	defer it.Done()
	s := b.Receiver().(*starlark.Set)
	var x starlark.Value
	for it.Next(&x) {
		if found, _ := s.Has(x); found {
			return starlark.False, nil
		}
	}
	return starlark.True, nil
}

// setSubset is issubset(other), or issuperset(other) when super.
// (Starlark's own panic when called without an argument.)
func setSubset(super bool) Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var other starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &other); err != nil {
			return nil, err
		}
		it, err := iterOf(other)
		if err != nil {
			return nil, err
		}
		defer it.Done()
		s := b.Receiver().(*starlark.Set)
		var ok bool
		if super {
			ok, err = s.IsSuperset(it)
		} else {
			ok, err = s.IsSubset(it)
		}
		if err != nil {
			return nil, fmt.Errorf("TypeError: %v", err)
		}
		return starlark.Bool(ok), nil
	}
}

func setRemove(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("remove", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	found, err := b.Receiver().(*starlark.Set).Delete(x)
	if err != nil {
		return nil, fmt.Errorf("TypeError: %v", err)
	}
	if !found {
		return nil, fmt.Errorf("KeyError: %s", Repr(x))
	}
	return starlark.None, nil
}

func setPop(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := b.Receiver().(*starlark.Set)
	var first starlark.Value
	for x := range s.Elements() {
		first = x
		break
	}
	if first == nil {
		return nil, fmt.Errorf("KeyError: 'pop from an empty set'")
	}
	if _, err := s.Delete(first); err != nil {
		return nil, fmt.Errorf("TypeError: %v", err)
	}
	return first, nil
}

func recvInt(b *starlark.Builtin) *big.Int {
	switch x := b.Receiver().(type) {
	case starlark.Int:
		return x.BigInt()
	case starlark.Bool:
		return big.NewInt(int64(b2i(x).Sign()))
	}
	return new(big.Int)
}

func intBitLength(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	n := recvInt(b)
	return starlark.MakeInt(n.Abs(n).BitLen()), nil
}

func intBitCount(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	n := recvInt(b)
	n.Abs(n)
	c := 0
	for _, w := range n.Bits() {
		for ; w != 0; w &= w - 1 {
			c++
		}
	}
	return starlark.MakeInt(c), nil
}

func intRatio(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Tuple{starlark.MakeBigInt(recvInt(b)), starlark.MakeInt(1)}, nil
}

func intSelf(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.MakeBigInt(recvInt(b)), nil
}

func floatSelf(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return b.Receiver(), nil
}

func floatIsInteger(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	f := float64(b.Receiver().(starlark.Float))
	return starlark.Bool(!math.IsInf(f, 0) && f == math.Trunc(f)), nil
}

// floatRatio is float.as_integer_ratio(): the exact fraction, in lowest
// terms, with a positive denominator.
func floatRatio(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	f := float64(b.Receiver().(starlark.Float))
	if math.IsInf(f, 0) {
		return nil, fmt.Errorf("OverflowError: cannot convert Infinity to integer ratio")
	}
	if math.IsNaN(f) {
		return nil, fmt.Errorf("ValueError: cannot convert NaN to integer ratio")
	}
	r := new(big.Rat)
	r.SetFloat64(f)
	return starlark.Tuple{starlark.MakeBigInt(r.Num()), starlark.MakeBigInt(r.Denom())}, nil
}

// floatHex is float.hex(): '0x1.8000000000000p+0' for 1.5.
func floatHex(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	f := float64(b.Receiver().(starlark.Float))
	switch {
	case math.IsNaN(f):
		return starlark.String("nan"), nil
	case math.IsInf(f, 1):
		return starlark.String("inf"), nil
	case math.IsInf(f, -1):
		return starlark.String("-inf"), nil
	}
	sign := ""
	if math.Signbit(f) {
		sign, f = "-", -f
	}
	if f == 0 {
		return starlark.String(sign + "0x0.0p+0"), nil
	}
	frac, exp := math.Frexp(f) // f = frac * 2**exp, frac in [0.5, 1)
	mant := math.Float64bits(frac*2) & (1<<52 - 1)
	e := exp - 1
	if e < -1022 {
		// Subnormal: Python writes 0x0.xxxp-1022.
		m := uint64(math.Ldexp(f, 1074))
		return starlark.String(fmt.Sprintf("%s0x0.%013xp-1022", sign, m)), nil
	}
	return starlark.String(fmt.Sprintf("%s0x1.%013xp%+d", sign, mant, e)), nil
}

func bytesDecode(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	encoding, errors := "utf-8", "strict"
	if err := starlark.UnpackArgs("decode", args, kwargs, "encoding?", &encoding, "errors?", &errors); err != nil {
		return nil, err
	}
	data := string(b.Receiver().(starlark.Bytes))
	switch encoding {
	case "utf-8", "utf8", "UTF-8":
		for i, r := range data {
			if r == 0xfffd && (len(data)-i < 3 || data[i:i+3] != "\uFFFD") && errors == "strict" {
				return nil, fmt.Errorf("UnicodeDecodeError: 'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", data[i], i)
			}
		}
		return starlark.String(data), nil
	case "ascii", "latin-1", "latin1":
		rs := make([]rune, len(data))
		for i := 0; i < len(data); i++ {
			if encoding == "ascii" && data[i] >= 0x80 && errors == "strict" {
				return nil, fmt.Errorf("UnicodeDecodeError: 'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", data[i], i)
			}
			rs[i] = rune(data[i])
		}
		return starlark.String(string(rs)), nil
	}
	return nil, fmt.Errorf("LookupError: unknown encoding: %s (Burst decodes utf-8, ascii and latin-1)", encoding)
}

func bytesHex(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.String(fmt.Sprintf("%x", string(b.Receiver().(starlark.Bytes)))), nil
}

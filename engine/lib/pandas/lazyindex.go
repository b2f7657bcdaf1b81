package pandas

import (
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/frame"
	"burst/engine/graph"
	"burst/engine/session"
)

// LazyIndex is the index of a Dask DataFrame or Series: a lazy collection
// of its labels, one partition per partition.
type LazyIndex struct{ c *dataframe.Collection }

// lazyIndexOf returns the lazy index of a collection.
func lazyIndexOf(c *dataframe.Collection) (*LazyIndex, error) {
	// Named as Dask names it: the collection's prefix and "-index".
	ix, err := dataframe.Map(graph.PartKey(c.Name, 0).Prefix()+"-index", graph.NewStage("index", nil), nil, c)
	if err != nil {
		return nil, err
	}
	return &LazyIndex{ix}, nil
}

func (x *LazyIndex) String() string {
	m := x.c.SeriesMeta()
	return lazySeriesRepr("Index", x.c, "", frame.DTypeOf(m.Data.DataType()))
}
func (x *LazyIndex) Type() string         { return "dask.dataframe.Index" }
func (x *LazyIndex) Freeze()              {}
func (x *LazyIndex) Truth() starlark.Bool { return true }
func (x *LazyIndex) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'Index'")
}
func (x *LazyIndex) AttrNames() []string {
	return []string{"compute", "persist", "visualize", "npartitions", "dtype", "name"}
}

func (x *LazyIndex) Attr(name string) (starlark.Value, error) {
	m := x.c.SeriesMeta()
	switch name {
	case "compute":
		return starlark.NewBuiltin("Index.compute", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs("compute", args, kwargs); err != nil {
				return nil, err
			}
			ss := session.Of(thread)
			v, err := x.c.Compute(ss.Context(), ss.Computer())
			if err != nil {
				return nil, err
			}
			s, ok := v.(*frame.Series)
			if !ok {
				return nil, fmt.Errorf("the index computed to a %T", v)
			}
			return labelsIndex(s), nil
		}), nil
	case "persist", "visualize":
		return starlark.NewBuiltin("Index."+name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			v, err := collectionMethod(thread, name, x.c, args, kwargs)
			if s, ok := v.(*Series); ok && s.lazy != nil {
				return &LazyIndex{s.lazy}, err
			}
			return v, err
		}), nil
	case "npartitions":
		return starlark.MakeInt(x.c.NParts), nil
	case "dtype":
		return starlark.String(frame.DTypeOf(m.Data.DataType())), nil
	case "name":
		if m.Name == "" {
			return starlark.None, nil
		}
		return starlark.String(m.Name), nil
	}
	return nil, fmt.Errorf("AttributeError: 'Index' object has no attribute '%s'", name)
}

// labelsIndex makes a pandas Index of computed labels. Labels 0…n-1 without
// a name are a RangeIndex, as pandas keeps when it concatenates ranges
// that follow each other.
func labelsIndex(s *frame.Series) *Index {
	if s.Name == "" && frame.DTypeOf(s.Data.DataType()) == frame.Int64 {
		vs := ToValues(s.Data)
		isRange := true
		for i, v := range vs {
			if n, ok := v.(starlark.Int); !ok || n != starlark.MakeInt(i) {
				isRange = false
				break
			}
		}
		if isRange {
			return indexOf(nil, len(vs))
		}
	}
	return indexOf([]frame.Column{{Name: s.Name, Data: s.Data}}, s.Len())
}

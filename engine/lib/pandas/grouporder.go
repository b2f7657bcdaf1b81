package pandas

import (
	"go.starlark.net/starlark"

	"burst/engine/frame"
)

// keyOrder is the order of g's result rows (see frame.OrderSorted): pandas
// sorts the keys unless sort=False; Dask sorts them only with sort=True,
// and otherwise prints the order its aggregation produces.
func (g *GroupBy) keyOrder() string {
	sorted := g.sort == nil || g.sort == starlark.None || bool(g.sort.Truth())
	if g.d.lazy == nil {
		if sorted {
			return frame.OrderSorted
		}
		return frame.OrderFirst
	}
	if g.sort == starlark.True {
		return frame.OrderSorted
	}
	if g.viaAgg {
		return frame.OrderFirst
	}
	return frame.OrderChunks
}

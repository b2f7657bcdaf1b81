package pandas

import (
	"burst/engine/graph"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/apache/arrow/go/v15/arrow"
	"github.com/apache/arrow/go/v15/arrow/array"
	"go.starlark.net/starlark"
)

// layers describes a graph as Dask does: how many collections (layers)
// built it.
func layers(g graph.Graph) string {
	names := map[string]bool{}
	for k := range g {
		s := string(k)
		if i := strings.LastIndex(s, "', "); i > 0 {
			s = s[:i]
		}
		names[s] = true
	}
	if len(names) == 1 {
		return "1 graph layer"
	}
	return fmt.Sprintf("%d graph layers", len(names))
}

// ToValues converts an Arrow array to Starlark values.
func ToValues(a arrow.Array) []starlark.Value {
	out := make([]starlark.Value, a.Len())
	for i := range out {
		if a.IsNull(i) {
			out[i] = starlark.None
			continue
		}
		switch a := a.(type) {
		case *array.Float64:
			out[i] = starlark.Float(a.Value(i))
		case *array.Int64:
			out[i] = starlark.MakeInt64(a.Value(i))
		case *array.Boolean:
			out[i] = starlark.Bool(a.Value(i))
		case *array.String:
			out[i] = starlark.String(a.Value(i))
		case *array.Timestamp:
			out[i] = Timestamp(time.Unix(0, int64(a.Value(i))).UTC())
		case *array.Duration:
			out[i] = Timedelta(time.Duration(a.Value(i)))
		default:
			out[i] = starlark.String(a.ValueStr(i))
		}
	}
	return out
}

// jsonValues converts an Arrow array for JSON; NaN and missing are null.
func jsonValues(a arrow.Array) []any {
	out := make([]any, a.Len())
	for i := range out {
		if a.IsNull(i) {
			continue
		}
		switch a := a.(type) {
		case *array.Float64:
			if v := a.Value(i); !math.IsNaN(v) && !math.IsInf(v, 0) {
				out[i] = v
			}
		case *array.Int64:
			out[i] = a.Value(i)
		case *array.Boolean:
			out[i] = a.Value(i)
		case *array.String:
			out[i] = a.Value(i)
		default:
			out[i] = a.ValueStr(i)
		}
	}
	return out
}

package numpy

import (
	"math"

	"burst/engine/check"
)

// CheckValue reduces an array for an exercise's check: its shape and
// values, row-major.
func (x *NDArray) CheckValue() check.Value {
	a := x.a
	v := check.Value{Type: x.Type(), Shape: append([]int(nil), a.Shape()...)}
	if a.Size() > check.Limit {
		v.Truncated = true
		return v
	}
	v.Values = make([]any, a.Size())
	for k := range v.Values {
		switch it := a.Item(k).(type) {
		case float64:
			if !math.IsNaN(it) {
				v.Values[k] = it
			}
		case int64:
			v.Values[k] = float64(it)
		default:
			v.Values[k] = it
		}
	}
	if len(v.Shape) == 0 { // a 0-d array: a number
		v.Shape = nil
	}
	return v
}

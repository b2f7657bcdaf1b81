package remote

import "burst/engine/check"

// A remote collection is lazy, as Dask's: an exercise's check asks for
// compute().

func (d *Frame) CheckValue() check.Value {
	return check.Value{Type: d.Type(), Compute: ".compute()"}
}

func (x *Series) CheckValue() check.Value {
	return check.Value{Type: x.Type(), Compute: ".compute()"}
}

func (x *Scalar) CheckValue() check.Value {
	return check.Value{Type: x.Type(), Compute: ".compute()"}
}

package session

// PyPanic carries a Python exception out of a method that cannot return
// one (Starlark's Truth and Len have no error: bool(array) of several
// elements, len() of a dask array of unknown size). Such a method panics
// with a PyPanic; the kernel's run and the task entry points recover it
// as the cell's or the task's error.
type PyPanic struct{ Err error }

// Recover, deferred, turns a PyPanic into *err; other panics go on.
func Recover(err *error) {
	if r := recover(); r != nil {
		p, ok := r.(PyPanic)
		if !ok {
			panic(r)
		}
		*err = p.Err
	}
}

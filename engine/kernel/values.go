package kernel

import (
	"github.com/apache/arrow/go/v15/arrow"
	"go.starlark.net/starlark"
)

// frameArray is an Arrow array holding a column.
type frameArray = arrow.Array

// kernelOf returns the kernel running thread.
func kernelOf(thread *starlark.Thread) *Kernel {
	k, _ := thread.Local("kernel").(*Kernel)
	return k
}

//go:build !wasm

package svm

import "math"

// fma is a*b+c rounded once, for the steps glibc's and OpenBLAS's FMA code
// paths fuse. It is math.FMA: a single instruction on amd64 with FMA,
// arm64 and the other 64-bit ports, exact everywhere.
func fma(a, b, c float64) float64 { return math.FMA(a, b, c) }

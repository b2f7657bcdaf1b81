//go:build !wasm

package rng

import "math"

func fma(x, y, z float64) float64 { return math.FMA(x, y, z) }

// fmaMinusOne is fma(x, y, -1); see the wasm version for why it exists.
func fmaMinusOne(x, y float64) float64 { return math.FMA(x, y, -1) }

// slowFMA tells Log to try its unfused fast path first; with a hardware
// FMA the fused code is as fast.
const slowFMA = false

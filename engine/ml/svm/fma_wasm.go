//go:build wasm

package svm

// fma is a*b+c with the product rounded first. WebAssembly has no fused
// multiply-add and math.FMA's software emulation costs tens of
// nanoseconds, too slow for exp in the kernel loop, so in the browser the
// kernel follows glibc's and OpenBLAS's builds for CPUs without FMA. Those
// differ from the FMA builds in the last bit of about one exp in 1500; the
// cached kernel values are float32, so the solver almost never sees it and
// decision values move by an ulp or so.
func fma(a, b, c float64) float64 { return float64(a*b) + c }

package session

import (
	"context"
	"fmt"
	"math/big"
	"runtime/metrics"

	"go.starlark.net/starlark"
)

// DefaultMemoryBudget is a kernel's memory budget when its host sets
// none: what one value may take, and what the kernel's heap may grow to.
const DefaultMemoryBudget = 1 << 30

// SetMemoryBudget sets the bytes the kernel may hold (0: the default).
func (s *Session) SetMemoryBudget(n int64) {
	s.mu.Lock()
	s.memory = n
	s.mu.Unlock()
}

// MemoryBudget returns the bytes the kernel may hold.
func (s *Session) MemoryBudget() int64 {
	if s == nil {
		return DefaultMemoryBudget
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.memory <= 0 {
		return DefaultMemoryBudget
	}
	return s.memory
}

// MemoryError is Python's MemoryError for an allocation of n bytes that
// would pass the budget.
func MemoryError(n, budget int64) error {
	return fmt.Errorf("MemoryError: cannot allocate %s (the kernel's budget is %s)", bytesText(n), bytesText(budget))
}

// bytesText writes a byte count exactly, with its size in binary units.
func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%d bytes (%.1f GiB)", n, float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%d bytes (%.1f MiB)", n, float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// CheckAlloc returns a MemoryError if a value of n bytes (n < 0: more
// than an int64 counts) would pass the budget of thread's kernel.
func CheckAlloc(thread *starlark.Thread, n int64) error {
	var s *Session
	if thread != nil {
		s = Of(thread)
	}
	budget := s.MemoryBudget()
	if n < 0 || n > budget {
		if n < 0 {
			n = 1<<63 - 1
		}
		return MemoryError(n, budget)
	}
	if n > budget/8 && n+HeapBytes() > budget {
		return MemoryError(n, budget)
	}
	return nil
}

// ItemBytes is what one item of a list or tuple takes, at least.
const ItemBytes = 16

// CheckItems is CheckAlloc for count items of size bytes each.
func CheckItems(thread *starlark.Thread, count, size int64) error {
	if count <= 0 {
		return nil
	}
	if size > 0 && count > (1<<62)/size {
		return CheckAlloc(thread, -1)
	}
	return CheckAlloc(thread, count*size)
}

var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

// HeapBytes returns the bytes of the Go heap's live and not yet swept
// objects.
func HeapBytes() int64 {
	s := []metrics.Sample{heapSample[0]}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// MaxIntBits bounds the integers ** builds: 10 ** 5_000_000 has 16.6
// million bits.
const MaxIntBits = 1 << 24

// intPow is x ** y for a y ≥ 0: a result that would pass the memory
// budget is a MemoryError before any work, and the squarings of a big
// one stop when the cell is interrupted.
func intPow(th *starlark.Thread, x, y starlark.Int) (starlark.Value, error) {
	bx := x.BigInt()
	if bx.CmpAbs(big.NewInt(1)) <= 0 {
		switch {
		case y.Sign() == 0:
			return starlark.MakeInt(1), nil
		case bx.Sign() >= 0:
			return x, nil // 0 or 1
		case y.BigInt().Bit(0) == 0:
			return starlark.MakeInt(1), nil
		}
		return x, nil // -1 to an odd power
	}
	e, ok := y.Int64()
	bits := int64(bx.BitLen())
	if !ok || e > (1<<62)/bits {
		return nil, CheckAlloc(th, -1)
	}
	if err := CheckAlloc(th, bits*e/8); err != nil {
		return nil, err
	}
	if bits*e > MaxIntBits {
		// A product of such numbers takes seconds that nothing can
		// interrupt in the browser (Go's wasm is not preemptive).
		return nil, fmt.Errorf("MemoryError: cannot allocate %d bytes for an integer of %d bits (Burst's integers have at most %d bits)", bits*e/8, bits*e, MaxIntBits)
	}
	var ctx context.Context
	if s := Of(th); s != nil {
		ctx = s.Context()
	}
	r := starlark.MakeInt(1)
	b := x
	for ; e > 0; e >>= 1 {
		if e&1 == 1 {
			var err error
			if r, err = bigMul(ctx, r, b); err != nil {
				return nil, err
			}
		}
		if e > 1 {
			var err error
			if b, err = bigMul(ctx, b, b); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

// bigMul is x * y, abandoned when ctx ends: a product of numbers of
// millions of bits takes seconds.
func bigMul(ctx context.Context, x, y starlark.Int) (starlark.Int, error) {
	if ctx == nil {
		return x.Mul(y), nil
	}
	if err := ctx.Err(); err != nil {
		return starlark.Int{}, err
	}
	if x.BigInt().BitLen()+y.BigInt().BitLen() < 1<<20 {
		return x.Mul(y), nil
	}
	done := make(chan starlark.Int, 1)
	go func() { done <- x.Mul(y) }()
	select {
	case r := <-done:
		return r, nil
	case <-ctx.Done():
		return starlark.Int{}, ctx.Err()
	}
}

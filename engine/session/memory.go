package session

import (
	"fmt"
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

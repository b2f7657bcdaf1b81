package svm

import (
	"slices"
	"testing"
)

// refCache is libsvm's Cache as first ported, one swap at a time and no
// memory reuse: TestCacheMatchesLibsvm checks cache against it.
type refCache struct {
	size       int
	data       [][]float32
	n          []int32
	prev, next []int32
}

func newRefCache(l int, bytes int64) *refCache {
	size := bytes / 4
	size -= int64(l) * headSize / 4
	size = max(size, 2*int64(l))
	c := &refCache{size: int(size), data: make([][]float32, l), n: make([]int32, l),
		prev: make([]int32, l+1), next: make([]int32, l+1)}
	c.prev[l], c.next[l] = int32(l), int32(l)
	return c
}

func (c *refCache) unlink(h int32) {
	c.next[c.prev[h]] = c.next[h]
	c.prev[c.next[h]] = c.prev[h]
}

func (c *refCache) pushBack(h int32) {
	head := int32(len(c.data))
	c.next[h] = head
	c.prev[h] = c.prev[head]
	c.next[c.prev[h]] = h
	c.prev[head] = h
}

func (c *refCache) drop(h int32) {
	c.size += int(c.n[h])
	c.data[h] = nil
	c.n[h] = 0
}

func (c *refCache) get(index, length int) ([]float32, int) {
	h := int32(index)
	if c.n[h] > 0 {
		c.unlink(h)
	}
	start := length
	if more := length - int(c.n[h]); more > 0 {
		head := int32(len(c.data))
		for c.size < more {
			old := c.next[head]
			c.unlink(old)
			c.drop(old)
		}
		nd := make([]float32, length)
		copy(nd, c.data[h][:c.n[h]])
		c.data[h] = nd
		c.size -= more
		start = int(c.n[h])
		c.n[h] = int32(length)
	}
	c.pushBack(h)
	return c.data[h], start
}

func (c *refCache) swap(i, j int) {
	if i == j {
		return
	}
	hi, hj := int32(i), int32(j)
	if c.n[hi] > 0 {
		c.unlink(hi)
	}
	if c.n[hj] > 0 {
		c.unlink(hj)
	}
	c.data[hi], c.data[hj] = c.data[hj], c.data[hi]
	c.n[hi], c.n[hj] = c.n[hj], c.n[hi]
	if c.n[hi] > 0 {
		c.pushBack(hi)
	}
	if c.n[hj] > 0 {
		c.pushBack(hj)
	}
	if i > j {
		i, j = j, i
	}
	head := int32(len(c.data))
	for h := c.next[head]; h != head; {
		nx := c.next[h]
		if int(c.n[h]) > i {
			if int(c.n[h]) > j {
				c.data[h][i], c.data[h][j] = c.data[h][j], c.data[h][i]
			} else {
				c.unlink(h)
				c.drop(h)
			}
		}
		h = nx
	}
}

func lruOrder(next []int32) []int32 {
	head := int32(len(next) - 1)
	var out []int32
	for h := next[head]; h != head; h = next[h] {
		out = append(out, h)
	}
	return out
}

// TestCacheMatchesLibsvm runs random gets and runs of swaps (as shrinking
// makes them) on cache and on refCache, with budgets from two columns to
// the whole matrix. It checks that every get returns the same entries and
// the same position to fill from, and now and then (having made the swaps
// not yet made) that the same columns are cached for the same lengths in
// the same LRU order with the same free size, and hold the same entries.
func TestCacheMatchesLibsvm(t *testing.T) {
	r := newMT19937(11)
	rand := func(n int) int { return int(r.boundedInt(uint32(n))) }
	for trial := range 1000 {
		l := 2 + rand(40)
		budget := int64(l*headSize) + 4*int64(2*l+rand(l*l+l))
		if trial%3 == 0 {
			budget += 4 * int64(l*l) // all of Q fits
		}
		c, ref := newCache(l, budget), newRefCache(l, budget)
		// perm[k] is the original index at position k: entry (h, k) of a
		// column holds perm[h]*1000+perm[k], whatever the swaps did.
		perm := make([]int, l)
		for k := range perm {
			perm[k] = k
		}
		for op := range 400 {
			if rand(3) == 0 {
				for range 1 + rand(2*l) {
					i, j := rand(l), rand(l)
					c.swap(i, j)
					ref.swap(i, j)
					perm[i], perm[j] = perm[j], perm[i]
				}
				continue
			}
			h, length := rand(l), 1+rand(l)
			d, start := c.get(h, length)
			rd, rstart := ref.get(h, length)
			if start != rstart {
				t.Fatalf("trial %d op %d: get(%d, %d) start %d, libsvm %d", trial, op, h, length, start, rstart)
			}
			for k := start; k < length; k++ {
				d[k] = float32(perm[h]*1000 + perm[k])
				rd[k] = d[k]
			}
			if !slices.Equal(d[:length], rd[:length]) {
				t.Fatalf("trial %d op %d: get(%d, %d) = %v, libsvm %v", trial, op, h, length, d[:length], rd[:length])
			}
			if rand(4) != 0 {
				continue // leave swaps to catch up later
			}
			// Make the swaps not yet made, as a get needing room would.
			c.catchUpAll()
			if c.size != ref.size || !slices.Equal(c.n, ref.n) {
				t.Fatalf("trial %d op %d: size %d n %v, libsvm %d %v", trial, op, c.size, c.n, ref.size, ref.n)
			}
			if a, b := lruOrder(c.next), lruOrder(ref.next); !slices.Equal(a, b) {
				t.Fatalf("trial %d op %d: LRU %v, libsvm %v", trial, op, a, b)
			}
			for x := range l {
				n := c.n[x]
				if !slices.Equal(c.data[x][:n], ref.data[x][:n]) {
					t.Fatalf("trial %d op %d: column %d differs", trial, op, x)
				}
				for k, v := range c.data[x][:n] {
					if v != float32(perm[x]*1000+perm[k]) {
						t.Fatalf("trial %d op %d: column %d entry %d is %v", trial, op, x, k, v)
					}
				}
			}
		}
		c.release()
	}
}

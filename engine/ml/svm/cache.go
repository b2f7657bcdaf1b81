package svm

import "sync"

// cache is libsvm's kernel cache: columns of Q (as float32, libsvm's Qfloat)
// kept in least-recently-used order within a budget of float32 slots. A
// column may be cached for a prefix [0,len) only (the active set), and is
// extended on demand. Shrinking swaps indices, inside every cached column
// too, and drops a column that holds one index of a swapped pair but not
// the other. Which columns are evicted never changes a value — a
// recomputed entry is bit-identical — but keeping libsvm's policy keeps
// its memory use and amount of recomputation.
//
// The same columns are cached, for the same lengths, as in libsvm, but two
// things are done differently to save time:
//
//   - When all of Q fits in the budget (the common case, l² float32s: 200
//     MB is 7240 rows), nothing is ever evicted and the LRU order does not
//     matter. Columns then get room for all l entries at first use, carved
//     from slabs that are reused across fits (see alloc), and so are
//     never reallocated to grow; and the swaps are recorded and made in a
//     column only when it is next used (see catchUp), since each column
//     reaches the same state whenever its swaps are made.
//   - Otherwise the swaps of one shrinking pass are made column by column
//     at the next get (see flush), instead of walking all columns at
//     every swap.
type cache struct {
	size int // free slots, in float32s
	data [][]float32
	n    []int32 // data[i][:n[i]] is valid
	// The LRU list is circular through prev/next, with index l as its head
	// (least recent first).
	prev, next []int32

	// pending holds the swaps (i < j) not yet made inside the cached
	// columns, pendingMin the smallest i among them.
	pending    [][2]int32
	pendingMin int32

	// full: Q fits in the budget. size and the LRU list are then unused;
	// swaps lists every swap (i < j) so far, of which the first seen[h]
	// have been made in column h. Columns are carved from slabs (the rest
	// of the last one is spare), handed back to slabPool by release.
	full  bool
	swaps [][2]int32
	seen  []int32
	slabs []*[]float32
	spare []float32
}

// headSize is sizeof(head_t) for a 64-bit libsvm: two list pointers, the
// data pointer and an int, padded.
const headSize = 32

func newCache(l int, bytes int64) *cache {
	size := bytes / 4
	size -= int64(l) * headSize / 4
	size = max(size, 2*int64(l)) // at least two columns
	c := &cache{
		size: int(size),
		data: make([][]float32, l),
		n:    make([]int32, l),
		full: int64(l)*int64(l) <= size,
	}
	if c.full {
		c.seen = make([]int32, l)
	} else {
		c.prev = make([]int32, l+1)
		c.next = make([]int32, l+1)
		c.prev[l], c.next[l] = int32(l), int32(l)
	}
	return c
}

// slabLen is the size of the slabs a full cache carves its columns from,
// in float32s (4 MiB). Only slabs of this size are pooled.
const slabLen = 1 << 20

// slabPool keeps slabs between fits: GridSearchCV and the 5-fold
// cross-validation of probability=True fit one model after another, and
// reusing the memory spares allocating and collecting it (in the browser,
// also growing the WebAssembly memory). The memory is still taken lazily,
// a slab when the columns in use need it. Like any sync.Pool, the pool
// lets the garbage collector free slabs that stay unused.
var slabPool sync.Pool

// allocFull returns room for a column of l entries in a full cache.
func (c *cache) allocFull() []float32 {
	l := len(c.data)
	if l > slabLen {
		return make([]float32, l)
	}
	if len(c.spare) < l {
		if l*l < slabLen {
			// A small problem: one allocation for the whole matrix.
			c.spare = make([]float32, l*l)
		} else {
			p, _ := slabPool.Get().(*[]float32)
			if p == nil {
				s := make([]float32, slabLen)
				p = &s
			}
			c.slabs = append(c.slabs, p)
			c.spare = *p
		}
	}
	d := c.spare[:l:l]
	c.spare = c.spare[l:]
	return d
}

// release hands the slabs back to the pool; the cache must not be used
// afterwards.
func (c *cache) release() {
	for _, p := range c.slabs {
		slabPool.Put(p)
	}
	*c = cache{}
}

func (c *cache) unlink(h int32) {
	c.next[c.prev[h]] = c.next[h]
	c.prev[c.next[h]] = c.prev[h]
}

// pushBack makes h the most recently used.
func (c *cache) pushBack(h int32) {
	head := int32(len(c.data))
	c.next[h] = head
	c.prev[h] = c.prev[head]
	c.next[c.prev[h]] = h
	c.prev[head] = h
}

// drop frees column h, which must already be unlinked.
func (c *cache) drop(h int32) {
	c.size += int(c.n[h])
	c.data[h] = nil
	c.n[h] = 0
}

// get returns column index with room for length entries and the position
// from which entries still have to be filled (length if none).
func (c *cache) get(index, length int) ([]float32, int) {
	h := int32(index)
	if c.full {
		n := c.n[h]
		if n > 0 && int(c.seen[h]) < len(c.swaps) {
			n = c.catchUp(h)
		}
		c.seen[h] = int32(len(c.swaps))
		if c.data[h] == nil {
			c.data[h] = c.allocFull()
		}
		if int(n) >= length {
			return c.data[h], length
		}
		c.n[h] = int32(length)
		return c.data[h], int(n)
	}

	if len(c.pending) > 0 {
		c.flush()
	}
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

// swap exchanges the roles of indices i and j, in the columns' identities
// and (see flush and catchUp) inside every cached column; a column holding
// i but not j is dropped.
func (c *cache) swap(i, j int) {
	if i == j {
		return
	}
	hi, hj := int32(i), int32(j)
	if c.full {
		c.data[hi], c.data[hj] = c.data[hj], c.data[hi]
		c.n[hi], c.n[hj] = c.n[hj], c.n[hi]
		c.seen[hi], c.seen[hj] = c.seen[hj], c.seen[hi]
		c.swaps = append(c.swaps, [2]int32{min(hi, hj), max(hi, hj)})
		return
	}
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
	hi, hj = min(hi, hj), max(hi, hj)
	if len(c.pending) == 0 || hi < c.pendingMin {
		c.pendingMin = hi
	}
	c.pending = append(c.pending, [2]int32{hi, hj})
}

// swapColumn makes the swaps ps in order inside a column of n valid
// entries, and returns its new length: 0 if a swap drops it.
func swapColumn(d []float32, n int32, ps [][2]int32) int32 {
	d = d[:n]
	for _, p := range ps {
		i, j := p[0], p[1]
		if n <= i {
			continue
		}
		if n <= j {
			return 0
		}
		d[i], d[j] = d[j], d[i]
	}
	return n
}

// catchUp makes in column h of a full cache the swaps since it was last
// used, and returns its length (0 if one of them dropped it).
func (c *cache) catchUp(h int32) int32 {
	n := swapColumn(c.data[h], c.n[h], c.swaps[c.seen[h]:])
	c.n[h] = n
	return n
}

// flush makes the pending swaps inside every cached column, in order, as
// libsvm does at each swap while walking the LRU list. A column it drops
// is dropped later than libsvm's, but nothing reads the columns in
// between, and the LRU order of the others is the same: the identity
// swaps moved a doomed column to the back of the list only where libsvm
// had left its (empty) slot out, and unlinking it now undoes that.
func (c *cache) flush() {
	head := int32(len(c.data))
	for h := c.next[head]; h != head; {
		nx := c.next[h]
		if n := c.n[h]; n > c.pendingMin && swapColumn(c.data[h], n, c.pending) == 0 {
			c.unlink(h)
			c.drop(h)
		}
		h = nx
	}
	c.pending = c.pending[:0]
}

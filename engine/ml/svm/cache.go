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
// The same columns are cached, for the same lengths, as in libsvm; two
// things are done differently to save time:
//
//   - Swaps are logged, and made inside a column only when it is next
//     used (see catchUp): libsvm walks all cached columns at every swap,
//     and shrinking makes thousands. Until then a column due to be
//     dropped stays in the LRU list and its length counts as used, so the
//     free size is lower than libsvm's; only when it is too low for a
//     column are all the columns caught up, to evict exactly as libsvm.
//   - Columns are not reallocated to grow: while the budget allows, a
//     column gets room for all l entries at first use, carved from slabs
//     that are reused across fits (see alloc), and a dropped column's
//     room is reused. When all of Q fits in the budget (l² float32s:
//     about 7200 rows for the default 200 MB), that is every column.
type cache struct {
	size int // free slots, in float32s
	data [][]float32
	n    []int32 // data[i][:n[i]] is valid
	// The LRU list is circular through prev/next, with index l as its head
	// (least recent first).
	prev, next []int32

	// swaps lists every swap (i < j) so far, of which the first seen[h]
	// have been made in column h.
	swaps [][2]int32
	seen  []int32

	budget int          // slots, as size at the start
	carved int          // slots carved from slabs
	slabs  []*[]float32 // from slabPool, handed back by release
	spare  []float32    // the uncarved rest of the last slab
	free   [][]float32  // rooms of l entries that dropped columns left
}

// headSize is sizeof(head_t) for a 64-bit libsvm: two list pointers, the
// data pointer and an int, padded.
const headSize = 32

func newCache(l int, bytes int64) *cache {
	size := bytes / 4
	size -= int64(l) * headSize / 4
	size = max(size, 2*int64(l)) // at least two columns
	c := &cache{
		size:   int(size),
		budget: int(size),
		data:   make([][]float32, l),
		n:      make([]int32, l),
		prev:   make([]int32, l+1),
		next:   make([]int32, l+1),
		seen:   make([]int32, l),
	}
	c.prev[l], c.next[l] = int32(l), int32(l)
	return c
}

// slabLen is the size of pooled slabs, in float32s (4 MiB).
const slabLen = 1 << 20

// slabPool keeps slabs between fits: GridSearchCV and the 5-fold
// cross-validation of probability=True fit one model after another, and
// reusing the memory spares allocating and collecting it (in the browser,
// also growing the WebAssembly memory). The memory is still taken lazily,
// a slab when the columns in use need it. Like any sync.Pool, the pool
// lets the garbage collector free slabs that stay unused.
var slabPool sync.Pool

// alloc returns room for a column of at least length entries: l entries
// while the slots carved so far stay within the budget, else exactly
// length (as libsvm, which reallocates to extend).
func (c *cache) alloc(length int) []float32 {
	l := len(c.data)
	if k := len(c.free); k > 0 {
		d := c.free[k-1]
		c.free = c.free[:k-1]
		return d
	}
	if c.carved+l > c.budget || l > slabLen {
		return make([]float32, length)
	}
	if len(c.spare) < l {
		switch left := min(c.budget, l*l) - c.carved; {
		case left >= slabLen:
			p, _ := slabPool.Get().(*[]float32)
			if p == nil {
				s := make([]float32, slabLen)
				p = &s
			}
			c.slabs = append(c.slabs, p)
			c.spare = *p
		default:
			// The last columns the budget allows, or a small problem.
			c.spare = make([]float32, left/l*l)
		}
	}
	c.carved += l
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

// drop frees column h, which must already be unlinked, keeping a room of
// l entries for reuse.
func (c *cache) drop(h int32) {
	c.size += int(c.n[h])
	if d := c.data[h]; cap(d) == len(c.data) {
		c.free = append(c.free, d[:cap(d)])
	}
	c.data[h] = nil
	c.n[h] = 0
}

// get returns column index with room for length entries and the position
// from which entries still have to be filled (length if none).
func (c *cache) get(index, length int) ([]float32, int) {
	h := int32(index)
	if c.n[h] > 0 {
		c.catchUp(h)
	}
	c.seen[h] = int32(len(c.swaps))
	if c.n[h] > 0 {
		c.unlink(h)
	}
	start := length
	if more := length - int(c.n[h]); more > 0 {
		if c.size < more {
			c.catchUpAll() // now size and the LRU list are libsvm's
		}
		head := int32(len(c.data))
		for c.size < more {
			old := c.next[head]
			c.unlink(old)
			c.drop(old)
		}
		d := c.data[h]
		if cap(d) < length {
			nd := c.alloc(length)
			copy(nd, d[:c.n[h]])
			d = nd
		}
		c.data[h] = d[:length]
		c.size -= more
		start = int(c.n[h])
		c.n[h] = int32(length)
	}
	c.pushBack(h)
	return c.data[h], start
}

// swap exchanges the roles of indices i and j: in the columns' identities
// and LRU places now, as libsvm, and inside the columns later (see
// catchUp).
//
// A column due to be dropped by an earlier swap still counts as cached
// here, so it is moved to the back of the LRU list when its index takes
// part in a swap, which libsvm leaves out. That does not change the order
// of the other columns, and catchUp unlinks it.
func (c *cache) swap(i, j int) {
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
	c.seen[hi], c.seen[hj] = c.seen[hj], c.seen[hi]
	if c.n[hi] > 0 {
		c.pushBack(hi)
	}
	if c.n[hj] > 0 {
		c.pushBack(hj)
	}
	c.swaps = append(c.swaps, [2]int32{min(hi, hj), max(hi, hj)})
}

// catchUp makes inside cached column h the swaps logged since it was last
// used, in order, as libsvm made them at each swap in every cached column:
// swapping its entries i and j, or dropping it if it holds i but not j.
func (c *cache) catchUp(h int32) {
	n := c.n[h]
	d := c.data[h][:n]
	for _, p := range c.swaps[c.seen[h]:] {
		i, j := p[0], p[1]
		if n <= i {
			continue
		}
		if n <= j {
			c.unlink(h)
			c.drop(h)
			break
		}
		d[i], d[j] = d[j], d[i]
	}
	c.seen[h] = int32(len(c.swaps))
}

// catchUpAll catches up every cached column.
func (c *cache) catchUpAll() {
	head := int32(len(c.data))
	for h := c.next[head]; h != head; {
		nx := c.next[h]
		c.catchUp(h)
		h = nx
	}
}

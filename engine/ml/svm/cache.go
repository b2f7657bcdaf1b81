package svm

// cache is libsvm's kernel cache: columns of Q (as float32, libsvm's Qfloat)
// kept in least-recently-used order within a budget of float32 slots. A
// column may be cached for a prefix [0,len) only (the active set), and is
// extended on demand. Which columns are evicted never changes a value —
// a recomputed entry is bit-identical — but keeping libsvm's policy keeps
// its memory use and amount of recomputation.
type cache struct {
	size int // free slots, in float32s
	data [][]float32
	n    []int32 // data[i][:n[i]] is valid
	// The LRU list is circular through prev/next, with index l as its head
	// (least recent first).
	prev, next []int32
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
		prev: make([]int32, l+1),
		next: make([]int32, l+1),
	}
	c.prev[l], c.next[l] = int32(l), int32(l)
	return c
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
		d := c.data[h]
		if cap(d) < length {
			nd := make([]float32, length)
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

// swap exchanges the roles of indices i and j, in the columns' identities
// and inside every cached column; a column holding i but not j is dropped.
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
				d := c.data[h]
				d[i], d[j] = d[j], d[i]
			} else {
				c.unlink(h)
				c.drop(h)
			}
		}
		h = nx
	}
}

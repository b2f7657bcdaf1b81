package files

import "sync"

// Cache keeps file contents up to a budget in bytes, evicting the least
// recently used first. Each entry carries a stamp (an HTTP Last-Modified)
// with which the caller asks the source whether it is still current. The
// browser's workers keep what they fetched in one: fetching costs more than
// parsing, and every computation of a lesson reads the same files again.
// Callers must not change the bytes they get.
type Cache struct {
	mu      sync.Mutex
	budget  int
	used    int
	clock   int64
	entries map[string]*entry
}

type entry struct {
	data    []byte
	stamp   string
	lastUse int64
}

// NewCache returns a cache holding at most budget bytes.
func NewCache(budget int) *Cache { return &Cache{budget: budget, entries: map[string]*entry{}} }

// Get returns the contents and stamp stored under key.
func (c *Cache) Get(key string) (data []byte, stamp string, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[key]
	if e == nil {
		return nil, "", false
	}
	c.clock++
	e.lastUse = c.clock
	return e.data, e.stamp, true
}

// Put stores data under key, unless it is more than a quarter of the
// budget (one big file would push out everything else).
func (c *Cache) Put(key string, data []byte, stamp string) {
	if len(data) > c.budget/4 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.entries[key]; old != nil {
		c.used -= len(old.data)
	}
	c.clock++
	c.entries[key] = &entry{data: data, stamp: stamp, lastUse: c.clock}
	c.used += len(data)
	for c.used > c.budget {
		var oldest string
		for k, e := range c.entries {
			if oldest == "" || e.lastUse < c.entries[oldest].lastUse {
				oldest = k
			}
		}
		c.used -= len(c.entries[oldest].data)
		delete(c.entries, oldest)
	}
}

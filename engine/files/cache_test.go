package files

import "testing"

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	c := NewCache(40)
	c.Put("a", make([]byte, 10), "1")
	c.Put("b", make([]byte, 10), "1")
	c.Put("c", make([]byte, 10), "1")
	c.Get("a") // b is now the least recently used
	c.Put("d", make([]byte, 10), "2")
	c.Put("e", make([]byte, 10), "2")
	if _, _, ok := c.Get("b"); ok {
		t.Error("b stayed although it was the least recently used")
	}
	for _, k := range []string{"a", "c", "d", "e"} {
		if _, _, ok := c.Get(k); !ok {
			t.Errorf("%s was evicted", k)
		}
	}
	if _, stamp, _ := c.Get("d"); stamp != "2" {
		t.Errorf("stamp of d = %q", stamp)
	}
	c.Put("big", make([]byte, 11), "1") // over a quarter of the budget
	if _, _, ok := c.Get("big"); ok {
		t.Error("an entry over a quarter of the budget was kept")
	}
	c.Put("a", make([]byte, 5), "3") // replacing frees the old bytes
	if c.used != 35 {
		t.Errorf("used = %d, want 35", c.used)
	}
}

package ndarray

import (
	"fmt"
	"strings"
	"testing"
)

// TestObjectRepr compares with numpy 1.24's repr of object arrays
// (np.array(values, dtype=object) on Debian's Python).
func TestObjectRepr(t *testing.T) {
	quote := func(n int, f string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "'" + fmt.Sprintf(f, i) + "'"
		}
		return out
	}
	x30 := "'" + strings.Repeat("x", 30) + "'"
	for _, c := range []struct {
		reprs []string
		want  string
	}{
		{[]string{"'LGA'", "'JFK'", "'EWR'"}, "array(['LGA', 'JFK', 'EWR'], dtype=object)"},
		{nil, "array([], dtype=object)"},
		{[]string{x30, x30, x30, x30, x30}, "array([" + x30 + ", " + x30 + ",\n       " + x30 + ", " + x30 + ",\n       " + x30 + "], dtype=object)"},
		{quote(1500, "a%d"), "array(['a0', 'a1', 'a2', ..., 'a1497', 'a1498', 'a1499'], dtype=object)"},
		{quote(20, "abcdefghij%d"), `array(['abcdefghij0', 'abcdefghij1', 'abcdefghij2', 'abcdefghij3',
       'abcdefghij4', 'abcdefghij5', 'abcdefghij6', 'abcdefghij7',
       'abcdefghij8', 'abcdefghij9', 'abcdefghij10', 'abcdefghij11',
       'abcdefghij12', 'abcdefghij13', 'abcdefghij14', 'abcdefghij15',
       'abcdefghij16', 'abcdefghij17', 'abcdefghij18', 'abcdefghij19'],
      dtype=object)`},
		{[]string{"None", "1.5", "'x'"}, "array([None, 1.5, 'x'], dtype=object)"},
	} {
		if got := ObjectRepr(c.reprs); got != c.want {
			t.Errorf("ObjectRepr(%d values):\n got %s\nwant %s", len(c.reprs), got, c.want)
		}
	}
}

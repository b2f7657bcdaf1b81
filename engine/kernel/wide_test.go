package kernel

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestWideFramesWrap: frames wider than display.width print in blocks,
// as pandas 1.5 prints them in a notebook (testdata/wide/expect.txt,
// written by gen.py there).
func TestWideFramesWrap(t *testing.T) {
	code, err := os.ReadFile("testdata/wide/frames.py")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/wide/expect.txt")
	if err != nil {
		t.Fatal(err)
	}
	k := New(&NativeHost{Dir: t.TempDir(), Workers: 1})
	var got strings.Builder
	ok := k.Execute(context.Background(), string(code), func(o Output) {
		if o.Type == "stream" {
			got.WriteString(o.Text)
		} else if o.Type == "error" {
			t.Errorf("error: %s: %s", o.EName, o.EValue)
		}
	})
	if !ok {
		t.Fatal("the cell failed")
	}
	g, w := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("line %d:\n got %q\nwant %q", i+1, gl, wl)
		}
	}
}

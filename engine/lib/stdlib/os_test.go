package stdlib

import (
	"os"
	"path/filepath"
	"testing"

	"go.starlark.net/starlark"

	"burst/engine/dataframe"
	"burst/engine/files"
	"burst/engine/session"
)

// listingFS is a file access that is not a disk folder, as the
// browser's: os.path and glob can only list and ask sizes through it.
type listingFS struct{ d files.Dir }

func (f listingFS) Glob(p string) ([]string, error)                { return f.d.Glob(p) }
func (f listingFS) ReadFile(n string) ([]byte, error)              { return f.d.ReadFile(n) }
func (f listingFS) ReadRange(n string, o, k int64) ([]byte, error) { return f.d.ReadRange(n, o, k) }
func (f listingFS) Size(n string) (int64, error)                   { return f.d.Size(n) }

type host struct{ fs files.FS }

func (h host) FS() files.FS                              { return h.fs }
func (h host) Local() dataframe.Computer                 { return nil }
func (h host) StartCluster(int) (session.Cluster, error) { return nil, nil }

// The file queries give the same answers on disk and through a file
// access that only lists (the browser's).
func TestOSPathThroughListing(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"a.txt": "hello", "sub/b.csv": "x\n1\n", "sub/deep/c.csv": "y", "sub/.h": "", "we[ird]*.txt": "w"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	osMod, osPath := osModules()
	g := globModule()
	calls := []struct {
		mod  *Module
		fn   string
		args starlark.Tuple
		kw   []starlark.Tuple
	}{
		{osPath, "exists", starlark.Tuple{starlark.String("a.txt")}, nil},
		{osPath, "exists", starlark.Tuple{starlark.String("nope")}, nil},
		{osPath, "exists", starlark.Tuple{starlark.String("we[ird]*.txt")}, nil},
		{osPath, "isdir", starlark.Tuple{starlark.String("sub")}, nil},
		{osPath, "isdir", starlark.Tuple{starlark.String("a.txt")}, nil},
		{osPath, "isfile", starlark.Tuple{starlark.String("sub/b.csv")}, nil},
		{osPath, "isfile", starlark.Tuple{starlark.String("sub")}, nil},
		{osPath, "getsize", starlark.Tuple{starlark.String("sub/b.csv")}, nil},
		{osMod, "listdir", starlark.Tuple{starlark.String("sub")}, nil},
		{g, "glob", starlark.Tuple{starlark.String("**/*.csv")}, []starlark.Tuple{{starlark.String("recursive"), starlark.True}}},
		{g, "glob", starlark.Tuple{starlark.String("sub/**")}, []starlark.Tuple{{starlark.String("recursive"), starlark.True}}},
		{g, "glob", starlark.Tuple{starlark.String("*/")}, nil},
		{g, "glob", starlark.Tuple{starlark.String("*.txt")}, nil},
	}
	run := func(fs files.FS) []string {
		th := &starlark.Thread{}
		session.New(host{fs}).Bind(th)
		var out []string
		for _, c := range calls {
			v, err := starlark.Call(th, c.mod.Members[c.fn], c.args, c.kw)
			if err != nil {
				out = append(out, err.Error())
			} else {
				out = append(out, session.Repr(v))
			}
		}
		return out
	}
	disk, listed := run(files.Dir(dir)), run(listingFS{files.Dir(dir)})
	want := []string{"True", "False", "True", "True", "False", "True", "False", "4", "['.h', 'b.csv', 'deep']",
		"['sub/b.csv', 'sub/deep/c.csv']", "['sub/', 'sub/b.csv', 'sub/deep', 'sub/deep/c.csv']", "['sub/']", "['a.txt', 'we[ird]*.txt']"}
	for i := range want {
		if disk[i] != want[i] || listed[i] != want[i] {
			t.Errorf("%s%v: on disk %s, listed %s, want %s", calls[i].fn, calls[i].args, disk[i], listed[i], want[i])
		}
	}
}

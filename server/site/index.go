package site

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"burst/engine/files"
)

// Index lists a deployment's datasets: what /data/index.json answers. The
// Go server makes it from the files on disk; a Workers deployment carries
// it as a static file written by `go run ./build deploy`. The page's
// service worker reads it to make the course available offline and to
// answer /api/glob without a network.
type Index struct {
	Files []File `json:"files"`
}

// File is one dataset file: its name as a cell writes it
// ("data/nycflights/1990.csv") and its size in bytes.
type File struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
}

// ListData returns the index of root/data, sorted by name.
func ListData(root string) (Index, error) {
	ix := Index{Files: []File{}}
	base := filepath.Join(root, "data")
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == base {
				return filepath.SkipDir
			}
			return err
		}
		// No dotfiles, nor what dot folders hold; links are not followed
		// (WalkDir does not, and they are not regular files), so nothing
		// outside root/data is listed.
		if strings.HasPrefix(d.Name(), ".") && p != base {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); rel == IndexPath {
			return nil
		}
		ix.Files = append(ix.Files, File{Name: rel, Size: info.Size()})
		return nil
	})
	sort.Slice(ix.Files, func(i, j int) bool { return ix.Files[i].Name < ix.Files[j].Name })
	return ix, err
}

// IndexPath is where the index is served, relative to the site's root.
const IndexPath = "data/index.json"

// Glob returns the names in the index matching pattern (path.Match
// syntax), files and the folders that hold them, sorted, as filepath.Glob
// lists them on disk.
func (ix Index) Glob(pattern string) ([]string, error) {
	p, err := files.Clean(pattern)
	if err != nil {
		return nil, err
	}
	if _, err := path.Match(p, ""); err != nil {
		return nil, fmt.Errorf("bad pattern %q: %v", pattern, err)
	}
	seen := map[string]bool{}
	out := []string{}
	for _, f := range ix.Files {
		for name := f.Name; name != "." && name != ""; name = path.Dir(name) {
			if seen[name] {
				break
			}
			seen[name] = true
			if ok, _ := path.Match(p, name); ok {
				out = append(out, name)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

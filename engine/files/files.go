// Package files is how the engine reads datasets: a small file-system
// interface with an on-disk implementation for native runs. In the browser
// the wasm host supplies one backed by HTTP (fetch with Range requests).
//
// Names are slash-separated and relative, such as "data/nycflights/1990.csv",
// exactly as a learner writes them in a cell.
package files

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// FS reads the files a lesson refers to.
type FS interface {
	// Glob returns the names matching pattern (path.Match syntax), sorted.
	Glob(pattern string) ([]string, error)
	// ReadFile returns the whole contents of name.
	ReadFile(name string) ([]byte, error)
	// ReadRange returns up to n bytes of name starting at off; fewer at
	// the end of the file.
	ReadRange(name string, off, n int64) ([]byte, error)
}

// Clean validates a learner-supplied name: relative, slash-separated,
// without "..". It returns the cleaned name.
func Clean(name string) (string, error) {
	n := strings.TrimPrefix(path.Clean(strings.ReplaceAll(name, "\\", "/")), "./")
	if n == "." || n == "" || strings.HasPrefix(n, "/") || n == ".." || strings.HasPrefix(n, "../") {
		return "", fmt.Errorf("PermissionError: %q: only paths inside the lesson folder can be read (like \"data/nycflights/1990.csv\")", name)
	}
	return n, nil
}

// Dir is an FS rooted at a directory on disk.
type Dir string

func (d Dir) full(name string) (string, error) {
	n, err := Clean(name)
	if err != nil {
		return "", err
	}
	return filepath.Join(string(d), filepath.FromSlash(n)), nil
}

// Glob implements FS.
func (d Dir) Glob(pattern string) ([]string, error) {
	full, err := d.full(pattern)
	if err != nil {
		return nil, err
	}
	ms, err := filepath.Glob(full)
	if err != nil {
		return nil, fmt.Errorf("bad pattern %q: %v", pattern, err)
	}
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		rel, err := filepath.Rel(string(d), m)
		if err != nil {
			return nil, err
		}
		out = append(out, filepath.ToSlash(rel))
	}
	sort.Strings(out)
	return out, nil
}

// ReadFile implements FS.
func (d Dir) ReadFile(name string) ([]byte, error) {
	full, err := d.full(name)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(full)
	if err != nil {
		return nil, notFound(name, err)
	}
	return b, nil
}

// ReadRange implements FS.
func (d Dir) ReadRange(name string, off, n int64) ([]byte, error) {
	full, err := d.full(name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, notFound(name, err)
	}
	defer f.Close()
	buf := make([]byte, n)
	k, err := f.ReadAt(buf, off)
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return buf[:k], nil
}

func notFound(name string, err error) error {
	if os.IsNotExist(err) {
		return fmt.Errorf("FileNotFoundError: [Errno 2] No such file or directory: %q", name)
	}
	return fmt.Errorf("%s: %v", name, err)
}

// Size returns the size of name in bytes.
func (d Dir) Size(name string) (int64, error) {
	full, err := d.full(name)
	if err != nil {
		return 0, err
	}
	st, err := os.Stat(full)
	if err != nil {
		return 0, fmt.Errorf("FileNotFoundError: [Errno 2] No such file or directory: '%s'", name)
	}
	return st.Size(), nil
}

// A Borrower lends file contents in a buffer it takes back: the CSV reader
// converts the bytes and is done with them, so the next read reuses the
// memory instead of having the runtime zero 20 MB of fresh pages again.
type Borrower interface {
	// Borrow returns name's contents and a function that takes the
	// buffer back; the bytes must not be used after calling it.
	Borrow(name string) ([]byte, func(), error)
}

// Borrow reads name from fs, into a reused buffer when fs is a Borrower.
func Borrow(fs FS, name string) ([]byte, func(), error) {
	if b, ok := fs.(Borrower); ok {
		return b.Borrow(name)
	}
	data, err := fs.ReadFile(name)
	return data, func() {}, err
}

var buffers sync.Pool // of *[]byte

// Borrow implements Borrower.
func (d Dir) Borrow(name string) ([]byte, func(), error) {
	full, err := d.full(name)
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, nil, notFound(name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := int(st.Size())
	bp, _ := buffers.Get().(*[]byte)
	if bp == nil || cap(*bp) < size {
		b := make([]byte, size)
		bp = &b
	}
	buf := (*bp)[:size]
	if _, err := io.ReadFull(f, buf); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", name, err)
	}
	return buf, func() { buffers.Put(bp) }, nil
}

// Package files is how the engine reads datasets: a small file-system
// interface with an on-disk implementation for native runs. In the browser
// the wasm host supplies one backed by HTTP (fetch with Range requests).
//
// Names are slash-separated and relative, such as "data/nycflights/1990.csv",
// exactly as a learner writes them in a cell.
package files

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
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
		return "", permissionError(name)
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
	full := filepath.Join(string(d), filepath.FromSlash(n))
	if err := d.inside(name, full); err != nil {
		return "", err
	}
	return full, nil
}

// inside refuses a path whose links lead out of the root: one rule for
// every read (a link may point anywhere under the root, never outside).
// A path that does not exist is left to the read to report.
func (d Dir) inside(name, full string) error {
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return nil
	}
	root, err := filepath.EvalSymlinks(string(d))
	if err != nil {
		root = string(d)
	}
	if rel, err := filepath.Rel(root, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return permissionError(name)
	}
	return nil
}

func permissionError(name string) error {
	return fmt.Errorf("PermissionError: %q: only paths inside the lesson folder can be read (like \"data/nycflights/1990.csv\")", name)
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
		if d.inside(m, m) != nil {
			continue // a link out of the root is not listed
		}
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
		return nil, notFound(name, err)
	}
	return buf[:k], nil
}

func notFound(name string, err error) error {
	switch {
	case os.IsNotExist(err):
		return fmt.Errorf("FileNotFoundError: [Errno 2] No such file or directory: %s", pyQuote(name))
	case os.IsPermission(err):
		return fmt.Errorf("PermissionError: [Errno 13] Permission denied: %s", pyQuote(name))
	case isDir(err):
		return IsADirectory(name)
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err // without the absolute path
	}
	return fmt.Errorf("OSError: %s: %v", pyQuote(name), err)
}

// IsADirectory is Python's error for reading a folder as a file.
func IsADirectory(name string) error {
	return fmt.Errorf("IsADirectoryError: [Errno 21] Is a directory: %s", pyQuote(name))
}

func isDir(err error) bool {
	return errors.Is(err, syscall.EISDIR)
}

// pyQuote quotes a name as Python's repr of a str does (for names
// without quotes or escapes).
func pyQuote(name string) string {
	if !strings.ContainsAny(name, "'\\") && isPrintable(name) {
		return "'" + name + "'"
	}
	return strconv.Quote(name)
}

func isPrintable(s string) bool {
	for _, r := range s {
		if !strconv.IsPrint(r) {
			return false
		}
	}
	return true
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
		return nil, nil, notFound(name, err)
	}
	return buf, func() { buffers.Put(bp) }, nil
}

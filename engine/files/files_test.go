package files

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A link may point anywhere under the root, never out of it: every read
// of a link out is a PermissionError, and Glob does not list it.
func TestSymlinksStayInside(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.csv"), []byte("a\n1\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "data"), 0o755)
	os.WriteFile(filepath.Join(root, "data", "in.csv"), []byte("a\n2\n"), 0o644)
	os.Symlink(filepath.Join(outside, "secret.csv"), filepath.Join(root, "data", "out.csv"))
	os.Symlink(outside, filepath.Join(root, "data", "outdir"))
	os.Symlink("in.csv", filepath.Join(root, "data", "alias.csv"))
	d := Dir(root)
	for _, name := range []string{"data/out.csv", "data/outdir/secret.csv"} {
		if _, err := d.ReadFile(name); err == nil || !strings.HasPrefix(err.Error(), "PermissionError") {
			t.Errorf("ReadFile(%s): %v", name, err)
		}
		if _, err := d.ReadRange(name, 0, 2); err == nil || !strings.HasPrefix(err.Error(), "PermissionError") {
			t.Errorf("ReadRange(%s): %v", name, err)
		}
		if _, err := d.Size(name); err == nil || !strings.HasPrefix(err.Error(), "PermissionError") {
			t.Errorf("Size(%s): %v", name, err)
		}
		if _, _, err := d.Borrow(name); err == nil || !strings.HasPrefix(err.Error(), "PermissionError") {
			t.Errorf("Borrow(%s): %v", name, err)
		}
	}
	if b, err := d.ReadFile("data/alias.csv"); err != nil || string(b) != "a\n2\n" {
		t.Errorf("a link inside: %q %v", b, err)
	}
	names, err := d.Glob("data/*.csv")
	if err != nil || strings.Join(names, " ") != "data/alias.csv data/in.csv" {
		t.Errorf("Glob: %v %v", names, err)
	}
	if _, err := d.ReadFile("data"); err == nil || err.Error() != "IsADirectoryError: [Errno 21] Is a directory: 'data'" {
		t.Errorf("a folder: %v", err)
	}
	if _, err := d.ReadFile("data/none.csv"); err == nil || err.Error() != "FileNotFoundError: [Errno 2] No such file or directory: 'data/none.csv'" {
		t.Errorf("no file: %v", err)
	}
}

package stdlib

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.starlark.net/starlark"

	"burst/engine/files"
	"burst/engine/session"
)

// osModules are os and os.path (posixpath): the pure path functions as
// CPython's posixpath computes them, and the file queries (exists,
// getsize, listdir…) answered for files of the lesson folder through the
// host's file access, as glob reaches them natively and in the browser.
func osModules() (osMod, osPath *Module) {
	str := func(s string) starlark.Value { return starlark.String(s) }
	osPath = &Module{Name: "posixpath", Members: starlark.StringDict{
		"join":         builtin("join", osPathJoin),
		"basename":     builtin("basename", pathFunc(func(p string) starlark.Value { _, tail := splitPath(p); return str(tail) })),
		"dirname":      builtin("dirname", pathFunc(func(p string) starlark.Value { head, _ := splitPath(p); return str(head) })),
		"split":        builtin("split", pathFunc(func(p string) starlark.Value { h, t := splitPath(p); return starlark.Tuple{str(h), str(t)} })),
		"splitext":     builtin("splitext", osPathSplitext),
		"normpath":     builtin("normpath", pathFunc(func(p string) starlark.Value { return str(normpath(p)) })),
		"normcase":     builtin("normcase", pathFunc(func(p string) starlark.Value { return str(p) })),
		"isabs":        builtin("isabs", pathFunc(func(p string) starlark.Value { return starlark.Bool(strings.HasPrefix(p, "/")) })),
		"expanduser":   builtin("expanduser", pathFunc(func(p string) starlark.Value { return str(p) })),
		"expandvars":   builtin("expandvars", pathFunc(func(p string) starlark.Value { return str(p) })),
		"commonprefix": builtin("commonprefix", osPathCommonprefix),
		"commonpath":   builtin("commonpath", osPathCommonpath),
		"abspath":      builtin("abspath", fsPathFunc(func(l lesson, p string) (starlark.Value, error) { return str(l.abs(p)), nil })),
		"realpath":     builtin("realpath", fsPathFunc(func(l lesson, p string) (starlark.Value, error) { return str(l.abs(p)), nil })),
		"relpath":      builtin("relpath", osPathRelpath),
		"exists":       builtin("exists", fsPathFunc(func(l lesson, p string) (starlark.Value, error) { return starlark.Bool(l.exists(p)), nil })),
		"lexists":      builtin("lexists", fsPathFunc(func(l lesson, p string) (starlark.Value, error) { return starlark.Bool(l.exists(p)), nil })),
		"isdir":        builtin("isdir", fsPathFunc(func(l lesson, p string) (starlark.Value, error) { return starlark.Bool(l.isDir(p)), nil })),
		"isfile":       builtin("isfile", fsPathFunc(func(l lesson, p string) (starlark.Value, error) { return starlark.Bool(l.isFile(p)), nil })),
		"islink":       builtin("islink", fsPathFunc(func(l lesson, p string) (starlark.Value, error) { return starlark.False, nil })),
		"getsize":      builtin("getsize", fsPathFunc(lesson.getsize)),
		"sep":          str("/"),
		"curdir":       str("."),
		"pardir":       str(".."),
		"extsep":       str("."),
		"pathsep":      str(":"),
	}}
	osMod = &Module{Name: "os", Members: starlark.StringDict{
		"path":    osPath,
		"sep":     str("/"),
		"curdir":  str("."),
		"pardir":  str(".."),
		"extsep":  str("."),
		"pathsep": str(":"),
		"linesep": str("\n"),
		"name":    str("posix"),
		"getcwd": builtin("getcwd", func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return str(lessonOf(th).cwd()), session.NoArgs(b, args, kwargs)
		}),
		"listdir": builtin("listdir", osListdir),
	}}
	return osMod, osPath
}

// pyPath reads a path argument, with CPython's error for other types.
func pyPath(v starlark.Value) (string, error) {
	s, ok := v.(starlark.String)
	if !ok {
		return "", fmt.Errorf("TypeError: expected str, bytes or os.PathLike object, not %s", session.TypeName(v))
	}
	return string(s), nil
}

func pathFunc(f func(string) starlark.Value) session.Func {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		p, err := pyPath(v)
		if err != nil {
			return nil, err
		}
		return f(p), nil
	}
}

func fsPathFunc(f func(lesson, string) (starlark.Value, error)) session.Func {
	return func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		p, err := pyPath(v)
		if err != nil {
			return nil, err
		}
		return f(lessonOf(th), p)
	}
}

// osPathJoin joins like Python's os.path.join: an absolute part restarts.
func osPathJoin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("TypeError: join() takes no keyword arguments")
	}
	if len(args) == 0 {
		return nil, fmt.Errorf("TypeError: join() missing 1 required positional argument: 'a'")
	}
	parts := make([]string, len(args))
	for i, a := range args {
		s, ok := starlark.AsString(a)
		if !ok {
			return nil, fmt.Errorf("TypeError: join() argument must be str, bytes, or os.PathLike object, not '%s'", session.TypeName(a))
		}
		parts[i] = s
	}
	return starlark.String(joinPath(parts...)), nil
}

func joinPath(parts ...string) string {
	out := ""
	for i, s := range parts {
		switch {
		case strings.HasPrefix(s, "/") || i == 0:
			out = s
		case out == "" || strings.HasSuffix(out, "/"):
			out += s
		default:
			out += "/" + s
		}
	}
	return out
}

// splitPath is posixpath.split: the head keeps no trailing slashes
// unless it is only slashes.
func splitPath(p string) (head, tail string) {
	i := strings.LastIndexByte(p, '/') + 1
	head, tail = p[:i], p[i:]
	if head != "" && strings.Trim(head, "/") != "" {
		head = strings.TrimRight(head, "/")
	}
	return head, tail
}

// normpath is posixpath.normpath: '.' and empty parts dropped, '..'
// resolved where it can be, two leading slashes kept (POSIX leaves
// their meaning open).
func normpath(p string) string {
	if p == "" {
		return "."
	}
	initial := 0
	if strings.HasPrefix(p, "/") {
		initial = 1
		if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
			initial = 2
		}
	}
	var comps []string
	for _, c := range strings.Split(p, "/") {
		switch {
		case c == "" || c == ".":
		case c != ".." || (initial == 0 && len(comps) == 0) || (len(comps) > 0 && comps[len(comps)-1] == ".."):
			comps = append(comps, c)
		case len(comps) > 0:
			comps = comps[:len(comps)-1]
		}
	}
	out := strings.Repeat("/", initial) + strings.Join(comps, "/")
	if out == "" {
		return "."
	}
	return out
}

// osPathSplitext is os.path.splitext(p): (root, ext), ext from the last
// dot of the last part of the path, unless all before it in that part are
// dots (".bashrc" has no extension), as CPython's genericpath splits.
func osPathSplitext(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	p, err := pyPath(v)
	if err != nil {
		return nil, err
	}
	sep := strings.LastIndexByte(p, '/')
	dot := strings.LastIndexByte(p, '.')
	if dot > sep {
		for i := sep + 1; i < dot; i++ {
			if p[i] != '.' {
				return starlark.Tuple{starlark.String(p[:dot]), starlark.String(p[dot:])}, nil
			}
		}
	}
	return starlark.Tuple{starlark.String(p), starlark.String("")}, nil
}

func pathList(fname string, v starlark.Value) ([]string, error) {
	it := starlark.Iterate(v)
	if it == nil {
		return nil, fmt.Errorf("TypeError: '%s' object is not iterable", session.TypeName(v))
	}
	defer it.Done()
	var out []string
	var x starlark.Value
	for it.Next(&x) {
		s, err := pyPath(x)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// osPathCommonprefix is the longest common leading string, character
// by character (not by path part), as Python's.
func osPathCommonprefix(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	ps, err := pathList(b.Name(), v)
	if err != nil || len(ps) == 0 {
		return starlark.String(""), err
	}
	lo, hi := ps[0], ps[0]
	for _, p := range ps {
		lo, hi = min(lo, p), max(hi, p)
	}
	i := 0
	for i < len(lo) && lo[i] == hi[i] {
		i++
	}
	return starlark.String(lo[:i]), nil
}

// osPathCommonpath is the longest common sub-path.
func osPathCommonpath(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	ps, err := pathList(b.Name(), v)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("ValueError: commonpath() arg is an empty sequence")
	}
	abs := strings.HasPrefix(ps[0], "/")
	var common []string
	for i, p := range ps {
		if strings.HasPrefix(p, "/") != abs {
			return nil, fmt.Errorf("ValueError: Can't mix absolute and relative paths")
		}
		var parts []string
		for _, c := range strings.Split(p, "/") {
			if c != "" && c != "." {
				parts = append(parts, c)
			}
		}
		if i == 0 {
			common = parts
			continue
		}
		n := 0
		for n < len(common) && n < len(parts) && common[n] == parts[n] {
			n++
		}
		common = common[:n]
	}
	prefix := ""
	if abs {
		prefix = "/"
	}
	return starlark.String(prefix + strings.Join(common, "/")), nil
}

// osPathRelpath is relpath(path, start=os.curdir), both taken from the
// lesson folder.
func osPathRelpath(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pv, sv starlark.Value = nil, starlark.String(".")
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path", &pv, "start?", &sv); err != nil {
		return nil, err
	}
	p, err := pyPath(pv)
	if err != nil {
		return nil, err
	}
	start := "."
	if sv != starlark.None {
		if start, err = pyPath(sv); err != nil {
			return nil, err
		}
	}
	if p == "" {
		return nil, fmt.Errorf("ValueError: no path specified")
	}
	l := lessonOf(th)
	split := func(s string) []string {
		var out []string
		for _, c := range strings.Split(l.abs(s), "/") {
			if c != "" {
				out = append(out, c)
			}
		}
		return out
	}
	sl, pl := split(start), split(p)
	i := 0
	for i < len(sl) && i < len(pl) && sl[i] == pl[i] {
		i++
	}
	var rel []string
	for k := i; k < len(sl); k++ {
		rel = append(rel, "..")
	}
	rel = append(rel, pl[i:]...)
	if len(rel) == 0 {
		return starlark.String("."), nil
	}
	return starlark.String(joinPath(rel...)), nil
}

func osListdir(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value = starlark.String(".")
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "path?", &v); err != nil {
		return nil, err
	}
	p, err := pyPath(v)
	if err != nil {
		return nil, err
	}
	l := lessonOf(th)
	rel, ok := l.rel(p)
	if !ok || !l.exists(p) {
		return nil, fmt.Errorf("FileNotFoundError: [Errno 2] No such file or directory: %s", session.Quote(p))
	}
	if !l.isDir(p) {
		return nil, fmt.Errorf("NotADirectoryError: [Errno 20] Not a directory: %s", session.Quote(p))
	}
	names, _ := l.list(rel)
	out := make([]string, len(names))
	for i, n := range names {
		_, out[i] = splitPath(n)
	}
	sort.Strings(out)
	return session.StringList(out), nil
}

// lesson is the lesson folder as os and glob see it: the current
// directory of cells, reached through the host's file access.
type lesson struct {
	fs files.FS
	// dir is the folder on disk when the host reads a disk; empty in
	// the browser, whose lesson folder is the site's root, "/".
	dir string
}

func lessonOf(th *starlark.Thread) lesson {
	s := session.Of(th)
	if s == nil || s.Host() == nil {
		return lesson{}
	}
	l := lesson{fs: s.Host().FS()}
	if d, ok := l.fs.(files.Dir); ok {
		if abs, err := filepath.Abs(string(d)); err == nil {
			l.dir = filepath.ToSlash(abs)
		}
	}
	return l
}

// cwd is os.getcwd(): the lesson folder.
func (l lesson) cwd() string {
	if l.dir == "" {
		return "/"
	}
	return l.dir
}

// abs is os.path.abspath: relative paths are in the lesson folder.
func (l lesson) abs(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = joinPath(l.cwd(), p)
	}
	return normpath(p)
}

// rel is p relative to the lesson folder ("" for the folder itself);
// false when p is outside it.
func (l lesson) rel(p string) (string, bool) {
	a := l.abs(p)
	root := strings.TrimSuffix(l.cwd(), "/")
	switch {
	case a == l.cwd() || a == root:
		return "", true
	case strings.HasPrefix(a, root+"/"):
		return a[len(root)+1:], true
	}
	return "", false
}

// stat reports on a path inside the lesson folder: whether it exists
// and whether it is a folder. On disk it asks the file system; through
// the host's file access (the browser) it lists: a name a glob finds
// exists, and one with entries is a folder.
func (l lesson) stat(p string) (exists, dir bool) {
	rel, ok := l.rel(p)
	if !ok || l.fs == nil {
		return false, false
	}
	if rel == "" {
		return true, true
	}
	if l.dir != "" {
		st, err := os.Stat(filepath.Join(l.dir, filepath.FromSlash(rel)))
		return err == nil, err == nil && st.IsDir()
	}
	names, err := l.fs.Glob(globEscape(rel))
	if err != nil || len(names) == 0 {
		return false, false
	}
	entries, _ := l.list(rel)
	return true, len(entries) > 0
}

func (l lesson) exists(p string) bool { e, _ := l.stat(p); return e }
func (l lesson) isDir(p string) bool  { _, d := l.stat(p); return d }
func (l lesson) isFile(p string) bool { e, d := l.stat(p); return e && !d }

// list is the entries of folder rel ("" for the lesson folder), as
// paths relative to the lesson folder.
func (l lesson) list(rel string) ([]string, error) {
	if l.fs == nil {
		return nil, nil
	}
	pattern := "*"
	if rel != "" {
		pattern = globEscape(rel) + "/*"
	}
	return l.fs.Glob(pattern)
}

// sizer is a file access that knows file sizes (on disk, and over HTTP
// with HEAD requests).
type sizer interface {
	Size(name string) (int64, error)
}

func (l lesson) getsize(p string) (starlark.Value, error) {
	notFound := fmt.Errorf("FileNotFoundError: [Errno 2] No such file or directory: %s", session.Quote(p))
	rel, ok := l.rel(p)
	if !ok {
		return nil, notFound
	}
	if l.dir != "" {
		st, err := os.Stat(filepath.Join(l.dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, notFound
		}
		return starlark.MakeInt64(st.Size()), nil
	}
	s, ok := l.fs.(sizer)
	if !ok || !l.exists(p) {
		return nil, notFound
	}
	n, err := s.Size(rel)
	if err != nil {
		return nil, notFound
	}
	return starlark.MakeInt64(n), nil
}

// globEscape makes a path a glob pattern that matches only itself
// (with classes, as files.Clean turns backslashes into slashes).
func globEscape(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r == '*' || r == '?' || r == '[' {
			b.WriteString("[" + string(r) + "]")
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

package stdlib

import (
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

func globModule() *Module {
	return &Module{Name: "glob", Members: starlark.StringDict{
		"glob":   builtin("glob", glob),
		"iglob":  builtin("iglob", glob),
		"escape": builtin("escape", globEscapeBuiltin),
	}}
}

// glob is glob.glob(pathname, recursive=False) (and iglob): the matching
// files of the lesson's folder, sorted (Python's order is the file
// system's; sorted is what learners expect and what Dask's read_csv
// uses). With recursive, "**" matches any depth of folders; names
// starting with a dot match only a pattern part starting with one, as in
// Python.
func glob(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pattern starlark.Value
	var recursive, includeHidden bool
	var rootDir, dirFd starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "pathname", &pattern, "root_dir?", &rootDir, "dir_fd?", &dirFd, "recursive?", &recursive, "include_hidden?", &includeHidden); err != nil {
		return nil, err
	}
	p, err := pyPath(pattern)
	if err != nil {
		return nil, err
	}
	l := lessonOf(th)
	prefix := ""
	if rootDir != starlark.None {
		root, err := pyPath(rootDir)
		if err != nil {
			return nil, err
		}
		if !strings.HasPrefix(p, "/") {
			r, ok := l.rel(root)
			if !ok {
				return starlark.NewList(nil), nil
			}
			// Names come back relative to root_dir.
			if r != "" {
				prefix = r + "/"
				p = prefix + p
			}
		}
	}
	// An absolute pattern inside the lesson folder gives absolute
	// names.
	abs := ""
	if strings.HasPrefix(p, "/") {
		root := strings.TrimSuffix(l.cwd(), "/") + "/"
		if !strings.HasPrefix(p, root) {
			return starlark.NewList(nil), nil
		}
		abs, p = root, p[len(root):]
	}
	names := l.glob(p, recursive, includeHidden)
	sort.Strings(names)
	out := make([]starlark.Value, len(names))
	for i, n := range names {
		out[i] = starlark.String(abs + strings.TrimPrefix(n, prefix))
	}
	return starlark.NewList(out), nil
}

func hasMagic(s string) bool { return strings.ContainsAny(s, "*?[") }

// glob expands a pattern relative to the lesson folder. Runs of parts
// without "**" go to the host's file access as one pattern (so the
// browser asks the server once for data/nycflights/*.csv); "**" walks
// the folders below.
func (l lesson) glob(pattern string, recursive, hidden bool) []string {
	if l.fs == nil || pattern == "" {
		return nil
	}
	dirOnly := strings.HasSuffix(pattern, "/")
	parts := strings.Split(strings.TrimRight(pattern, "/"), "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(p, "[!", "[^") // fnmatch's negation
	}
	bases := []string{""}
	for i := 0; i < len(parts); {
		if recursive && parts[i] == "**" {
			last := i == len(parts)-1
			var next []string
			for _, base := range bases {
				if base != "" || !last {
					if last && base != "" {
						next = append(next, base+"/")
					} else {
						next = append(next, base)
					}
				}
				next = append(next, l.walk(base, !last || dirOnly, hidden)...)
			}
			bases = next
			i++
			if last && dirOnly {
				for k, b := range bases {
					if !strings.HasSuffix(b, "/") {
						bases[k] = b + "/"
					}
				}
				return bases
			}
			continue
		}
		j := i
		for j < len(parts) && !(recursive && parts[j] == "**") {
			j++
		}
		seg := parts[i:j]
		needDir := j < len(parts) || dirOnly
		var next []string
		for _, base := range bases {
			pat := strings.Join(seg, "/")
			if base != "" {
				pat = globEscape(strings.TrimSuffix(base, "/")) + "/" + pat
			}
			names, err := l.fs.Glob(pat)
			if err != nil {
				continue
			}
			for _, n := range names {
				comps := strings.Split(n, "/")
				comps = comps[len(comps)-len(seg):]
				ok := true
				for k, c := range comps {
					if !hidden && strings.HasPrefix(c, ".") && !strings.HasPrefix(seg[k], ".") {
						ok = false
					}
				}
				if ok && (!needDir || l.isDir(n)) {
					next = append(next, n)
				}
			}
		}
		bases = next
		i = j
	}
	if dirOnly {
		for k, b := range bases {
			bases[k] = b + "/"
		}
	}
	return bases
}

// walk lists everything below folder base (folders only with dirs),
// depth first, skipping hidden names unless hidden.
func (l lesson) walk(base string, dirs, hidden bool) []string {
	names, err := l.list(strings.TrimSuffix(base, "/"))
	if err != nil {
		return nil
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		_, tail := splitPath(n)
		if !hidden && strings.HasPrefix(tail, ".") {
			continue
		}
		isDir := l.isDir(n)
		if isDir || !dirs {
			out = append(out, n)
		}
		if isDir {
			out = append(out, l.walk(n, dirs, hidden)...)
		}
	}
	return out
}

// globEscapeBuiltin is glob.escape: special characters in brackets.
func globEscapeBuiltin(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	p, err := pyPath(v)
	if err != nil {
		return nil, err
	}
	return starlark.String(globEscape(p)), nil
}

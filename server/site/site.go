// Package site is Burst's HTTP handler: the built pages, the engine, the
// datasets (with Range requests), a file listing for read_csv globs, and
// the remote-cluster API under /api/cluster (served by Handler.Cluster), and
// the classes: /class/new and /api/class/… (served by Handler.Class).
//
// Every response carries the cross-origin isolation headers the page
// needs for SharedArrayBuffer; static assets are sent precompressed
// (brotli or gzip) when the browser accepts it.
package site

import (
	"encoding/json"
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"burst/engine/files"
)

// Handler serves Dist (the built site) and, under /data/, the files of
// Root/data.
type Handler struct {
	Dist string // the built site, dist/
	Root string // the folder holding data/
	// Cluster serves /api/cluster and below (package burst/server/cluster);
	// when nil, those requests say that no cluster is configured.
	Cluster http.Handler
	// NoCluster is what the cluster API says when Cluster is nil (a
	// default when empty): GET /api/cluster lists no clusters with it as
	// its message, and every other request is a 503 with it as the error.
	NoCluster string
	// Class serves /class/new and /api/class/… (package burst/server/class);
	// when nil, those paths are 404s that say the server has no classes.
	Class http.Handler
}

func init() {
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".js", "text/javascript; charset=utf-8")
	mime.AddExtensionType(".css", "text/css; charset=utf-8")
	mime.AddExtensionType(".map", "application/json")
	mime.AddExtensionType(".csv", "text/csv; charset=utf-8")
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	Isolate(w.Header())
	if msg := badPath(r); msg != "" {
		http.Error(w, msg, http.StatusBadRequest)
		return
	}
	if r.URL.Path == "/api/cluster" || strings.HasPrefix(r.URL.Path, "/api/cluster/") {
		h.cluster(w, r)
		return
	}
	if isClassPath(r.URL.Path) {
		if h.Class == nil {
			w.Header().Set("Cache-Control", "no-store")
			http.Error(w, "this server has no class server", http.StatusNotFound)
			return
		}
		h.Class.ServeHTTP(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		notAllowed(w)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	switch {
	case p == "/api/glob":
		serveGlob(w, r, h.glob)
	case p == "/"+IndexPath:
		h.index(w, r)
	case strings.HasPrefix(p, "/data/"):
		h.data(w, r, p)
	default:
		h.static(w, r, p)
	}
}

// isClassPath reports whether p is a path of the classes: /class/new, or
// under /api/class/.
func isClassPath(p string) bool {
	return p == "/class/new" || strings.HasPrefix(p, "/api/class/")
}

// badPath says why a request's path is refused, or "" when it is fine:
// a NUL, a backslash, an encoded slash or backslash, or a ".." segment
// (browsers resolve those before asking) has no business in a URL of
// Burst's, whatever file it would or would not reach.
func badPath(r *http.Request) string {
	p := r.URL.Path
	raw := strings.ToLower(r.URL.EscapedPath())
	switch {
	case strings.ContainsRune(p, 0):
		return "bad path: it holds a NUL byte"
	case strings.Contains(p, "\\"), strings.Contains(raw, "%5c"):
		return "bad path: it holds a backslash"
	case strings.Contains(raw, "%2f"):
		return "bad path: it holds an encoded slash"
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "bad path: it holds a \"..\" segment"
		}
	}
	return ""
}

// notAllowed answers a method other than GET or HEAD.
func notAllowed(w http.ResponseWriter) {
	w.Header().Set("Allow", "GET, HEAD")
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
}

// Isolate sets the headers every response of Burst carries: the
// cross-origin isolation the page needs for its workers' shared memory
// (COOP, COEP, CORP), and nosniff.
func Isolate(hd http.Header) {
	hd.Set("Cross-Origin-Opener-Policy", "same-origin")
	hd.Set("Cross-Origin-Embedder-Policy", "require-corp")
	hd.Set("Cross-Origin-Resource-Policy", "same-origin")
	hd.Set("X-Content-Type-Options", "nosniff")
}

// cluster passes the request to the cluster API, which takes POST and
// DELETE as well as GET.
func (h *Handler) cluster(w http.ResponseWriter, r *http.Request) {
	if h.Cluster != nil {
		h.Cluster.ServeHTTP(w, r)
		return
	}
	msg := h.NoCluster
	if msg == "" {
		msg = defaultNoCluster
	}
	noCluster(w, r, msg)
}

const defaultNoCluster = "RuntimeError: no Dask cluster is configured on this server: start the server with `go run ./server -cluster tcp://127.0.0.1:8786`"

// noCluster answers the cluster API when there is none: the listing is
// empty and says msg; any other request fails with it.
func noCluster(w http.ResponseWriter, r *http.Request, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if strings.TrimSuffix(r.URL.Path, "/") == "/api/cluster" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		json.NewEncoder(w).Encode(map[string]any{"clusters": []any{}, "default": "", "message": msg})
		return
	}
	w.WriteHeader(http.StatusServiceUnavailable)
	json.NewEncoder(w).Encode(map[string]string{"error": msg, "kind": "config"})
}

// index serves /data/index.json: the file itself when the folder has one,
// else the listing of the files on disk.
func (h *Handler) index(w http.ResponseWriter, r *http.Request) {
	if _, err := os.Stat(filepath.Join(h.Root, filepath.FromSlash(IndexPath))); err == nil {
		h.data(w, r, "/"+IndexPath)
		return
	}
	ix, err := ListData(h.Root)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(ix)
}

// serveGlob lists the data files matching ?pattern=, as JSON. The pattern
// is cleaned before its folder is checked, so "data/../*" is refused.
func serveGlob(w http.ResponseWriter, r *http.Request, glob func(pattern string) ([]string, error)) {
	pattern, err := files.Clean(r.URL.Query().Get("pattern"))
	if err != nil || !strings.HasPrefix(pattern, "data/") {
		http.Error(w, "only files under data/ can be listed", http.StatusBadRequest)
		return
	}
	names, err := glob(pattern)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if names == nil {
		names = []string{}
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(names)
}

// glob lists the files of root/data matching pattern (under data/, and
// clean): no dotfiles, and nothing reached through a link that leaves
// root/data.
func (h *Handler) glob(pattern string) ([]string, error) {
	names, err := files.Dir(h.Root).Glob(pattern)
	if err != nil {
		return nil, err
	}
	// Each name is looked up through an os.Root of root/data, which
	// refuses a link that leaves it (even one that comes back).
	data, err := os.OpenRoot(filepath.Join(h.Root, "data"))
	if err != nil {
		return []string{}, nil
	}
	defer data.Close()
	out := names[:0]
	for _, n := range names {
		rel, ok := strings.CutPrefix(n, "data/")
		if !ok || hidden(rel) {
			continue
		}
		if _, err := data.Stat(filepath.FromSlash(rel)); err != nil {
			continue
		}
		out = append(out, n)
	}
	return out, nil
}

// hidden reports whether a slash-separated name has a dotfile or dot
// folder in it.
func hidden(name string) bool {
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}

// openIn opens name (slash-separated, relative) inside dir through an
// os.Root: a symbolic link may point anywhere inside dir, never out of it.
// The status says why it failed: 404 when there is no such file, 403 when
// the name leaves dir (through a link) or cannot be read.
func openIn(dir, name string) (*os.File, os.FileInfo, int) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, http.StatusNotFound
	}
	defer root.Close()
	f, err := root.Open(filepath.FromSlash(name))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, http.StatusNotFound
		}
		return nil, nil, http.StatusForbidden
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		f.Close()
		return nil, nil, http.StatusNotFound
	}
	return f, st, 0
}

// fail answers a failed open with its status.
func fail(w http.ResponseWriter, r *http.Request, status int) {
	if status == http.StatusForbidden {
		http.Error(w, "forbidden: that name leads out of the served folder", status)
		return
	}
	http.NotFound(w, r)
}

// data serves a dataset file of root/data; http.ServeContent answers Range
// requests, so workers can read byte ranges of large files. Links inside
// root/data are followed; a link out of it is refused (403).
func (h *Handler) data(w http.ResponseWriter, r *http.Request, p string) {
	name, err := files.Clean(strings.TrimPrefix(p, "/"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rel, ok := strings.CutPrefix(name, "data/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	f, st, status := openIn(filepath.Join(h.Root, "data"), rel)
	if f == nil {
		fail(w, r, status)
		return
	}
	defer f.Close()
	// Not through the browser's disk cache: Chromium fetched the 200 MB of
	// flights 1.5× faster from this server than from its cache.
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// static serves a file of the built site, precompressed when possible.
// Links inside Dist are followed; a link out of it is refused (403).
func (h *Handler) static(w http.ResponseWriter, r *http.Request, p string) {
	if p == "/" {
		p = "/index.html"
	} else if path.Ext(p) == "" {
		p += ".html"
	}
	name := strings.TrimPrefix(p, "/")
	f, st, status := openIn(h.Dist, name)
	if f == nil {
		fail(w, r, status)
		return
	}
	defer f.Close()
	ctype := mime.TypeByExtension(path.Ext(p))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Add("Vary", "Accept-Encoding")
	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(accept, enc.name) {
			continue
		}
		cf, cst, _ := openIn(h.Dist, name+enc.ext)
		if cf == nil {
			continue
		}
		defer cf.Close()
		if cst.ModTime().Before(st.ModTime()) {
			continue
		}
		w.Header().Set("Content-Encoding", enc.name)
		// The ETag names the encoding so caches never mix representations.
		w.Header().Set("ETag", etag(st, enc.name))
		http.ServeContent(w, r, "", cst.ModTime(), cf)
		return
	}
	w.Header().Set("ETag", etag(st, "identity"))
	http.ServeContent(w, r, "", st.ModTime(), f)
}

func etag(st os.FileInfo, enc string) string {
	return `"` + strings.ReplaceAll(st.ModTime().UTC().Format("20060102T150405.000000000"), ".", "") + "-" + enc + `"`
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc
// (RFC 9110 §12.5.3): the coding's own entry decides, else "*"'s; a q of
// zero (q=0, q=0.0, q=0.000) refuses it, as does a q that is not a number.
func acceptsEncoding(header, enc string) bool {
	own, star := -1.0, -1.0
	for _, part := range strings.Split(header, ",") {
		f := strings.Split(part, ";")
		coding := strings.TrimSpace(f[0])
		q := 1.0
		for _, param := range f[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(param), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || x < 0 || x > 1 {
					x = 0
				}
				q = x
			}
		}
		switch {
		case strings.EqualFold(coding, enc):
			own = max(own, q)
		case coding == "*":
			star = max(star, q)
		}
	}
	if own >= 0 {
		return own > 0
	}
	return star > 0
}

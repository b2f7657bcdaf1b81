// Package site is Burst's HTTP handler: the built pages, the engine, the
// datasets (with Range requests), a file listing for read_csv globs, and
// the remote-cluster API under /api/cluster (served by Handler.Cluster).
//
// Every response carries the cross-origin isolation headers the page
// needs for SharedArrayBuffer; static assets are sent precompressed
// (brotli or gzip) when the browser accepts it.
package site

import (
	"encoding/json"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
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
	if r.URL.Path == "/api/cluster" || strings.HasPrefix(r.URL.Path, "/api/cluster/") {
		h.cluster(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	switch {
	case p == "/api/glob":
		serveGlob(w, r, files.Dir(h.Root).Glob)
	case p == "/"+IndexPath:
		h.index(w, r)
	case strings.HasPrefix(p, "/data/"):
		h.data(w, r, p)
	default:
		h.static(w, r, p)
	}
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
	noCluster(w, r, "RuntimeError: no Dask cluster is configured on this server: start the server with `go run ./server -cluster tcp://127.0.0.1:8786`")
}

// noCluster answers the cluster API when there is none: the listing is
// empty and says msg; any other request fails with it.
func noCluster(w http.ResponseWriter, r *http.Request, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if r.URL.Path == "/api/cluster" && r.Method == http.MethodGet {
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

// serveGlob lists the data files matching ?pattern=, as JSON.
func serveGlob(w http.ResponseWriter, r *http.Request, glob func(pattern string) ([]string, error)) {
	pattern := r.URL.Query().Get("pattern")
	if !strings.HasPrefix(pattern, "data/") {
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

// data serves a dataset file; http.ServeContent answers Range requests, so
// workers can read byte ranges of large files.
func (h *Handler) data(w http.ResponseWriter, r *http.Request, p string) {
	name, err := files.Clean(strings.TrimPrefix(p, "/"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f, err := os.Open(filepath.Join(h.Root, filepath.FromSlash(name)))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	// Not through the browser's disk cache: Chromium fetched the 200 MB of
	// flights 1.5× faster from this server than from its cache.
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// static serves a file of the built site, precompressed when possible.
func (h *Handler) static(w http.ResponseWriter, r *http.Request, p string) {
	if p == "/" {
		p = "/index.html"
	} else if path.Ext(p) == "" {
		p += ".html"
	}
	full := filepath.Join(h.Dist, filepath.FromSlash(p))
	st, err := os.Stat(full)
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
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
		cst, err := os.Stat(full + enc.ext)
		if err != nil || cst.ModTime().Before(st.ModTime()) {
			continue
		}
		f, err := os.Open(full + enc.ext)
		if err != nil {
			continue
		}
		defer f.Close()
		w.Header().Set("Content-Encoding", enc.name)
		// The ETag names the encoding so caches never mix representations.
		w.Header().Set("ETag", etag(st, enc.name))
		http.ServeContent(w, r, "", cst.ModTime(), f)
		return
	}
	f, err := os.Open(full)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	w.Header().Set("ETag", etag(st, "identity"))
	http.ServeContent(w, r, "", st.ModTime(), f)
}

func etag(st os.FileInfo, enc string) string {
	return `"` + strings.ReplaceAll(st.ModTime().UTC().Format("20060102T150405.000000000"), ".", "") + "-" + enc + `"`
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc.
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		f := strings.Split(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(f[0]), enc) {
			if len(f) > 1 && strings.ReplaceAll(strings.TrimSpace(f[1]), " ", "") == "q=0" {
				return false
			}
			return true
		}
	}
	return false
}

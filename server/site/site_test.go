package site

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func setup(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	root := t.TempDir()
	dist := filepath.Join(root, "dist")
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dist, "lessons"), 0o755))
	must(os.MkdirAll(filepath.Join(root, "data", "nycflights"), 0o755))
	must(os.WriteFile(filepath.Join(dist, "index.html"), []byte("<h1>index</h1>"), 0o644))
	must(os.WriteFile(filepath.Join(dist, "lessons", "00-overview.html"), []byte("<h1>overview</h1>"), 0o644))
	wasm := []byte("\x00asm fake module bytes")
	must(os.WriteFile(filepath.Join(dist, "burst.wasm"), wasm, 0o644))
	var gz strings.Builder
	zw := gzip.NewWriter(&gz)
	zw.Write(wasm)
	zw.Close()
	must(os.WriteFile(filepath.Join(dist, "burst.wasm.gz"), []byte(gz.String()), 0o644))
	must(os.WriteFile(filepath.Join(root, "data", "nycflights", "1990.csv"), []byte("a,b\n1,2\n3,4\n"), 0o644))
	must(os.WriteFile(filepath.Join(root, "data", "nycflights", "1991.csv"), []byte("a,b\n5,6\n"), 0o644))
	srv := httptest.NewServer(&Handler{Dist: dist, Root: root})
	t.Cleanup(srv.Close)
	return srv, root
}

func get(t *testing.T, url string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// Ask for raw bytes: the default transport would decompress gzip.
	tr := &http.Transport{DisableCompression: true}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestIsolationHeadersEverywhere(t *testing.T) {
	srv, _ := setup(t)
	for _, p := range []string{"/", "/lessons/00-overview.html", "/burst.wasm", "/data/nycflights/1990.csv", "/api/glob?pattern=data/*/*.csv", "/missing"} {
		resp, _ := get(t, srv.URL+p, nil)
		if resp.Header.Get("Cross-Origin-Opener-Policy") != "same-origin" || resp.Header.Get("Cross-Origin-Embedder-Policy") != "require-corp" {
			t.Errorf("%s: missing cross-origin isolation headers: %v", p, resp.Header)
		}
	}
}

func TestWasmTypeAndCompression(t *testing.T) {
	srv, _ := setup(t)
	resp, body := get(t, srv.URL+"/burst.wasm", map[string]string{"Accept-Encoding": "gzip, deflate"})
	if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
		t.Errorf("Content-Type = %q", ct)
	}
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("wasm not sent gzipped: %v", resp.Header)
	}
	zr, err := gzip.NewReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(zr)
	if string(raw) != "\x00asm fake module bytes" {
		t.Errorf("decompressed body = %q", raw)
	}
	resp, body = get(t, srv.URL+"/burst.wasm", nil)
	if resp.Header.Get("Content-Encoding") != "" || body != "\x00asm fake module bytes" {
		t.Errorf("identity request got encoding %q", resp.Header.Get("Content-Encoding"))
	}
}

func TestDataRange(t *testing.T) {
	srv, _ := setup(t)
	resp, body := get(t, srv.URL+"/data/nycflights/1990.csv", map[string]string{"Range": "bytes=4-6"})
	if resp.StatusCode != http.StatusPartialContent || body != "1,2" {
		t.Errorf("range: status %d body %q", resp.StatusCode, body)
	}
	if resp, _ := get(t, srv.URL+"/data/../dist/index.html", nil); resp.StatusCode == 200 {
		t.Error("path traversal out of data/ succeeded")
	}
	if resp, _ := get(t, srv.URL+"/data/nycflights/nope.csv", nil); resp.StatusCode != 404 {
		t.Errorf("missing file: %d", resp.StatusCode)
	}
}

func TestGlob(t *testing.T) {
	srv, _ := setup(t)
	resp, body := get(t, srv.URL+"/api/glob?pattern=data/nycflights/*.csv", nil)
	var names []string
	if err := json.Unmarshal([]byte(body), &names); err != nil || resp.StatusCode != 200 {
		t.Fatalf("glob: %d %q %v", resp.StatusCode, body, err)
	}
	if strings.Join(names, " ") != "data/nycflights/1990.csv data/nycflights/1991.csv" {
		t.Errorf("glob = %v", names)
	}
	for _, bad := range []string{"/etc/*", "../*", "dist/*"} {
		if resp, _ := get(t, srv.URL+"/api/glob?pattern="+bad, nil); resp.StatusCode != 400 {
			t.Errorf("glob %q: status %d, want 400", bad, resp.StatusCode)
		}
	}
}

func TestClusterRoutes(t *testing.T) {
	_, root := setup(t)
	// Without a cluster handler the API says how to configure one.
	srv := httptest.NewServer(&Handler{Dist: filepath.Join(root, "dist"), Root: root})
	defer srv.Close()
	resp, body := get(t, srv.URL+"/api/cluster", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "-cluster tcp://") || resp.Header.Get("Cross-Origin-Embedder-Policy") != "require-corp" {
		t.Errorf("GET /api/cluster: %d %s", resp.StatusCode, body)
	}
	r, err := http.Post(srv.URL+"/api/cluster/session", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("POST /api/cluster/session: %d", r.StatusCode)
	}
	// With one, every method under /api/cluster reaches it.
	var got []string
	h := &Handler{Dist: filepath.Join(root, "dist"), Root: root, Cluster: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Method+" "+r.URL.Path)
	})}
	srv2 := httptest.NewServer(h)
	defer srv2.Close()
	for _, m := range []string{"GET", "POST", "DELETE"} {
		req, _ := http.NewRequest(m, srv2.URL+"/api/cluster/session", nil)
		if r, err := http.DefaultClient.Do(req); err == nil {
			r.Body.Close()
		}
	}
	if strings.Join(got, ",") != "GET /api/cluster/session,POST /api/cluster/session,DELETE /api/cluster/session" {
		t.Errorf("the cluster handler saw %v", got)
	}
	if resp, _ := get(t, srv2.URL+"/api/clusterx", nil); resp.StatusCode != 404 {
		t.Errorf("/api/clusterx: %d", resp.StatusCode)
	}
}

func TestDataIndex(t *testing.T) {
	srv, _ := setup(t)
	resp, body := get(t, srv.URL+"/data/index.json", nil)
	var ix Index
	if err := json.Unmarshal([]byte(body), &ix); err != nil || resp.StatusCode != 200 {
		t.Fatalf("index: %d %q %v", resp.StatusCode, body, err)
	}
	want := []File{{"data/nycflights/1990.csv", 12}, {"data/nycflights/1991.csv", 8}}
	if len(ix.Files) != 2 || ix.Files[0] != want[0] || ix.Files[1] != want[1] {
		t.Errorf("index = %+v, want %+v", ix.Files, want)
	}
	// The index globs as the disk does: files and the folders that hold them.
	for pattern, want := range map[string]string{
		"data/nycflights/*.csv":    "data/nycflights/1990.csv data/nycflights/1991.csv",
		"data/*":                   "data/nycflights",
		"data/nycflights/199?.csv": "data/nycflights/1990.csv data/nycflights/1991.csv",
		"data/nycflights/[^0]*":    "data/nycflights/1990.csv data/nycflights/1991.csv",
		"data/*/1991.csv":          "data/nycflights/1991.csv",
		"data/x*":                  "",
	} {
		got, err := ix.Glob(pattern)
		if err != nil || strings.Join(got, " ") != want {
			t.Errorf("Glob(%q) = %v %v, want %q", pattern, got, err, want)
		}
		_, body := get(t, srv.URL+"/api/glob?pattern="+pattern, nil)
		var disk []string
		json.Unmarshal([]byte(body), &disk)
		if strings.Join(disk, " ") != want {
			t.Errorf("the disk globs %q as %v, the index as %v", pattern, disk, got)
		}
	}
	if _, err := ix.Glob("data/["); err == nil {
		t.Error("a bad pattern globbed")
	}
	if _, err := ix.Glob("../*"); err == nil {
		t.Error("a pattern outside the folder globbed")
	}
}

func TestEdgeHandler(t *testing.T) {
	_, root := setup(t)
	ix, err := ListData(root)
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		seen = append(seen, r.Method+" "+r.URL.RequestURI()+" "+string(b))
		w.Write([]byte("upstream"))
	}))
	defer up.Close()
	upURL, _ := url.Parse(up.URL)
	for _, e := range []*Edge{
		{Index: func(*http.Request) (Index, error) { return ix, nil }},
		{Index: func(*http.Request) (Index, error) { return ix, nil }, Upstream: upURL, Transport: http.DefaultTransport},
	} {
		srv := httptest.NewServer(e)
		resp, body := get(t, srv.URL+"/api/glob?pattern=data/nycflights/*.csv", nil)
		if resp.StatusCode != 200 || body != `["data/nycflights/1990.csv","data/nycflights/1991.csv"]`+"\n" || resp.Header.Get("Cross-Origin-Opener-Policy") != "same-origin" {
			t.Errorf("glob on the edge: %d %q %v", resp.StatusCode, body, resp.Header)
		}
		for path, loc := range map[string]string{"/": "/index.html", "/lessons/00-overview": "/lessons/00-overview.html"} {
			req, _ := http.NewRequest("GET", srv.URL+path, nil)
			resp, err := http.DefaultTransport.RoundTrip(req)
			if err != nil || resp.StatusCode != http.StatusTemporaryRedirect || resp.Header.Get("Location") != loc {
				t.Errorf("%s: %v %v", path, resp, err)
			}
		}
		resp, body = get(t, srv.URL+"/api/cluster?x=1", nil)
		if e.Upstream == nil {
			if !strings.Contains(body, "BURST_UPSTREAM") {
				t.Errorf("without an upstream: %s", body)
			}
		} else if body != "upstream" || strings.Join(seen, "|") != "GET /api/cluster?x=1 " {
			t.Errorf("through the upstream: %q, it saw %v", body, seen)
		}
		srv.Close()
	}
	// An upstream that does not answer is a clear error, not a hang.
	dead := &Edge{Index: func(*http.Request) (Index, error) { return ix, nil }, Upstream: &url.URL{Scheme: "http", Host: "127.0.0.1:1"}, Transport: http.DefaultTransport}
	srv := httptest.NewServer(dead)
	defer srv.Close()
	resp, body := get(t, srv.URL+"/api/cluster/session", nil)
	if resp.StatusCode != http.StatusBadGateway || !strings.Contains(body, "did not answer") {
		t.Errorf("dead upstream: %d %s", resp.StatusCode, body)
	}
}

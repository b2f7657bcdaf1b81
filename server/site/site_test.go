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
	"time"
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

// Issue 20, item 7: the pattern is cleaned before its folder is checked.
func TestGlobCleansBeforeChecking(t *testing.T) {
	srv, root := setup(t)
	os.MkdirAll(filepath.Join(root, ".git"), 0o755)
	os.WriteFile(filepath.Join(root, ".git", "config"), nil, 0o644)
	ix, _ := ListData(root)
	edge := httptest.NewServer(&Edge{Index: func(*http.Request) (Index, error) { return ix, nil }})
	defer edge.Close()
	for _, base := range []string{srv.URL, edge.URL} {
		for _, bad := range []string{"data/../*", "data/../.git/*", "data/nycflights/../../*", "data/*/../../*", `data\..\*`} {
			resp, body := get(t, base+"/api/glob?pattern="+url.QueryEscape(bad), nil)
			if resp.StatusCode != 400 || strings.Contains(body, "dist") || strings.Contains(body, ".git") {
				t.Errorf("%s glob %q: %d %q, want 400", base, bad, resp.StatusCode, body)
			}
		}
		// A pattern that stays in data/ after cleaning is fine.
		if resp, body := get(t, base+"/api/glob?pattern="+url.QueryEscape("data/x/../nycflights/*.csv"), nil); resp.StatusCode != 200 || !strings.Contains(body, "1990.csv") {
			t.Errorf("%s: a clean pattern: %d %q", base, resp.StatusCode, body)
		}
	}
}

// Issue 20, item 14: q=0 refuses an encoding, however it is written.
func TestAcceptsEncoding(t *testing.T) {
	for _, c := range []struct {
		header, enc string
		want        bool
	}{
		{"br", "br", true},
		{"gzip, deflate, br", "br", true},
		{"br;q=0", "br", false},
		{"br; q=0", "br", false},
		{"br;q=0.0", "br", false},
		{"br;q=0.000", "br", false},
		{"BR;Q=0", "br", false},
		{"gzip, br;q=0", "br", false},
		{"gzip, br;q=0", "gzip", true},
		{"br;q=0.5", "br", true},
		{"*", "br", true},
		{"*;q=0", "br", false},
		{"*;q=0", "gzip", false},
		{"br, *;q=0", "br", true},
		{"gzip;q=1, *;q=0", "br", false},
		{"*, br;q=0", "br", false},
		{"identity", "br", false},
		{"identity", "gzip", false},
		{"", "gzip", false},
		{"br;q=abc", "br", false},
	} {
		if got := acceptsEncoding(c.header, c.enc); got != c.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", c.header, c.enc, got, c.want)
		}
	}
}

// Issue 20, item 14: a 405 says which methods are allowed.
func TestMethodNotAllowedSaysAllow(t *testing.T) {
	srv, root := setup(t)
	ix, _ := ListData(root)
	edge := httptest.NewServer(&Edge{Index: func(*http.Request) (Index, error) { return ix, nil }})
	defer edge.Close()
	for _, u := range []string{srv.URL + "/index.html", srv.URL + "/data/nycflights/1990.csv", srv.URL + "/api/glob?pattern=data/*", edge.URL + "/api/glob?pattern=data/*"} {
		for _, m := range []string{"PUT", "POST", "DELETE", "OPTIONS", "TRACE"} {
			req, _ := http.NewRequest(m, u, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %d, Allow %q", m, u, resp.StatusCode, resp.Header.Get("Allow"))
			}
		}
	}
}

// Issue 20, item 14: without a cluster every route of the API but the
// listing is a 503 (server/cluster/README.md), with the message given.
func TestNoClusterRoutesAre503(t *testing.T) {
	_, root := setup(t)
	srv := httptest.NewServer(&Handler{Dist: filepath.Join(root, "dist"), Root: root, NoCluster: "RuntimeError: none here"})
	defer srv.Close()
	for _, c := range []struct{ method, path string }{
		{"POST", "/api/cluster/session"},
		{"DELETE", "/api/cluster/session?session=abc"},
		{"POST", "/api/cluster/plan"},
		{"GET", "/api/cluster/events?session=abc"},
	} {
		req, _ := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader("{}"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var e struct{ Error, Kind string }
		json.Unmarshal(b, &e)
		if resp.StatusCode != 503 || e.Kind != "config" || e.Error != "RuntimeError: none here" {
			t.Errorf("%s %s: %d %s", c.method, c.path, resp.StatusCode, b)
		}
	}
	for _, p := range []string{"/api/cluster", "/api/cluster/"} {
		resp, body := get(t, srv.URL+p, nil)
		if resp.StatusCode != 200 || !strings.Contains(body, `"message":"RuntimeError: none here"`) {
			t.Errorf("GET %s: %d %s", p, resp.StatusCode, body)
		}
	}
}

// Issue 20, item 10: links may point anywhere inside their root (dist/,
// data/), never out of it.
func TestSymlinksStayInTheirRoot(t *testing.T) {
	_, root := setup(t)
	dist, data := filepath.Join(root, "dist"), filepath.Join(root, "data")
	os.WriteFile(filepath.Join(root, "secret.txt"), []byte("SECRET"), 0o644)
	for _, l := range [][2]string{
		{filepath.Join(root, "secret.txt"), filepath.Join(dist, "out.html")},
		{"../secret.txt", filepath.Join(dist, "out2.html")},
		{root, filepath.Join(dist, "outdir")},
		{"index.html", filepath.Join(dist, "in.html")},
		{filepath.Join(root, "secret.txt"), filepath.Join(data, "out.csv")},
		{"../../secret.txt", filepath.Join(data, "nycflights", "out.csv")},
		{root, filepath.Join(data, "outdir")},
		{"nycflights/1991.csv", filepath.Join(data, "in.csv")},
		{"nycflights", filepath.Join(data, "indir")},
	} {
		if err := os.Symlink(l[0], l[1]); err != nil {
			t.Fatal(err)
		}
	}
	h := &Handler{Dist: dist, Root: root}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for p, want := range map[string]int{
		"/out.html":                 403,
		"/out2.html":                403,
		"/outdir/secret.txt":        403,
		"/in.html":                  200,
		"/data/out.csv":             403,
		"/data/nycflights/out.csv":  403,
		"/data/outdir/secret.txt":   403,
		"/data/in.csv":              200,
		"/data/indir/1990.csv":      200,
		"/data/outdir/dist/in.html": 403,
		"/data/outdir/data/in.csv":  403,
	} {
		resp, body := get(t, srv.URL+p, nil)
		if resp.StatusCode != want || strings.Contains(body, "SECRET") {
			t.Errorf("%s: %d %q, want %d", p, resp.StatusCode, body, want)
		}
	}
	// The listing and the index show nothing through links out either.
	for _, p := range []string{"/api/glob?pattern=data/*", "/api/glob?pattern=data/outdir/*", "/api/glob?pattern=data/*/*", "/data/index.json"} {
		_, body := get(t, srv.URL+p, nil)
		if strings.Contains(body, "secret") || strings.Contains(body, "out") {
			t.Errorf("%s lists a link out: %s", p, body)
		}
	}
}

// Issue 20: NUL bytes, backslashes, encoded slashes and ".." segments are
// a 400, on the Go server and the edge alike.
func TestBadPaths(t *testing.T) {
	srv, root := setup(t)
	ix, _ := ListData(root)
	edge := httptest.NewServer(&Edge{Index: func(*http.Request) (Index, error) { return ix, nil }})
	defer edge.Close()
	for _, base := range []string{srv.URL, edge.URL} {
		for _, p := range []string{"/index.html%00", "/data/nycflights/1990.csv%00.txt", "/data/nycflights%2f1990.csv", "/data%2F..%2Fdist%2Findex.html", "/data/..%5cdist%5cindex.html", "/data/%2e%2e/dist/index.html", "/api/glob%00?pattern=data/*"} {
			req, _ := http.NewRequest("GET", base+p, nil)
			resp, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 400 {
				t.Errorf("%s%s: %d, want 400", base, p, resp.StatusCode)
			}
		}
	}
}

// Issue 20: the data index lists neither dotfiles nor what dot folders
// hold, nor anything through links.
func TestDataIndexSkipsDotsAndLinks(t *testing.T) {
	_, root := setup(t)
	data := filepath.Join(root, "data")
	os.MkdirAll(filepath.Join(data, ".git", "objects"), 0o755)
	os.WriteFile(filepath.Join(data, ".git", "objects", "x"), nil, 0o644)
	os.WriteFile(filepath.Join(data, ".env"), nil, 0o644)
	os.Symlink(root, filepath.Join(data, "up"))
	os.Symlink("/etc/hostname", filepath.Join(data, "host.csv"))
	ix, err := ListData(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(ix.Files) != 2 {
		t.Errorf("index = %+v, want the two csv files", ix.Files)
	}
}

// Issue 20, item 9: the server's limits are set.
func TestNewServerLimits(t *testing.T) {
	s := NewServer(http.NotFoundHandler(), DefaultLimits)
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= 0 || s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 {
		t.Errorf("a limit is missing: %+v", s)
	}
	// A plan may run 10 minutes before it answers.
	if s.ReadTimeout < 10*time.Minute || s.WriteTimeout < 10*time.Minute {
		t.Errorf("read %v / write %v: shorter than a plan's 10 minutes", s.ReadTimeout, s.WriteTimeout)
	}
}

package site

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hostileSite is setup's site plus what an attacker would aim at: files
// outside dist/ and data/, links out of them (and links that stay inside,
// which work), dotfiles and a dot folder in data/.
func hostileSite(t *testing.T) (*Handler, string) {
	t.Helper()
	_, root := setup(t)
	dist, data := filepath.Join(root, "dist"), filepath.Join(root, "data")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(root, "secret.html"), []byte("SECRET"), 0o644))
	must(os.WriteFile(filepath.Join(root, "secret.csv"), []byte("SECRET"), 0o644))
	must(os.MkdirAll(filepath.Join(root, ".git"), 0o755))
	must(os.WriteFile(filepath.Join(root, ".git", "config"), []byte("SECRET"), 0o644))
	must(os.Symlink(filepath.Join(root, "secret.html"), filepath.Join(dist, "escape.html")))
	must(os.Symlink("index.html", filepath.Join(dist, "inside.html")))
	must(os.Symlink(filepath.Join(root, "secret.csv"), filepath.Join(data, "nycflights", "leak.csv")))
	must(os.Symlink("../../secret.csv", filepath.Join(data, "nycflights", "leak2.csv")))
	must(os.Symlink(root, filepath.Join(data, "outdir")))
	must(os.Symlink("nycflights/1990.csv", filepath.Join(data, "inlink.csv")))
	must(os.MkdirAll(filepath.Join(data, ".hidden"), 0o755))
	must(os.WriteFile(filepath.Join(data, ".hidden", "x.csv"), []byte("SECRET"), 0o644))
	must(os.WriteFile(filepath.Join(data, ".dot.csv"), []byte("SECRET"), 0o644))
	return &Handler{Dist: dist, Root: root}, root
}

// serveReal serves h as `go run ./server` does: site.NewServer with l.
func serveReal(t *testing.T, h http.Handler, l Limits) *httptest.Server {
	t.Helper()
	ts := httptest.NewUnstartedServer(h)
	ts.Config = NewServer(h, l)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

// rawRequest writes req as it is on a new connection and reads one
// response (nil when the server closed the connection without one).
func rawRequest(t *testing.T, addr, req string) (*http.Response, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, req); err != nil {
		return nil, ""
	}
	method, _, _ := strings.Cut(req, " ")
	resp, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: method})
	if err != nil {
		return nil, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// hostileCase is one raw request and what the server must answer.
type hostileCase struct {
	name   string
	req    string // raw; "\n" is sent as "\r\n" and the headers' end is added
	status int
	check  func(h http.Header, body string) string // "" when fine
}

func lacks(words ...string) func(http.Header, string) string {
	return func(_ http.Header, body string) string {
		for _, w := range words {
			if strings.Contains(body, w) {
				return fmt.Sprintf("the body shows %q: %.200s", w, body)
			}
		}
		return ""
	}
}

func header(k, want string) func(http.Header, string) string {
	return func(h http.Header, _ string) string {
		if got := h.Get(k); got != want {
			return fmt.Sprintf("%s = %q, want %q", k, got, want)
		}
		return ""
	}
}

func hostileCases() []hostileCase {
	m := func(method, target string, headers ...string) string {
		s := method + " " + target + " HTTP/1.1\nHost: burst.test\n"
		for _, h := range headers {
			s += h + "\n"
		}
		return s
	}
	g := func(target string, headers ...string) string { return m("GET", target, headers...) }
	manyRanges := make([]string, 300)
	for i := range manyRanges {
		manyRanges[i] = fmt.Sprintf("%d-%d", i%12, i%12)
	}
	manyHeaders := make([]string, 3000)
	for i := range manyHeaders {
		manyHeaders[i] = fmt.Sprintf("X-H%d: %s", i, strings.Repeat("v", 20))
	}
	noSecret := lacks("SECRET", "goroutine", "panic")
	return []hostileCase{
		// Sanity.
		{"plain", g("/index.html"), 200, nil},
		{"root", g("/"), 200, nil},
		{"page without .html", g("/lessons/00-overview"), 200, nil},
		// Path escapes.
		{"dot-dot", g("/../../etc/passwd"), 400, noSecret},
		{"dot-dot into data", g("/data/../../secret.csv"), 400, noSecret},
		{"dot-dot out of data", g("/data/../dist/index.html"), 400, nil},
		{"encoded dot-dot", g("/%2e%2e/%2e%2e/etc/passwd"), 400, noSecret},
		{"encoded dot-dot in data", g("/data/%2e%2e/secret.csv"), 400, noSecret},
		{"mixed-case encoded dot-dot", g("/data/%2E%2e/%2e%2E/secret.csv"), 400, noSecret},
		{"encoded slash", g("/data/nycflights%2f1990.csv"), 400, nil},
		{"encoded slash escape", g("/data%2f..%2f..%2fsecret.csv"), 400, noSecret},
		{"encoded upper-case slash", g("/data%2F..%2Fsecret.csv"), 400, noSecret},
		{"backslashes", g(`/data/..\..\secret.csv`), 400, noSecret},
		{"encoded backslashes", g("/data/..%5c..%5csecret.csv"), 400, noSecret},
		{"double slash", g("//etc/passwd"), 404, noSecret},
		{"dot folder at the root", g("/.git/config"), 404, noSecret},
		// NUL bytes.
		{"NUL in a page", g("/index.html%00.png"), 400, nil},
		{"NUL in a dataset", g("/data/nycflights/1990.csv%00"), 400, nil},
		{"NUL in the middle", g("/data/%00/../secret.csv"), 400, noSecret},
		{"bad escape", g("/data/%zz"), 400, nil},
		{"invalid UTF-8", g("/%ff%fe"), 404, nil},
		// Symbolic links: inside their root they work; out of it, 403.
		{"link out of dist", g("/escape.html"), 403, noSecret},
		{"link out of dist, no .html", g("/escape"), 403, noSecret},
		{"link inside dist", g("/inside.html"), 200, nil},
		{"link out of data (absolute)", g("/data/nycflights/leak.csv"), 403, noSecret},
		{"link out of data (relative)", g("/data/nycflights/leak2.csv"), 403, noSecret},
		{"folder link out of data", g("/data/outdir/secret.csv"), 403, noSecret},
		{"folder link out of data to .git", g("/data/outdir/.git/config"), 403, noSecret},
		{"link inside data", g("/data/inlink.csv"), 200, nil},
		// Ranges.
		{"range", g("/data/nycflights/1990.csv", "Range: bytes=4-6"), 206, nil},
		{"range past the end", g("/data/nycflights/1990.csv", "Range: bytes=999999999-"), 416, nil},
		{"range backwards", g("/data/nycflights/1990.csv", "Range: bytes=5-1"), 416, nil},
		{"range garbage", g("/data/nycflights/1990.csv", "Range: bytes=abc"), 416, nil},
		{"range of another unit", g("/data/nycflights/1990.csv", "Range: lines=1-2"), 416, nil},
		{"range overflowing int64", g("/data/nycflights/1990.csv", "Range: bytes=0-99999999999999999999999"), 416, nil},
		{"range negative", g("/data/nycflights/1990.csv", "Range: bytes=-5-3"), 416, nil},
		{"300 overlapping ranges", g("/data/nycflights/1990.csv", "Range: bytes="+strings.Join(manyRanges, ",")), 200, nil},
		{"range on a page", g("/index.html", "Range: bytes=0-3"), 206, nil},
		{"HEAD of a dataset", m("HEAD", "/data/nycflights/1990.csv"), 200, header("Content-Length", "12")},
		{"HEAD with a range", m("HEAD", "/data/nycflights/1990.csv", "Range: bytes=0-4"), 206, header("Content-Length", "5")},
		// Methods.
		{"PUT", m("PUT", "/index.html", "Content-Length: 3\n\nabc"), 405, header("Allow", "GET, HEAD")},
		{"POST", m("POST", "/data/nycflights/1990.csv", "Content-Length: 0"), 405, header("Allow", "GET, HEAD")},
		{"DELETE", m("DELETE", "/data/nycflights/1990.csv"), 405, header("Allow", "GET, HEAD")},
		{"TRACE", m("TRACE", "/"), 405, header("Allow", "GET, HEAD")},
		{"OPTIONS", m("OPTIONS", "/index.html"), 405, header("Allow", "GET, HEAD")},
		{"OPTIONS *", m("OPTIONS", "*"), 200, nil},
		{"PATCH on the glob", m("PATCH", "/api/glob?pattern=data/*"), 405, header("Allow", "GET, HEAD")},
		{"CONNECT", "CONNECT evil.example:443 HTTP/1.1\nHost: evil.example:443\n", 405, nil},
		{"bad method", m("G@T", "/index.html"), 400, nil},
		// The file listing.
		{"glob", g("/api/glob?pattern=data/nycflights/*.csv"), 200, nil},
		{"glob up and out", g("/api/glob?pattern=data/../*"), 400, noSecret},
		{"glob up into .git", g("/api/glob?pattern=data/../.git/*"), 400, noSecret},
		{"glob up, encoded", g("/api/glob?pattern=data%2f%2e%2e%2f*"), 400, noSecret},
		{"glob through a folder wildcard", g("/api/glob?pattern=data/*/../../*"), 400, noSecret},
		{"glob with backslashes", g(`/api/glob?pattern=data\..\*`), 400, noSecret},
		{"glob absolute", g("/api/glob?pattern=/etc/*"), 400, nil},
		{"glob outside data", g("/api/glob?pattern=dist/*"), 400, nil},
		{"glob without a pattern", g("/api/glob"), 400, nil},
		{"glob bad pattern", g("/api/glob?pattern=data/["), 400, nil},
		{"glob through a link out", g("/api/glob?pattern=data/outdir/*"), 200, lacks("secret", ".git")},
		{"glob of data", g("/api/glob?pattern=data/*"), 200, lacks("outdir", ".hidden", ".dot")},
		{"glob of dotfiles", g("/api/glob?pattern=data/.*"), 200, lacks("hidden", "dot")},
		{"glob into a dot folder", g("/api/glob?pattern=data/.hidden/*"), 200, lacks("x.csv")},
		{"glob of links out", g("/api/glob?pattern=data/nycflights/*"), 200, lacks("leak")},
		{"data index", g("/data/index.json"), 200, lacks("leak", "outdir", "hidden", ".dot", "secret")},
		// Request lines and headers.
		{"absolute URI", "GET http://evil.example/index.html HTTP/1.1\nHost: burst.test\n", 200, nil},
		{"absolute URI escaping", "GET http://evil.example/../../secret.csv HTTP/1.1\nHost: burst.test\n", 400, noSecret},
		{"Host of another site", "GET /index.html HTTP/1.1\nHost: evil.example\n", 200, nil},
		{"no Host", "GET /index.html HTTP/1.1\n", 400, nil},
		{"two Hosts", "GET /index.html HTTP/1.1\nHost: a.test\nHost: b.test\n", 400, nil},
		{"bad Host", "GET /index.html HTTP/1.1\nHost: a b/c\n", 400, nil},
		{"HTTP/1.0 without Host", "GET /index.html HTTP/1.0\n", 200, nil},
		{"HTTP/0.9", "GET /index.html\n", 400, nil},
		{"HTTP/9.9", "GET /index.html HTTP/9.9\nHost: burst.test\n", 505, nil},
		{"garbage request line", "GARBAGE\n", 400, nil},
		{"space in the path", g("/index .html"), 400, nil},
		{"huge header", g("/index.html", "X-Big: "+strings.Repeat("a", 100<<10)), 431, nil},
		{"3000 headers", g("/index.html", manyHeaders...), 431, nil},
		{"huge URL", g("/" + strings.Repeat("a", 100<<10)), 431, nil},
		{"header without a colon", g("/index.html", "NoColonHere"), 400, nil},
		{"negative Content-Length", g("/index.html", "Content-Length: -1"), 400, nil},
		{"Content-Length and chunked (chunked wins)", m("POST", "/index.html", "Content-Length: 3", "Transfer-Encoding: chunked\n\n3\nabc\n0\n"), 405, nil},
		{"Expect: 100-continue", g("/index.html", "Expect: 100-continue"), 200, nil},
		{"Accept-Encoding br;q=0", g("/burst.wasm", "Accept-Encoding: br;q=0"), 200, header("Content-Encoding", "")},
		{"Accept-Encoding *;q=0", g("/burst.wasm", "Accept-Encoding: *;q=0"), 200, header("Content-Encoding", "")},
		{"Accept-Encoding gzip;q=0.0", g("/burst.wasm", "Accept-Encoding: gzip;q=0.0"), 200, header("Content-Encoding", "")},
		// The cluster API, without -cluster.
		{"cluster listing", g("/api/cluster"), 200, nil},
		{"cluster session", m("POST", "/api/cluster/session", "Content-Type: application/json", "Content-Length: 2\n\n{}"), 503, nil},
		{"cluster plan", m("POST", "/api/cluster/plan", "Content-Type: application/json", "Content-Length: 2\n\n{}"), 503, nil},
		{"cluster events", g("/api/cluster/events?session=x"), 503, nil},
		{"cluster DELETE", m("DELETE", "/api/cluster/session?session=x"), 503, nil},
		{"cluster with a NUL", g("/api/cluster/%00"), 400, nil},
	}
}

// TestHostileRequests sends each hostile request, raw, to the real
// handler served with the real limits, checks the answer, and then that
// the server still answers a normal request.
func TestHostileRequests(t *testing.T) {
	h, _ := hostileSite(t)
	ts := serveReal(t, h, DefaultLimits)
	addr := ts.Listener.Addr().String()
	cases := hostileCases()
	if len(cases) < 30 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		req := strings.ReplaceAll(c.req, "\n", "\r\n")
		if !strings.Contains(req, "\r\n\r\n") {
			req += "\r\n"
		}
		resp, body := rawRequest(t, addr, req)
		switch {
		case resp == nil:
			t.Errorf("%s: no answer", c.name)
		case resp.StatusCode != c.status:
			t.Errorf("%s: status %d, want %d (%.200q)", c.name, resp.StatusCode, c.status, body)
		case c.check != nil:
			if msg := c.check(resp.Header, body); msg != "" {
				t.Errorf("%s: %s", c.name, msg)
			}
		}
		if strings.Contains(body, "goroutine ") {
			t.Errorf("%s: a Go stack trace: %.300s", c.name, body)
		}
		r, err := http.Get(ts.URL + "/index.html")
		if err != nil {
			t.Fatalf("after %s: %v", c.name, err)
		}
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if r.StatusCode != 200 || string(b) != "<h1>index</h1>" {
			t.Fatalf("after %s: /index.html is %d %q", c.name, r.StatusCode, b)
		}
	}
}

// TestSlowloris: a client that sends its headers a little at a time is
// cut off after ReadHeader, and the server answers others meanwhile.
func TestSlowloris(t *testing.T) {
	h, _ := hostileSite(t)
	l := DefaultLimits
	l.ReadHeader = 300 * time.Millisecond
	ts := serveReal(t, h, l)
	c, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	closed := make(chan time.Duration, 1)
	go func() {
		io.Copy(io.Discard, c) // returns when the server closes it
		closed <- time.Since(start)
	}()
	io.WriteString(c, "GET /index.html HTTP/1.1\r\nHost: burst.test\r\n")
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case d := <-closed:
			if d < 250*time.Millisecond || d > 2*time.Second {
				t.Errorf("the slow client was cut off after %v, want about 300ms", d)
			}
			r, err := http.Get(ts.URL + "/index.html")
			if err != nil || r.StatusCode != 200 {
				t.Fatalf("after the slow client: %v %v", r, err)
			}
			r.Body.Close()
			return
		case <-tick.C:
			if time.Since(start) > 5*time.Second {
				t.Fatal("the slow client still holds its connection after 5s")
			}
			fmt.Fprintf(c, "X-Slow-%d: a\r\n", i)
		}
	}
}

// TestLongHandlerExtendsDeadlines shows what the server's Read and Write
// limits mean for a handler that outlives them (the cluster API's event
// stream): net/http cancels its context when Read runs out, unless it
// extends its deadlines with http.ResponseController, as it must.
func TestLongHandlerExtendsDeadlines(t *testing.T) {
	l := DefaultLimits
	l.Read, l.Write = 200*time.Millisecond, 200*time.Millisecond
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("extend") != "" {
			rc := http.NewResponseController(w)
			rc.SetReadDeadline(time.Time{})
			rc.SetWriteDeadline(time.Now().Add(5 * time.Second))
		}
		for i := 0; i < 6; i++ {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
			fmt.Fprintf(w, "tick %d\n", i)
			w.(http.Flusher).Flush()
		}
		io.WriteString(w, "done\n")
	})
	ts := serveReal(t, h, l)
	for q, want := range map[string]bool{"?extend=1": true, "": false} {
		resp, err := http.Get(ts.URL + "/" + q)
		var b []byte
		if err == nil {
			b, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		if got := strings.Contains(string(b), "done"); got != want {
			t.Errorf("%q: finished %v, want %v (%q)", q, got, want, b)
		}
	}
}

package site

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"burst/server/class"
)

// The site passes /class/new and /api/class/… to Handler.Class, every
// method; without one they are 404s that say so.
func TestClassRoutes(t *testing.T) {
	_, root := setup(t)
	var got []string
	h := &Handler{Dist: filepath.Join(root, "dist"), Root: root, Class: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Method+" "+r.URL.Path)
	})}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, c := range []struct{ method, path string }{{"GET", "/class/new"}, {"POST", "/api/class/x/events"}, {"GET", "/api/class/x/stream"}} {
		req, _ := http.NewRequest(c.method, srv.URL+c.path, nil)
		if r, err := http.DefaultClient.Do(req); err == nil {
			r.Body.Close()
		}
	}
	if strings.Join(got, ",") != "GET /class/new,POST /api/class/x/events,GET /api/class/x/stream" {
		t.Errorf("the class handler saw %v", got)
	}
	if resp, _ := get(t, srv.URL+"/api/classx", nil); resp.StatusCode != 404 || len(got) != 3 {
		t.Errorf("/api/classx: %d, the class handler saw %v", resp.StatusCode, got)
	}
	none := httptest.NewServer(&Handler{Dist: filepath.Join(root, "dist"), Root: root})
	defer none.Close()
	for _, p := range []string{"/class/new", "/api/class/x/state"} {
		resp, body := get(t, none.URL+p, nil)
		if resp.StatusCode != 404 || !strings.Contains(body, "no class server") || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
			t.Errorf("%s without classes: %d %v %q", p, resp.StatusCode, resp.Header, body)
		}
	}
}

// The Edge passes /class/new and the class API to its upstream: a real
// Burst site with a class Store. The redirect comes back as it is (its
// relative Location then resolves against the deployment), the learner's
// events go through with their Authorization, and the instructor's
// stream is streamed, each message as it comes, not when the stream ends.
func TestEdgeProxiesClasses(t *testing.T) {
	_, root := setup(t)
	classes := class.New(class.Options{StreamInterval: time.Millisecond})
	up := httptest.NewServer(&Handler{Dist: filepath.Join(root, "dist"), Root: root, Class: classes})
	defer up.Close()
	defer classes.Close()
	upURL, _ := url.Parse(up.URL)
	ix, _ := ListData(root)
	edge := httptest.NewServer(&Edge{Index: func(*http.Request) (Index, error) { return ix, nil }, Upstream: upURL, Transport: http.DefaultTransport})
	defer edge.Close()

	req, _ := http.NewRequest("GET", edge.URL+"/class/new", nil)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	m := regexp.MustCompile(`^/class\.html#([\w-]{22,})\.([\w-]{22,})$`).FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("/class/new through the edge: %d %v", resp.StatusCode, resp.Header)
	}
	if v := resp.Header.Values("Cross-Origin-Opener-Policy"); len(v) != 1 {
		t.Errorf("COOP sent %d times: %v", len(v), v)
	}
	cls, teach := m[1], m[2]
	api := edge.URL + "/api/class/" + cls

	stream, err := http.Get(api + "/stream?key=" + teach)
	if err != nil || stream.StatusCode != 200 || stream.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("stream through the edge: %v %v", stream, err)
	}
	defer stream.Body.Close()
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stream.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				lines <- sc.Text()
			}
		}
		close(lines)
	}()
	wait := func(want string) {
		t.Helper()
		timeout := time.After(20 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("the stream ended before %q", want)
				}
				if strings.Contains(l, want) {
					return
				}
			case <-timeout:
				t.Fatalf("%q never came through the stream", want)
			}
		}
	}
	wait(`"learners":[]`)

	r, err := http.Post(api+"/join", "application/json", strings.NewReader(`{"name":"Ada"}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r.Body)
	r.Body.Close()
	key := regexp.MustCompile(`"key":"([\w-]+)"`).FindStringSubmatch(string(b))
	if r.StatusCode != 201 || key == nil {
		t.Fatalf("join through the edge: %d %s", r.StatusCode, b)
	}
	wait(`"name":"Ada"`)
	req, _ = http.NewRequest("POST", api+"/events", strings.NewReader(`{"kind":"pass","exercise":"overview"}`))
	req.Header.Set("Authorization", "Bearer "+key[1])
	r, err = http.DefaultClient.Do(req)
	if err != nil || r.StatusCode != 204 {
		t.Fatalf("event through the edge: %v %v", r, err)
	}
	r.Body.Close()
	wait(`"states":{"overview":"pass"}`)

	// Refusals come back as the upstream said them.
	resp, body := get(t, api+"/state", map[string]string{"Authorization": "Bearer " + key[1]})
	if resp.StatusCode != 403 || !strings.Contains(body, "only the instructor") {
		t.Errorf("state with a learner key through the edge: %d %s", resp.StatusCode, body)
	}
}

// An upstream that writes a message and then waits: the edge must hand
// the message on at once, not when the upstream's answer ends.
func TestEdgeStreamsClassEvents(t *testing.T) {
	release := make(chan struct{})
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "event: state\ndata: {\"first\":true}\n\n")
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer up.Close()
	defer close(release)
	upURL, _ := url.Parse(up.URL)
	edge := httptest.NewServer(&Edge{Upstream: upURL, Transport: http.DefaultTransport})
	defer edge.Close()
	resp, err := http.Get(edge.URL + "/api/class/c/stream?key=k")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				got <- sc.Text()
				return
			}
		}
	}()
	select {
	case l := <-got:
		if l != `data: {"first":true}` {
			t.Errorf("got %q", l)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the edge held the stream's first message back")
	}
}

// Without an upstream the class paths say what to configure; with one
// that does not answer, they say so.
func TestEdgeWithoutClassServer(t *testing.T) {
	edge := httptest.NewServer(&Edge{})
	defer edge.Close()
	for _, p := range []string{"/class/new", "/api/class/abc/state", "/api/class/abc/join"} {
		resp, body := get(t, edge.URL+p, nil)
		if resp.StatusCode != http.StatusServiceUnavailable || strings.TrimSpace(body) != NoClassUpstream ||
			!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") || resp.Header.Get("Cross-Origin-Opener-Policy") != "same-origin" {
			t.Errorf("%s: %d %v %q", p, resp.StatusCode, resp.Header, body)
		}
	}
	dead := httptest.NewServer(&Edge{Upstream: &url.URL{Scheme: "http", Host: "127.0.0.1:1"}, Transport: http.DefaultTransport})
	defer dead.Close()
	resp, body := get(t, dead.URL+"/api/class/abc/state", nil)
	if resp.StatusCode != http.StatusBadGateway || !strings.Contains(body, "class server (127.0.0.1:1) did not answer") || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Errorf("dead upstream: %d %v %s", resp.StatusCode, resp.Header, body)
	}
}

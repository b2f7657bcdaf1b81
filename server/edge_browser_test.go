package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"burst/server/class"
	"burst/server/site"
)

// TestEdge deploys Burst as `go run ./build deploy` writes it for
// Cloudflare Workers, serves the folder with workerd (wrangler dev, no
// network) on loopback, and checks it as a class would use it: lesson 00
// runs in Chromium with the same outputs as from the Go server, every
// response is cross-origin isolated, 300 learners load the page at once,
// and the cluster API reaches the upstream server the deployment names.
func TestEdge(t *testing.T) {
	requireChrome(t)
	root := flightsRoot(t, "small")
	tmp := t.TempDir()
	dist, out := filepath.Join(tmp, "dist"), filepath.Join(tmp, "deploy")

	// The upstream: a Burst server whose cluster API echoes what reaches it
	// and streams events slowly, to show the Worker passes both through.
	classes := class.New(class.Options{})
	t.Cleanup(classes.Close)
	upstream := serveHandler(t, &site.Handler{Dist: dist, Root: root, Cluster: http.HandlerFunc(fakeClusterAPI), Class: classes})

	deploy(t, out, "-dist", dist, "-data", root, "-checks=false")
	for _, f := range []string{"wrangler.jsonc", "assets/_headers", "assets/data/index.json", "assets/burst.wasm", "worker/app.wasm", "worker/worker.mjs", "worker/wasm_exec.js"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the deployment has no %s", f)
		}
	}
	edge := startWorkerd(t, out, "BURST_UPSTREAM:"+upstream)
	gosrv := serveSite(t, dist, root)

	t.Run("lesson00", func(t *testing.T) {
		want := lessonOutputs(t, gosrv, "00-overview")
		// Chromium reaches workerd through a proxy that records every
		// response, the workers' and the service worker's included.
		base, responses, stop := recordingProxy(t, edge)
		ctx := newBrowser(t, 5*time.Minute)
		got := runLesson(t, ctx, base, "00-overview")
		if len(got) != len(want) {
			t.Fatalf("lesson 00 from the Worker has %d cells, from the Go server %d", len(got), len(want))
		}
		for k := range want {
			if got[k] != want[k] {
				t.Errorf("cell %d from the Worker:\n%s\nfrom the Go server:\n%s", k+1, got[k], want[k])
			}
		}
		var kinds []string
		for _, r := range responses() {
			if r.coop != "same-origin" || r.coep != "require-corp" {
				t.Errorf("%s (%d) came without cross-origin isolation: COOP %q COEP %q", r.url, r.status, r.coop, r.coep)
			}
			kinds = append(kinds, r.url)
		}
		sort.Strings(kinds)
		t.Logf("%d responses, all with COOP and COEP: %s", len(kinds), strings.Join(kinds, " "))
		for _, need := range []string{"/burst.wasm", "/app.js", "/engine-worker.js", "/lessons/00-overview.html"} {
			if !containsPrefix(kinds, need) {
				t.Errorf("no response for %s was seen", need)
			}
		}
		if !containsPrefix(kinds, "/data/nycflights/") || !containsPrefix(kinds, "/api/glob") {
			t.Errorf("the workers' data requests were not seen: %v", kinds)
		}

		// Made available offline from the Worker, the lesson runs with
		// the deployment out of reach, as from the Go server.
		var saved struct{ Files, Bytes int }
		if err := chromedp.Run(ctx, chromedp.Evaluate(`window.burst.offline()`, &saved, awaitPromise)); err != nil {
			t.Fatalf("window.burst.offline() from the Worker: %v", err)
		}
		t.Logf("made available offline: %d more files, %d bytes", saved.Files, saved.Bytes)
		stop()
		// The first run's %load put the solution in the cell, kept as an
		// edit: start from the lesson's text again.
		if err := chromedp.Run(ctx, chromedp.Evaluate(`localStorage.clear()`, nil)); err != nil {
			t.Fatal(err)
		}
		off := runLesson(t, ctx, base, "00-overview")
		var network string
		chromedp.Run(ctx, chromedp.Evaluate(`document.body.dataset.network`, &network))
		for k := range want {
			if k < len(off) && off[k] != want[k] {
				t.Errorf("cell %d offline:\n%s\nfrom the Go server:\n%s", k+1, off[k], want[k])
			}
		}
		if len(off) != len(want) || network != "offline" {
			t.Errorf("offline: %d cells (want %d), the page says the network is %q", len(off), len(want), network)
		}
	})

	t.Run("class", func(t *testing.T) {
		// A class through the Worker: /class/new, a learner's join and
		// event, and the instructor's state and live stream all reach the
		// upstream's class server and come back.
		noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := noRedirect.Get(edge + "/class/new")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		loc := resp.Header.Get("Location")
		classTok, teach, ok := strings.Cut(strings.TrimPrefix(loc, "/class.html#"), ".")
		if resp.StatusCode != http.StatusSeeOther || !ok || len(classTok) < 22 || len(teach) < 22 {
			t.Fatalf("/class/new from the Worker: %d, Location %q", resp.StatusCode, loc)
		}
		post := func(path, key, body string) (int, string) {
			req, _ := http.NewRequest("POST", edge+path, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if key != "" {
				req.Header.Set("Authorization", "Bearer "+key)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(b)
		}
		code, body := post("/api/class/"+classTok+"/join", "", `{"name":"Ada"}`)
		var joined struct{ Learner, Key string }
		if json.Unmarshal([]byte(body), &joined); code != http.StatusCreated || joined.Key == "" {
			t.Fatalf("join through the Worker: %d %s", code, body)
		}
		if code, body := post("/api/class/"+classTok+"/events", joined.Key, `{"kind":"error","exercise":"overview","error":{"type":"ZeroDivisionError","line":"division by zero"}}`); code != http.StatusNoContent {
			t.Fatalf("an event through the Worker: %d %s", code, body)
		}
		if code, _ := post("/api/class/"+classTok+"/events", "forged", `{"kind":"pass","exercise":"overview"}`); code != http.StatusForbidden {
			t.Errorf("a forged key through the Worker: %d, want 403", code)
		}
		req, _ := http.NewRequest("GET", edge+"/api/class/"+classTok+"/stream?key="+teach, nil)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		resp, err = http.DefaultClient.Do(req.WithContext(ctx))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
			t.Fatalf("the stream through the Worker: %d %s", resp.StatusCode, ct)
		}
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if data, ok := strings.CutPrefix(line, "data: "); ok {
				var snap struct {
					Learners []struct {
						Name   string
						States map[string]string
					}
					Errors []struct {
						Type  string
						Count int
					}
				}
				if err := json.Unmarshal([]byte(data), &snap); err != nil {
					t.Fatal(err)
				}
				if len(snap.Learners) != 1 || snap.Learners[0].Name != "Ada" || snap.Learners[0].States["overview"] != "error" || len(snap.Errors) != 1 || snap.Errors[0].Count != 1 {
					t.Errorf("the class through the Worker: %s", data)
				}
				return
			}
		}
		t.Errorf("the stream through the Worker ended without a snapshot: %v", sc.Err())
	})

	t.Run("concurrent", func(t *testing.T) {
		// The wasm goes out uncompressed: workerd compresses static assets
		// on every request (0.5 s of CPU for the 25 MB wasm in brotli),
		// where Cloudflare's edge keeps compressed copies in its cache; 300
		// brotli answers would measure workerd's compressor on 2 cores. A
		// few show what one costs.
		for _, c := range []struct {
			path, enc string
			n         int
		}{
			{"/lessons/00-overview.html", "br, gzip", 300},
			{"/lessons/00-overview.html", "identity", 300},
			{"/burst.wasm", "identity", 300},
			{"/burst.wasm", "br, gzip", 4},
		} {
			lat, err := concurrentGets(edge+c.path, c.enc, c.n)
			if err != nil {
				t.Fatalf("%s: %v", c.path, err)
			}
			t.Logf("%d concurrent GET %s (Accept-Encoding: %s) from workerd: p50 %v p90 %v p99 %v max %v", c.n, c.path, c.enc,
				lat[len(lat)/2].Round(time.Millisecond), lat[len(lat)*9/10].Round(time.Millisecond), lat[len(lat)*99/100].Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
		}
	})

	t.Run("upstream", func(t *testing.T) {
		resp, err := http.Post(edge+"/api/cluster/session", "application/json", strings.NewReader(`{"plan": 1}`))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || string(b) != `POST /api/cluster/session {"plan": 1}` {
			t.Errorf("POST through the Worker: %d %q", resp.StatusCode, b)
		}
		if resp.Header.Get("Cross-Origin-Embedder-Policy") != "require-corp" {
			t.Errorf("the proxied answer has no COEP: %v", resp.Header)
		}
		// The events stream: the first event arrives before the last is sent.
		t0 := time.Now()
		resp, err = http.Get(edge + "/api/cluster/session/s1/events")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		br := bufio.NewReader(resp.Body)
		var first time.Duration
		var lines []string
		for {
			line, err := br.ReadString('\n')
			if strings.HasPrefix(line, "data:") {
				if first == 0 {
					first = time.Since(t0)
				}
				lines = append(lines, strings.TrimSpace(line))
			}
			if err != nil {
				break
			}
		}
		total := time.Since(t0)
		if strings.Join(lines, ",") != "data: 0,data: 1,data: 2" {
			t.Errorf("events through the Worker: %q", lines)
		}
		if first > total-400*time.Millisecond {
			t.Errorf("the events were not streamed: the first came after %v of %v", first, total)
		}
		t.Logf("events through the Worker: first after %v, all after %v", first, total)
	})

	t.Run("no-upstream", func(t *testing.T) {
		bare := startWorkerd(t, out)
		resp, err := http.Get(bare + "/api/cluster")
		if err != nil {
			t.Fatal(err)
		}
		var v struct{ Message string }
		json.NewDecoder(resp.Body).Decode(&v)
		resp.Body.Close()
		if v.Message != site.NoUpstream {
			t.Errorf("without an upstream the cluster API says %q", v.Message)
		}
		// The learner sees it in one line where they asked for a cluster.
		ctx := newBrowser(t, 2*time.Minute)
		code := "import burst\nfrom dask.distributed import Client\nclient = Client(burst.remote())"
		if err := chromedp.Run(ctx,
			chromedp.Navigate(bare+"/lessons/04-remote-cluster.html?workers=1"),
			chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		); err != nil {
			t.Fatal(err)
		}
		r := execute(t, ctx, code)
		var errs []string
		for _, o := range r.Outputs {
			if o.Type == "error" {
				errs = append(errs, o.EName+": "+o.EValue)
			}
		}
		if r.OK || len(errs) != 1 || errs[0] != site.NoUpstream {
			t.Errorf("Client(burst.remote()) on a deployment without an upstream: ok=%v %q, want %q", r.OK, errs, site.NoUpstream)
		}
	})
}

// deploy writes a deployment into out with go run ./build deploy and the
// flags given.
func deploy(t *testing.T, out string, flags ...string) {
	t.Helper()
	cmd := exec.Command("go", append([]string{"run", "./build", "deploy", "-out", out}, flags...)...)
	cmd.Dir = ".."
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run ./build deploy: %v\n%s", err, b)
	}
	t.Logf("%s", b)
}

// fakeClusterAPI stands in for the cluster API of the upstream server:
// it echoes a request's method, path and body, and streams three events
// 300 ms apart.
func fakeClusterAPI(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/events") {
		w.Header().Set("Content-Type", "text/event-stream")
		for i := range 3 {
			if i > 0 {
				time.Sleep(300 * time.Millisecond)
			}
			fmt.Fprintf(w, "data: %d\n\n", i)
			w.(http.Flusher).Flush()
		}
		return
	}
	b, _ := io.ReadAll(r.Body)
	fmt.Fprintf(w, "%s %s %s", r.Method, r.URL.Path, b)
}

// startWorkerd serves the deployment folder dir with wrangler dev (workerd)
// on a free loopback port, with no network, and returns its base URL.
// vars are NAME:VALUE overrides of the Worker's variables.
func startWorkerd(t *testing.T, dir string, vars ...string) string {
	t.Helper()
	return startWorkerdAt(t, dir, freePort(t), vars...)
}

// freePort returns a loopback port nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startWorkerdAt is startWorkerd on a given port.
func startWorkerdAt(t *testing.T, dir string, port int, vars ...string) string {
	t.Helper()
	bin, err := filepath.Abs(filepath.Join("edge", "node_modules", ".bin", "wrangler"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		npm := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		npm.Dir = "edge"
		if b, err := npm.CombinedOutput(); err != nil {
			t.Fatalf("installing wrangler (npm ci in server/edge): %v\n%s", err, b)
		}
	}
	args := []string{"dev", "--ip", "127.0.0.1", "--port", fmt.Sprint(port), "--inspector-port", "0", "--log-level", "warn"}
	for _, v := range vars {
		args = append(args, "--var", v)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CLOUDFLARE_CF_FETCH_ENABLED=false", "WRANGLER_SEND_METRICS=false",
		"WRANGLER_LOG_PATH="+filepath.Join(t.TempDir(), "wrangler.log"), "CI=true")
	log := &strings.Builder{}
	var mu sync.Mutex
	cmd.Stdout = lockedWriter{&mu, log}
	cmd.Stderr = lockedWriter{&mu, log}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		}
	})
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(90 * time.Second)
	for {
		resp, err := http.Get(base + "/index.html")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base
			}
		}
		if time.Now().After(deadline) {
			mu.Lock()
			defer mu.Unlock()
			t.Fatalf("workerd (wrangler dev) did not serve %s within 90s: %v\n%s", dir, err, log)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

type seenResponse struct {
	url        string
	status     int64
	coop, coep string
}

// lessonOutputs runs every cell of lesson name from base in a fresh
// Chromium with two workers and returns each cell's outputs as text (the
// MIME bundles' text/plain and text/html).
func lessonOutputs(t *testing.T, base, name string) []string {
	t.Helper()
	return runLesson(t, newBrowser(t, 5*time.Minute), base, name)
}

// runLesson is lessonOutputs in the browser of ctx.
func runLesson(t *testing.T, ctx context.Context, base, name string) []string {
	t.Helper()
	consoleErrors := watchConsole(ctx)
	var raw string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/"+name+".html?workers=2"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		chromedp.Evaluate(`(async () => {
			const out = [];
			for (let k = 0; k < window.burst.cellCount(); k++) {
				let err = "";
				await window.burst.runCell(k).catch(e => { err = String(e); });
				const texts = window.burst.outputs(k).map(o => {
					if (o.type === "error") return o.ename + ": " + o.evalue;
					const d = o.data || {};
					return (o.text ?? "") + (d["text/plain"] ?? "") + (d["text/html"] ?? "");
				});
				out.push(texts.join("\n---\n") + (err ? "\nraised: " + err : ""));
			}
			return JSON.stringify(out);
		})()`, &raw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	); err != nil {
		t.Fatalf("lesson %s from %s: %v", name, base, err)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors from %s: %v", base, errs)
	}
	var outs []string
	if err := json.Unmarshal([]byte(raw), &outs); err != nil {
		t.Fatal(err)
	}
	return outs
}

// recordingProxy serves target through a reverse proxy that records the
// URL path, status and isolation headers of every response, and returns
// its base URL, a function giving the responses so far, and one that
// stops the proxy.
func recordingProxy(t *testing.T, target string) (string, func() []seenResponse, func()) {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var seen []seenResponse
	proxy := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) { pr.SetURL(u) },
		ModifyResponse: func(r *http.Response) error {
			mu.Lock()
			seen = append(seen, seenResponse{r.Request.URL.RequestURI(), int64(r.StatusCode), r.Header.Get("Cross-Origin-Opener-Policy"), r.Header.Get("Cross-Origin-Embedder-Policy")})
			mu.Unlock()
			return nil
		},
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: proxy}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String(), func() []seenResponse {
			mu.Lock()
			defer mu.Unlock()
			return append([]seenResponse(nil), seen...)
		}, func() {
			srv.Close()
		}
}

func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// concurrentGets fetches url n times at once, as a browser would (brotli
// or gzip accepted), checks every answer is a whole 200, and returns the
// latencies, sorted.
func concurrentGets(url, encoding string, n int) ([]time.Duration, error) {
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: n, DisableCompression: true}, Timeout: 5 * time.Minute}
	lat := make([]time.Duration, n)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			t0 := time.Now()
			req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
			req.Header.Set("Accept-Encoding", encoding)
			resp, err := client.Do(req)
			if err != nil {
				errs <- err
				return
			}
			nb, err := io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			lat[i] = time.Since(t0)
			if err != nil || resp.StatusCode != 200 || nb == 0 {
				errs <- fmt.Errorf("request %d: status %d, %d bytes, %v", i, resp.StatusCode, nb, err)
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	var all []string
	for err := range errs {
		all = append(all, err.Error())
	}
	if len(all) > 0 {
		return nil, fmt.Errorf("%d of %d failed: %s", len(all), n, all[0])
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat, nil
}

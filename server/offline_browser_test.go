package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"burst/server/site"
)

// offlineServer serves a site on a loopback port of its own that can be
// switched to another build (a second deployment) or stopped (the
// network gone) while the browser stays.
type offlineServer struct {
	base    string
	handler atomic.Pointer[http.Handler]
	srv     *http.Server
}

func startOfflineServer(t *testing.T, dist, root string) *offlineServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &offlineServer{base: "http://" + ln.Addr().String()}
	s.use(dist, root)
	s.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		(*s.handler.Load()).ServeHTTP(w, r)
	})}
	go s.srv.Serve(ln)
	t.Cleanup(func() { s.srv.Close() })
	return s
}

// use serves dist from now on.
func (s *offlineServer) use(dist, root string) {
	var h http.Handler = &site.Handler{Dist: dist, Root: root}
	s.handler.Store(&h)
}

// stop closes the listener and every connection: requests fail as with
// no network.
func (s *offlineServer) stop(t *testing.T) {
	t.Helper()
	s.srv.Close()
	if _, err := http.Get(s.base + "/build.json"); err == nil {
		t.Fatal("the server still answers after it was stopped")
	}
}

// buildID reads dist/build.json's build id.
func buildID(t *testing.T, dist string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dist, "build.json"))
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		Build string `json:"build"`
	}
	if err := json.Unmarshal(b, &info); err != nil || info.Build == "" {
		t.Fatalf("dist/build.json: %v %s", err, b)
	}
	return info.Build
}

// waitFor polls the expression until it is true.
func waitFor(ctx context.Context, expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		if err := chromedp.Run(ctx, chromedp.Evaluate(expr, &ok, awaitPromise)); err != nil {
			return err
		}
		if ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("still false after %v: %s", timeout, expr)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// controlled is true once a service worker serves the page.
const controlled = `navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)`

var (
	// What differs from run to run: times, and the random keys of
	// delayed values (dask names them prefix-uuid).
	timingLine = regexp.MustCompile(`(CPU times|Wall time): .*|total time=\s*[0-9.]+\s*m?s|[0-9.]+ (ms|s|µs) ± [0-9.]+ (ms|s|µs) per loop.*`)
	randomKey  = regexp.MustCompile(`-[0-9a-f]{32}\b`)
)

// runLessonCells runs every cell of the open lesson in order (a %load cell
// again with its solution) and returns each cell's outputs as text:
// streams, text/plain results and errors, times masked.
func runLessonCells(t *testing.T, ctx context.Context) []string {
	t.Helper()
	var raw string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(async () => {
		const out = [];
		for (let k = 0; k < window.burst.cellCount(); k++) {
			let err = "";
			await window.burst.runCell(k).catch(e => { err = String(e); });
			if (window.burst.outputs(k).some(o => o.type === "set_next_input")) {
				err = "";
				await window.burst.runCell(k).catch(e => { err = String(e); });
			}
			const el = document.querySelector('[data-cell-index="' + k + '"]');
			if (err && !el.hasAttribute("data-raises")) return JSON.stringify({failed: k, err});
			out.push(window.burst.outputs(k).map(o => {
				if (o.type === "stream") return o.name + ": " + o.text;
				if (o.type === "error") return "error: " + o.ename + ": " + o.evalue;
				if (o.data && o.data["text/plain"] !== undefined) return o.type + ": " + o.data["text/plain"];
				return o.type;
			}).join("\n"));
		}
		return JSON.stringify({cells: out});
	})()`, &raw, awaitPromise)); err != nil {
		t.Fatal(err)
	}
	var res struct {
		Failed *int     `json:"failed"`
		Err    string   `json:"err"`
		Cells  []string `json:"cells"`
	}
	if err := json.Unmarshal([]byte(raw), &res); err != nil {
		t.Fatal(err)
	}
	if res.Failed != nil {
		t.Fatalf("cell %d failed: %s", *res.Failed, res.Err)
	}
	for i, c := range res.Cells {
		res.Cells[i] = randomKey.ReplaceAllString(timingLine.ReplaceAllString(c, "<time>"), "-<key>")
	}
	return res.Cells
}

func openLesson(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Run(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("%s: kernel did not become idle: %v", url, err)
	}
}

func screenshot(ctx context.Context, name string) {
	var png []byte
	if err := chromedp.Run(ctx, chromedp.CaptureScreenshot(&png)); err != nil {
		return
	}
	dir := os.Getenv("BURST_SCREENSHOTS")
	if dir == "" {
		dir = os.TempDir()
	}
	os.WriteFile(filepath.Join(dir, name), png, 0o644)
}

// TestOfflineLessons is issue 19's acceptance 2: visit the index and
// lesson 02 online, run lessons 00–02, click "Make available offline",
// stop the server, and run them again from the service worker's caches:
// same outputs, the learner's saved edit still there, no console error.
func TestOfflineLessons(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	build := buildID(t, dist)
	root := flightsRoot(t, "small")
	srv := startOfflineServer(t, dist, root)
	ctx := newBrowser(t, 15*time.Minute)
	consoleErrors := watchConsole(ctx)

	var pageBuild string
	if err := chromedp.Run(ctx,
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(srv.base+"/"),
		chromedp.WaitVisible(`[data-action="offline"]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.body.dataset.build`, &pageBuild),
	); err != nil {
		t.Fatal(err)
	}
	if pageBuild != build {
		t.Fatalf("the index says build %q, build.json %q", pageBuild, build)
	}
	if err := waitFor(ctx, controlled, time.Minute); err != nil {
		t.Fatalf("no service worker took the page: %v", err)
	}
	openLesson(t, ctx, srv.base+"/lessons/02-dataframe?workers=2")

	lessons := []string{"00-overview", "01-delayed", "02-dataframe", "03-machine-learning"}
	online := map[string][]string{}
	for _, l := range lessons {
		openLesson(t, ctx, srv.base+"/lessons/"+l+"?workers=2")
		t0 := time.Now()
		online[l] = runLessonCells(t, ctx)
		t.Logf("online: %s ran in %.1fs", l, time.Since(t0).Seconds())
	}
	// A learner's edit (kept in localStorage) must be there offline.
	const edit = "\n# my note, kept offline"
	var edited string
	openLesson(t, ctx, srv.base+"/lessons/01-delayed?workers=2")
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.burst.setCode(0, window.burst.code(0) + `+fmt.Sprintf("%q", edit)+`), window.burst.code(0)`, &edited),
	); err != nil {
		t.Fatal(err)
	}

	// Make available offline, by its button on the index.
	t0 := time.Now()
	var size string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(srv.base+"/"),
		chromedp.WaitVisible(`[data-offline][data-size]`, chromedp.ByQuery),
		chromedp.AttributeValue(`[data-offline]`, "data-size", &size, nil, chromedp.ByQuery),
		chromedp.Click(`[data-action="offline"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	screenshot(ctx, "offline-index-saving.png")
	if err := chromedp.Run(ctx, chromedp.WaitVisible(`[data-offline][data-state="done"]`, chromedp.ByQuery)); err != nil {
		var status string
		chromedp.Run(ctx, chromedp.Text(`[data-offline-status]`, &status, chromedp.ByQuery))
		t.Fatalf("Make available offline did not finish: %v (%s)", err, status)
	}
	t.Logf("Make available offline: %s bytes in %.1fs", size, time.Since(t0).Seconds())
	// window.burst.offline() resolves once all is saved (at once now).
	var res struct {
		Files int   `json:"files"`
		Bytes int64 `json:"bytes"`
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`window.burst.offline()`, &res, awaitPromise)); err != nil {
		t.Fatal(err)
	}
	if res.Files != 0 || fmt.Sprint(res.Bytes) != size {
		t.Errorf("window.burst.offline() after the button: %+v, want 0 files left of %s bytes", res, size)
	}
	screenshot(ctx, "offline-index-done.png")

	srv.stop(t)

	// The index, offline: it says so.
	if err := chromedp.Run(ctx, chromedp.Reload(), chromedp.WaitVisible(`[data-action="offline"]`, chromedp.ByQuery)); err != nil {
		t.Fatalf("the index does not open offline: %v", err)
	}
	if err := waitFor(ctx, `document.body.dataset.network === "offline" && !document.querySelector("[data-net-badge]").hidden`, 30*time.Second); err != nil {
		t.Errorf("the index does not say offline: %v", err)
	}
	for _, l := range lessons {
		openLesson(t, ctx, srv.base+"/lessons/"+l+"?workers=2")
		if l == "01-delayed" {
			var code string
			chromedp.Run(ctx, chromedp.Evaluate(`window.burst.code(0)`, &code))
			if code != edited {
				t.Errorf("offline, lesson 01's first cell is %q, the learner left %q", code, edited)
			}
		}
		t0 := time.Now()
		got := runLessonCells(t, ctx)
		t.Logf("offline: %s ran in %.1fs", l, time.Since(t0).Seconds())
		if len(got) != len(online[l]) {
			t.Errorf("%s: %d cells offline, %d online", l, len(got), len(online[l]))
			continue
		}
		for k := range got {
			if got[k] != online[l][k] {
				t.Errorf("%s cell %d offline:\n%s\nonline:\n%s", l, k, got[k], online[l][k])
			}
		}
		if l == "02-dataframe" {
			if err := waitFor(ctx, `document.body.dataset.network === "offline"`, 30*time.Second); err != nil {
				t.Errorf("the lesson does not say offline: %v", err)
			}
			screenshot(ctx, "offline-lesson.png")
		}
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// buildDistTagged builds the site like buildDist with -tag: the same
// sources as another build id (a second deployment).
func buildDistTagged(t *testing.T, tag string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command("go", "run", "./build", "site", "-out", out, "-tag", tag)
	cmd.Dir = ".."
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the site: %v\n%s", err, b)
	}
	return out
}

// builds reports the page's, the bundle's and the engine's build ids
// and the active service worker's.
type builds struct {
	Page, Bundle, Engine, Worker string
	Caches                       []string
}

func readBuilds(t *testing.T, ctx context.Context) builds {
	t.Helper()
	var b builds
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(async () => {
		const reg = await navigator.serviceWorker.ready;
		const worker = await new Promise((resolve) => {
			const ch = new MessageChannel();
			ch.port1.onmessage = (e) => resolve(e.data.build);
			reg.active.postMessage({type: "manifest"}, [ch.port2]);
			setTimeout(() => resolve(""), 5000);
		});
		return {
			Page: document.body.dataset.build,
			Bundle: window.burst.bundleBuild(),
			Engine: window.burst.engineBuild(),
			Worker: worker,
			Caches: (await caches.keys()).sort(),
		};
	})()`, &b, awaitPromise)); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestOfflineUpdate is issue 19's acceptance 3: a second deployment (the
// same sources built with another -tag: a new build id, so a changed
// bundle, engine and pages) is picked up on the next visit, never mixed
// with the first: page, bundle, engine and service worker report one
// build. A page still open from the first build that starts an engine of
// the second refuses to run it and says "update available".
func TestOfflineUpdate(t *testing.T) {
	requireChrome(t)
	distA := buildDist(t)
	distB := buildDistTagged(t, "second")
	a, b := buildID(t, distA), buildID(t, distB)
	if a == b {
		t.Fatal("-tag did not change the build id")
	}
	appA, _ := os.ReadFile(filepath.Join(distA, "app.js"))
	appB, _ := os.ReadFile(filepath.Join(distB, "app.js"))
	if string(appA) == string(appB) {
		t.Fatal("the second build's bundle is the same as the first's")
	}
	root := flightsRoot(t, "small")
	srv := startOfflineServer(t, distA, root)
	ctx := newBrowser(t, 5*time.Minute)
	consoleErrors := watchConsole(ctx)
	lesson := srv.base + "/lessons/00-overview?workers=1"

	openLesson(t, ctx, lesson)
	if err := waitFor(ctx, controlled, time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := readBuilds(t, ctx); got.Page != a || got.Bundle != a || got.Engine != a || got.Worker != a {
		t.Fatalf("first visit: %+v, want all %s", got, a)
	}

	// The second deployment. The next visit still gets all of A (from the
	// service worker's cache) and says an update is available, while B
	// installs.
	srv.use(distB, root)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(lesson),
		chromedp.WaitVisible(`body[data-kernel="idle"], body[data-kernel="dead"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	// B may take over while this page of A starts its engine: the
	// engine is then B's, and the kernel refuses to run.
	var state, status string
	chromedp.Run(ctx,
		chromedp.Evaluate(`document.body.dataset.kernel`, &state),
		chromedp.Text(`[data-kernel-status]`, &status, chromedp.ByQuery))
	if got := readBuilds(t, ctx); got.Page != a || got.Bundle != a {
		t.Fatalf("a visit during the update mixes the page and its bundle: %+v", got)
	} else if state == "idle" && got.Engine != a {
		t.Fatalf("a visit during the update runs a mixed engine: %+v", got)
	} else if state == "dead" && !strings.Contains(status, "update available") {
		t.Fatalf("the kernel died during the update: %s", status)
	} else {
		t.Logf("the visit during the update: page and bundle %s, engine %q, kernel %s (%s)", got.Page, got.Engine, state, status)
	}
	if err := waitFor(ctx, `document.body.dataset.update === "available" && !document.querySelector("[data-net-badge]").hidden`, time.Minute); err != nil {
		t.Fatalf("the page does not say that an update is available: %v", err)
	}
	if err := waitFor(ctx, fmt.Sprintf(`caches.keys().then(k => k.includes("burst-%s") && !k.includes("burst-%s"))`, b, a), 2*time.Minute); err != nil {
		t.Fatalf("build B was not installed: %v", err)
	}
	screenshot(ctx, "offline-update-available.png")
	// This page is A; a new engine now comes from B's cache: it must not
	// run with A's page (and says so as above when that happened during
	// the load).
	var dead string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.burst.restart()`, nil),
		chromedp.WaitVisible(`body[data-kernel="dead"]`, chromedp.ByQuery),
		chromedp.Text(`[data-kernel-status]`, &dead, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("an engine of B under a page of A: %v", err)
	}
	if !strings.Contains(dead, "update available") {
		t.Errorf("the kernel status says %q, want update available", dead)
	}

	// The next visit: all of B.
	openLesson(t, ctx, lesson)
	got := readBuilds(t, ctx)
	if got.Page != b || got.Bundle != b || got.Engine != b || got.Worker != b {
		t.Fatalf("the visit after the update: %+v, want all %s", got, b)
	}
	for _, c := range got.Caches {
		if c != "burst-"+b && c != "burst-data" {
			t.Errorf("an old cache is left: %s (caches %v)", c, got.Caches)
		}
	}
	var r struct {
		OK bool `json:"ok"`
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`window.burst.execute("1 + 1")`, &r, awaitPromise)); err != nil || !r.OK {
		t.Fatalf("a cell on the new build: %v %+v", err, r)
	}
	if err := waitFor(ctx, `document.body.dataset.network === "online" && document.body.dataset.update !== "available"`, 30*time.Second); err != nil {
		t.Error(err)
	}
	// Installable: the manifest parses, and Chromium finds nothing that
	// keeps the site from a home screen.
	if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		url, errs, data, _, err := cdppage.GetAppManifest().Do(ctx)
		if err != nil {
			return err
		}
		if url == "" || len(errs) > 0 || !strings.Contains(data, `"short_name": "Burst"`) {
			t.Errorf("the web app manifest at %q: errors %v, %s", url, errs, data)
		}
		inst, err := cdppage.GetInstallabilityErrors().Do(ctx)
		if err != nil {
			return err
		}
		for _, e := range inst {
			t.Errorf("not installable: %s %v", e.ErrorID, e.ErrorArguments)
		}
		return nil
	})); err != nil {
		t.Fatal(err)
	}
	var unexpected []string
	for _, e := range consoleErrors() {
		if !strings.Contains(e, "update available") { // the engine of B under A's page, on purpose
			unexpected = append(unexpected, e)
		}
	}
	if len(unexpected) > 0 {
		t.Errorf("console errors: %v", unexpected)
	}
}

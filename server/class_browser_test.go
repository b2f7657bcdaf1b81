package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"burst/server/class"
	"burst/server/site"
)

// courseExercises is the course's exercise list, as dist/exercises.json
// will give it, in course order.
var courseExercises = []class.Exercise{
	{ID: "overview", Lesson: "00-overview", Title: "Exercise: hello, cluster"},
	{ID: "delayed-1", Lesson: "01-delayed", Title: "Exercise 1: parallelize a for loop"},
	{ID: "delayed-2", Lesson: "01-delayed", Title: "Exercise 2: a for loop with control flow"},
	{ID: "delayed-3", Lesson: "01-delayed", Title: "Exercise 3: read files in parallel"},
	{ID: "schedulers-1", Lesson: "01-delayed", Title: "Exercise: schedulers"},
	{ID: "dataframe-1", Lesson: "02-dataframe", Title: "Exercise 1"},
	{ID: "dataframe-2", Lesson: "02-dataframe", Title: "Exercise 2"},
	{ID: "dataframe-3", Lesson: "02-dataframe", Title: "Exercise 3"},
	{ID: "dataframe-4", Lesson: "02-dataframe", Title: "Exercise 4"},
	{ID: "dataframe-5", Lesson: "02-dataframe", Title: "Exercise 5"},
	{ID: "ml-1", Lesson: "03-machine-learning", Title: "Exercise 1"},
	{ID: "ml-2", Lesson: "03-machine-learning", Title: "Exercise 2"},
	{ID: "remote-1", Lesson: "04-remote-cluster", Title: "Exercise"},
}

// serveClassSite serves dist and root's data with a class Store mounted,
// as `go run ./server` does, until the test ends. drop ends every open
// class stream, as a network that drops connections would; streams
// counts the streams opened so far.
func serveClassSite(t *testing.T, dist, root string) (base string, drop func(), streams func() int) {
	t.Helper()
	store := class.New(class.Options{Exercises: courseExercises})
	t.Cleanup(store.Close)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &site.Handler{Dist: dist, Root: root, Class: store}
	var mu sync.Mutex
	var cancels []context.CancelFunc
	opened := 0
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/stream") {
			ctx, cancel := context.WithCancel(r.Context())
			mu.Lock()
			cancels = append(cancels, cancel)
			opened++
			mu.Unlock()
			r = r.WithContext(ctx)
		}
		h.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	drop = func() {
		mu.Lock()
		defer mu.Unlock()
		for _, c := range cancels {
			c()
		}
		cancels = nil
	}
	streams = func() int {
		mu.Lock()
		defer mu.Unlock()
		return opened
	}
	return "http://" + ln.Addr().String(), drop, streams
}

// classModel is what the class must show after the events the test sent:
// the contract's rules (latest run wins; a stuck streak is about the
// current exercise and starts at its first run without ✓), kept by the
// order the events were sent in, which the server's clock follows.
type classModel struct {
	states  map[string]map[string]string // learner → exercise → state
	current map[string]string
	stuck   map[string]int // learner → seq of the streak's start; 0 when not stuck
	errors  map[[3]string]*errGroup
	seq     int
}

type errGroup struct {
	count    int
	learners map[string]bool
}

func newClassModel() *classModel {
	return &classModel{states: map[string]map[string]string{}, current: map[string]string{}, stuck: map[string]int{}, errors: map[[3]string]*errGroup{}}
}

func (m *classModel) run(learner, ex, kind, etype, eline string) {
	m.seq++
	st := map[string]string{"attempted": "attempted", "pass": "pass", "error": "error"}[kind]
	if m.states[learner] == nil {
		m.states[learner] = map[string]string{}
	}
	m.states[learner][ex] = st
	switch {
	case st == "pass":
		m.stuck[learner] = 0
	case ex != m.current[learner] || m.stuck[learner] == 0:
		m.stuck[learner] = m.seq
	}
	m.current[learner] = ex
	if kind == "error" {
		k := [3]string{etype, eline, ex}
		g := m.errors[k]
		if g == nil {
			g = &errGroup{learners: map[string]bool{}}
			m.errors[k] = g
		}
		g.count++
		g.learners[learner] = true
	}
}

// stuckOrder is the learners stuck, longest first, at most 20.
func (m *classModel) stuckOrder() []string {
	var ids []string
	for id, s := range m.stuck {
		if s > 0 {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return m.stuck[ids[i]] < m.stuck[ids[j]] })
	return ids[:min(len(ids), 20)]
}

type scriptLearner struct{ id, key, name string }

func joinClass(t *testing.T, base, token, name string) scriptLearner {
	t.Helper()
	b, _ := json.Marshal(map[string]string{"name": name})
	r, err := http.Post(base+"/api/class/"+token+"/join", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	var j struct{ Learner, Key string }
	if r.StatusCode != http.StatusCreated {
		t.Fatalf("join %q: %s", name, r.Status)
	}
	if err := json.NewDecoder(r.Body).Decode(&j); err != nil || j.Learner == "" || j.Key == "" {
		t.Fatalf("join %q: %v %+v", name, err, j)
	}
	return scriptLearner{j.Learner, j.Key, name}
}

func sendEvent(base, token string, l scriptLearner, ev map[string]any) error {
	b, _ := json.Marshal(ev)
	req, _ := http.NewRequest("POST", base+"/api/class/"+token+"/events", bytes.NewReader(b))
	req.Header.Set("Authorization", "Bearer "+l.key)
	req.Header.Set("Content-Type", "application/json")
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	r.Body.Close()
	if r.StatusCode != http.StatusNoContent {
		return fmt.Errorf("event %s for %s: %s", b, l.name, r.Status)
	}
	return nil
}

// newClass asks for a class as a browser does, and returns the
// instructor page's path (the 303's Location).
func newClass(t *testing.T, base string) string {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	r, err := c.Get(base + "/class/new")
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != http.StatusSeeOther {
		t.Fatalf("/class/new: %s", r.Status)
	}
	return r.Header.Get("Location")
}

// classPageHooks runs before a page's scripts: an alert records that it
// ran (a shared cell's <img onerror=alert(1)> must never get to run it).
// Until the lead's build marks exercise cells, the overview lesson's
// exercise cell is marked here, as the build will mark it, before the
// page's start() looks for [data-exercise]; with the build's mark in
// place this does nothing.
const classPageHooks = `
window.alert = (m) => { window.__alerted = String(m); };
document.addEventListener("DOMContentLoaded", () => {
  for (const el of document.querySelectorAll(".cell[data-cell-index]")) {
    if (!el.dataset.exercise && el.textContent.includes("%load solutions/overview.py")) el.dataset.exercise = "overview";
  }
});`

func addHooks(ctx context.Context) error {
	_, err := cdpage.AddScriptToEvaluateOnNewDocument(classPageHooks).Do(ctx)
	return err
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func classShot(t *testing.T, ctx context.Context, dir, name string, w, h int64) {
	t.Helper()
	var png []byte
	if err := chromedp.Run(ctx, chromedp.EmulateViewport(w, h), chromedp.Sleep(300*time.Millisecond), chromedp.CaptureScreenshot(&png)); err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Error(err)
	}
}

// TestClassInBrowser runs a class: the instructor's page from /class/new,
// 30 learners scripted over HTTP and 2 real learner pages that join
// through the index's form, and checks that the instructor's page shows
// every learner's state on every exercise, the common errors, the stuck
// learners in order and the shared cells, learner-typed text as text.
// Then a class of 200 learners: the grid has every cell.
func TestClassInBrowser(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	// The overview's check, so that a real learner's ✓ comes from the
	// page's own check.
	writeLessonChecks(t, root, "00-overview")
	base, dropStreams, streams := serveClassSite(t, dist, root)
	shots := os.Getenv("BURST_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	browser := newBrowser(t, 6*time.Minute)
	teacher, cancelTeacher := chromedp.NewContext(browser)
	defer cancelTeacher()
	teacherErrors := watchConsole(teacher)

	// The instructor starts a class.
	var learnerLink, hash string
	if err := chromedp.Run(teacher,
		chromedp.ActionFunc(addHooks),
		chromedp.EmulateViewport(1920, 1080),
		chromedp.Navigate(base+"/class/new"),
		chromedp.WaitVisible(`body[data-class-status="live"]`, chromedp.ByQuery),
		chromedp.Text(`[data-class-url]`, &learnerLink, chromedp.ByQuery),
		chromedp.Evaluate(`location.hash`, &hash),
	); err != nil {
		t.Fatalf("the instructor's page: %v (console: %v)", err, teacherErrors())
	}
	u, err := url.Parse(learnerLink)
	if err != nil || u.Scheme+"://"+u.Host != base || u.Path != "/" || u.Query().Get("class") == "" {
		t.Fatalf("the learner link is %q", learnerLink)
	}
	token := u.Query().Get("class")
	if !strings.HasPrefix(hash, "#"+token+".") {
		t.Fatalf("the instructor's page is at %s, the learner link names class %s", hash, token)
	}

	// 30 scripted learners: learner i passes the first i%6 exercises, then
	// on the next one attempts it (i%3 == 0), raises (i%3 == 1: always on
	// delayed-1, one of three errors at known counts) or passes (i%3 == 2).
	m := newClassModel()
	errs := [][2]string{
		{"ZeroDivisionError", "division by zero"},
		{"NameError", "name 'dff' is not defined"},
		{"TypeError", "unsupported operand type(s) for +: 'int' and 'str'"},
	}
	type step struct {
		learner int
		ev      map[string]any
	}
	learners := make([]scriptLearner, 30)
	plans := make([][]map[string]any, 30)
	run := func(ex, kind string) map[string]any { return map[string]any{"kind": kind, "exercise": ex} }
	raise := func(ex string, e [2]string) map[string]any {
		return map[string]any{"kind": "error", "exercise": ex, "error": map[string]string{"type": e[0], "line": e[1]}}
	}
	erring := 0
	for i := range learners {
		name := fmt.Sprintf("Learner %02d", i+1)
		if i == 7 {
			name = "<b>HTML</b>"
		}
		learners[i] = joinClass(t, base, token, name)
		p := i % 6
		if i%3 == 1 {
			p = 1
		}
		for k := 0; k < p; k++ {
			plans[i] = append(plans[i], run(courseExercises[k].ID, "pass"))
		}
		ex := courseExercises[p].ID
		switch {
		case i == 0 || i%3 == 2:
			plans[i] = append(plans[i], run(ex, "pass"))
		case i%3 == 0:
			plans[i] = append(plans[i], run(ex, "attempted"))
		default:
			// 5, 3 and 2 learners raise errors 0, 1 and 2; three of them
			// raise theirs twice (counts 7, 4, 2); the last one then runs
			// the cell without an error (still stuck, since its first).
			e := errs[0]
			if erring >= 8 {
				e = errs[2]
			} else if erring >= 5 {
				e = errs[1]
			}
			plans[i] = append(plans[i], raise(ex, e))
			if erring == 0 || erring == 1 || erring == 5 {
				plans[i] = append(plans[i], raise(ex, e))
			}
			if erring == 9 {
				plans[i] = append(plans[i], run(ex, "attempted"))
			}
			erring++
		}
		if i%5 == 0 {
			plans[i] = append(plans[i], map[string]any{"kind": "restart"})
		}
	}
	// Round robin over the learners, so that being stuck longest is not
	// the join order.
	var script []step
	for r := 0; ; r++ {
		n := len(script)
		for i := len(plans) - 1; i >= 0; i-- {
			if r < len(plans[i]) {
				script = append(script, step{i, plans[i][r]})
			}
		}
		if len(script) == n {
			break
		}
	}
	for _, s := range script {
		l := learners[s.learner]
		if err := sendEvent(base, token, l, s.ev); err != nil {
			t.Fatal(err)
		}
		if kind := s.ev["kind"].(string); kind != "restart" {
			var etype, eline string
			if e, ok := s.ev["error"].(map[string]string); ok {
				etype, eline = e["type"], e["line"]
			}
			m.run(l.id, s.ev["exercise"].(string), kind, etype, eline)
		}
		// Streaks that start in the same millisecond would tie.
		time.Sleep(3 * time.Millisecond)
	}
	hostileCode := "x = 1\n<img src=x onerror=alert(1)>\nprint(\"</pre><b>bold</b>\")"
	wantShared := map[string][2]string{} // learner → exercise, code
	for _, s := range []struct {
		i        int
		ex, code string
	}{{3, "overview", hostileCode}, {7, "delayed-1", "total = sum(range(10))\nprint(total)"}} {
		if err := sendEvent(base, token, learners[s.i], map[string]any{"kind": "share", "exercise": s.ex, "code": s.code}); err != nil {
			t.Fatal(err)
		}
		wantShared[learners[s.i].id] = [2]string{s.ex, s.code}
	}

	// Two learners in their own browsers (separate storage): they join
	// through the index's form and open the overview lesson from its list.
	type realLearner struct {
		ctx    context.Context
		id     string
		errors func() []string
	}
	join := func(name string) realLearner {
		t.Helper()
		ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		t.Cleanup(cancel)
		errors := watchConsole(ctx)
		var raw string
		if err := chromedp.Run(ctx,
			chromedp.ActionFunc(addHooks),
			chromedp.EmulateViewport(1280, 720),
			chromedp.Navigate(learnerLink),
			chromedp.WaitVisible(`[data-class-join] input`, chromedp.ByQuery),
			chromedp.SendKeys(`[data-class-join] input`, name, chromedp.ByQuery),
		); err != nil {
			t.Fatalf("%s joining: %v (console: %v)", name, err, errors())
		}
		classShot(t, ctx, shots, "class-join-"+strings.ReplaceAll(name, " ", "-")+".png", 1280, 720)
		if err := chromedp.Run(ctx,
			chromedp.Click(`[data-class-join] button[type=submit]`, chromedp.ByQuery),
			chromedp.WaitVisible(`[data-class-banner]`, chromedp.ByQuery),
			chromedp.Evaluate(`localStorage.getItem("burst:class")`, &raw),
		); err != nil {
			t.Fatalf("%s joining: %v (console: %v)", name, err, errors())
		}
		classShot(t, ctx, shots, "class-joined-"+strings.ReplaceAll(name, " ", "-")+".png", 1280, 720)
		var mem struct{ Class, Learner, Key, Name string }
		json.Unmarshal([]byte(raw), &mem)
		if mem.Class != token || mem.Learner == "" || mem.Key == "" || mem.Name != name {
			t.Fatalf("%s joined as %s", name, raw)
		}
		var banner, status string
		if err := chromedp.Run(ctx,
			chromedp.Text(`[data-class-banner]`, &banner, chromedp.ByQuery),
			chromedp.Text(`[data-class-join-status]`, &status, chromedp.ByQuery),
			chromedp.Click(`.lesson-list a[href="/lessons/00-overview.html"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`.cell[data-exercise] [data-class-share]`, chromedp.ByQuery),
		); err != nil {
			t.Fatalf("%s opening the lesson: %v (console: %v)", name, err, errors())
		}
		if !strings.Contains(banner, "In class as "+name) || !strings.Contains(banner, "Leave") {
			t.Errorf("the banner says %q", banner)
		}
		if !strings.Contains(status, name) {
			t.Errorf("after joining, the form says %q", status)
		}
		return realLearner{ctx, mem.Learner, errors}
	}
	// typeInto replaces the exercise cell's code with text typed on the
	// keyboard, and returns the cell's index.
	typeInto := func(l realLearner, text string) int {
		t.Helper()
		var k int
		var code string
		if err := chromedp.Run(l.ctx,
			chromedp.Evaluate(`Number(document.querySelector(".cell[data-exercise]").dataset.cellIndex)`, &k),
			chromedp.Click(`.cell[data-exercise] .cell-editor`, chromedp.ByQuery),
			chromedp.WaitVisible(`.cell[data-exercise] .cm-content`, chromedp.ByQuery),
		); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Run(l.ctx,
			chromedp.Evaluate(fmt.Sprintf(`window.burst.setCode(%d, "")`, k), nil),
			chromedp.SendKeys(`.cell[data-exercise] .cm-content`, text, chromedp.ByQuery),
			chromedp.Evaluate(fmt.Sprintf(`window.burst.code(%d)`, k), &code),
		); err != nil {
			t.Fatal(err)
		}
		if code != text {
			t.Fatalf("typed %q, the cell holds %q", text, code)
		}
		return k
	}

	ada := join("Real Ada")
	k := typeInto(ada, "1/0")
	var adaErr struct{ Ename, Evalue string }
	if err := chromedp.Run(ada.ctx,
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		chromedp.Click(`.cell[data-exercise] .cell-run`, chromedp.ByQuery),
		chromedp.WaitVisible(`.cell[data-exercise].failed`, chromedp.ByQuery),
		chromedp.Evaluate(fmt.Sprintf(`window.burst.outputs(%d).find((o) => o.type === "error")`, k), &adaErr),
	); err != nil {
		t.Fatalf("Real Ada running 1/0: %v (console: %v)", err, ada.errors())
	}
	if adaErr.Ename == "" {
		t.Fatal("1/0 showed no error")
	}
	m.run(ada.id, "overview", "error", adaErr.Ename, strings.SplitN(adaErr.Evalue, "\n", 2)[0])
	// Then she runs the lesson up to the exercise, loads the solution and
	// runs it: the page's check passes, and the grid shows her ✓.
	if err := chromedp.Run(ada.ctx,
		chromedp.Evaluate(fmt.Sprintf(`window.burst.setCode(%d, "%%load solutions/overview.py")`, k), nil),
		chromedp.Evaluate(fmt.Sprintf(`(async () => {
			for (let j = 0; j < %d; j++) await window.burst.runCell(j).catch(() => {});
			await window.burst.runCell(%d);
			await window.burst.runCell(%d);
			return "";
		})()`, k, k, k), nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
		chromedp.WaitVisible(`.cell[data-exercise] [data-check="pass"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("Real Ada running the solution: %v (console: %v)", err, ada.errors())
	}
	m.run(ada.id, "overview", "pass", "", "")

	bo := join("Real Bo")
	boCode := "answer = 6 * 7  # <i>mine</i> & yours"
	typeInto(bo, boCode)
	if err := chromedp.Run(bo.ctx,
		chromedp.Click(`.cell[data-exercise] [data-class-share]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(bo.ctx, `document.querySelector(".class-share [role=status]").textContent === "Shared with the instructor."`, 20*time.Second); err != nil {
		t.Fatalf("Real Bo's share: %v (console: %v)", err, bo.errors())
	}
	wantShared[bo.id] = [2]string{"overview", boCode}
	chromedp.Run(bo.ctx, chromedp.Evaluate(`document.querySelector(".cell[data-exercise]").scrollIntoView({block: "center"})`, nil))
	classShot(t, bo.ctx, shots, "class-learner-1280.png", 1280, 720)
	for _, l := range []realLearner{ada, bo} {
		if errs := l.errors(); len(errs) > 0 {
			t.Errorf("console errors on a learner's page: %v", errs)
		}
	}

	// The instructor's page shows all of it.
	all := append([]scriptLearner{}, learners...)
	all = append(all, scriptLearner{id: ada.id, name: "Real Ada"}, scriptLearner{id: bo.id, name: "Real Bo"})
	ready := fmt.Sprintf(`document.querySelectorAll("[data-class-grid] tbody tr").length === 32 &&
		document.querySelectorAll("[data-class-shared] .shared-cell").length === 3 &&
		document.querySelector('td[data-learner=%s][data-exercise="overview"]')?.dataset.state === "pass"`, jsonString(ada.id))
	if err := waitFor(teacher, ready, 20*time.Second); err != nil {
		t.Fatalf("the instructor's page: %v (console: %v)", err, teacherErrors())
	}
	var page struct {
		Cells  [][3]string
		Names  map[string]string
		Passes map[string]string
		Errors [][5]string
		Stuck  []string
		Shared [][4]string
		Imgs   int
		Bolds  int
		Alert  any
	}
	if err := chromedp.Run(teacher, chromedp.Evaluate(`({
		cells: [...document.querySelectorAll("td[data-learner]")].map((td) => [td.dataset.learner, td.dataset.exercise, td.dataset.state]),
		names: Object.fromEntries([...document.querySelectorAll("[data-learner-row]")].map((tr) => [tr.dataset.learnerRow, tr.querySelector("th").textContent])),
		passes: Object.fromEntries([...document.querySelectorAll("[data-pass-count]")].map((e) => [e.dataset.passCount, e.textContent])),
		errors: [...document.querySelectorAll("[data-class-errors] tbody tr")].map((tr) => [...tr.cells].map((c) => c.textContent)),
		stuck: [...document.querySelectorAll("[data-class-stuck] li")].map((li) => li.dataset.learner),
		shared: [...document.querySelectorAll("[data-class-shared] .shared-cell")].map((a) => [a.dataset.learner, a.querySelector(".who").textContent, a.dataset.exercise, a.querySelector("pre").textContent]),
		imgs: document.querySelectorAll("img").length,
		bolds: document.querySelectorAll("main b, main i").length,
		alert: window.__alerted ?? null,
	})`, &page)); err != nil {
		t.Fatal(err)
	}
	if len(page.Cells) != 32*len(courseExercises) {
		t.Errorf("the grid has %d cells, want %d", len(page.Cells), 32*len(courseExercises))
	}
	shown := map[[2]string]string{}
	for _, c := range page.Cells {
		shown[[2]string{c[0], c[1]}] = c[2]
	}
	wrong := 0
	for _, l := range all {
		if page.Names[l.id] != l.name {
			t.Errorf("learner %s's row is named %q, want %q", l.id, page.Names[l.id], l.name)
		}
		for _, ex := range courseExercises {
			want := m.states[l.id][ex.ID]
			if want == "" {
				want = "none"
			}
			if got := shown[[2]string{l.id, ex.ID}]; got != want && wrong < 10 {
				wrong++
				t.Errorf("%s on %s: the grid says %q, want %q", l.name, ex.ID, got, want)
			}
		}
	}
	for _, ex := range courseExercises {
		n := 0
		for _, st := range m.states {
			if st[ex.ID] == "pass" {
				n++
			}
		}
		if got := page.Passes[ex.ID]; got != fmt.Sprintf("✓%d", n) {
			t.Errorf("%s's count of passes says %q, want ✓%d", ex.ID, got, n)
		}
	}
	var wantErrors [][5]string
	for k, g := range m.errors {
		wantErrors = append(wantErrors, [5]string{k[0], k[1], k[2], fmt.Sprint(g.count), fmt.Sprint(len(g.learners))})
	}
	if len(page.Errors) != len(wantErrors) || len(wantErrors) != 4 {
		t.Errorf("the errors table has rows %q, want %q", page.Errors, wantErrors)
	}
	for _, w := range wantErrors {
		if !slices.Contains(page.Errors, w) {
			t.Errorf("the errors table lacks %q: it has %q", w, page.Errors)
		}
	}
	for i := 1; i < len(page.Errors); i++ {
		if a, b := atoi(page.Errors[i-1][3]), atoi(page.Errors[i][3]); a < b {
			t.Errorf("the errors table is not most common first: %q", page.Errors)
		}
	}
	if want := m.stuckOrder(); !slices.Equal(page.Stuck, want) {
		t.Errorf("stuck longest: %q, want %q", page.Stuck, want)
	}
	if len(page.Shared) != 3 {
		t.Errorf("shared cells: %q", page.Shared)
	}
	names := map[string]string{}
	for _, l := range all {
		names[l.id] = l.name
	}
	for _, s := range page.Shared {
		w, ok := wantShared[s[0]]
		if !ok || s[1] != names[s[0]] || s[2] != w[0] || s[3] != w[1] {
			t.Errorf("shared cell %q, want name %q exercise %q code %q", s, names[s[0]], w[0], w[1])
		}
	}
	if page.Shared[0][0] != bo.id {
		t.Errorf("the newest shared cell is not first: %q", page.Shared)
	}
	if page.Imgs != 0 || page.Bolds != 0 || page.Alert != nil {
		t.Errorf("learner text became HTML: %d <img>, %d <b>/<i>, alert %v", page.Imgs, page.Bolds, page.Alert)
	}
	if errs := teacherErrors(); len(errs) > 0 {
		t.Errorf("console errors on the instructor's page: %v", errs)
	}
	chromedp.Run(teacher, chromedp.Evaluate(`window.scrollTo(0, 0)`, nil))
	classShot(t, teacher, shots, "class-teacher-1920.png", 1920, 1080)
	classShot(t, teacher, shots, "class-teacher-1280.png", 1280, 720)
	chromedp.Run(teacher, chromedp.Evaluate(`document.querySelector(".shared-panel").scrollIntoView()`, nil))
	classShot(t, teacher, shots, "class-teacher-1920-panels.png", 1920, 1080)

	// The stream drops: the page connects again and shows what happened
	// meanwhile.
	opened := streams()
	dropStreams()
	if err := sendEvent(base, token, learners[0], map[string]any{"kind": "error", "exercise": "ml-1", "error": map[string]string{"type": "ValueError", "line": "after the drop"}}); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(teacher, fmt.Sprintf(`document.querySelector('td[data-learner=%s][data-exercise="ml-1"]').dataset.state === "error" && document.body.dataset.classStatus === "live"`, jsonString(learners[0].id)), 30*time.Second); err != nil {
		t.Fatalf("after the stream dropped: %v", err)
	}
	if streams() <= opened {
		t.Errorf("the page did not open a new stream after the drop (%d before, %d after)", opened, streams())
	}

	// A wrong teacher key, and a class the server does not know: the
	// page says which, and stops.
	for _, c := range []struct{ frag, status string }{
		{token + ".AAAAAAAAAAAAAAAAAAAAAA", "forbidden"},
		{"BBBBBBBBBBBBBBBBBBBBBB.AAAAAAAAAAAAAAAAAAAAAA", "ended"},
	} {
		tab, cancel := chromedp.NewContext(browser)
		var msg string
		err := chromedp.Run(tab,
			chromedp.Navigate(base+"/class.html#"+c.frag),
			chromedp.WaitVisible(`body[data-class-status="`+c.status+`"] [data-class-error]`, chromedp.ByQuery),
			chromedp.Text(`[data-class-error]`, &msg, chromedp.ByQuery),
		)
		cancel()
		if err != nil {
			t.Errorf("class.html#%s: %v", c.frag, err)
		} else {
			t.Logf("class.html#%s says: %s", c.frag, msg)
		}
	}

	// 200 learners.
	chromedp.Run(teacher, chromedp.EmulateViewport(1920, 1080))
	where := newClass(t, base)
	if err := chromedp.Run(teacher,
		chromedp.Navigate(base+where),
		chromedp.WaitVisible(`body[data-class-status="live"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	_, frag, _ := strings.Cut(where, "#")
	big, _, _ := strings.Cut(frag, ".")
	crowd := make([]scriptLearner, 200)
	for i := range crowd {
		crowd[i] = joinClass(t, base, big, fmt.Sprintf("Learner %03d", i+1))
		for k := 0; k < i%len(courseExercises); k++ {
			if err := sendEvent(base, big, crowd[i], map[string]any{"kind": "pass", "exercise": courseExercises[k].ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	cells := 200 * len(courseExercises)
	if err := waitFor(teacher, fmt.Sprintf(`document.querySelectorAll("td[data-learner]").length === %d`, cells), 30*time.Second); err != nil {
		var n int
		chromedp.Run(teacher, chromedp.Evaluate(`document.querySelectorAll("td[data-learner]").length`, &n))
		t.Fatalf("200 learners: the grid has %d cells, want %d: %v", n, cells, err)
	}
	var before int
	chromedp.Run(teacher, chromedp.Evaluate(`window.burstClass.renders()`, &before))
	if err := sendEvent(base, big, crowd[199], map[string]any{"kind": "error", "exercise": "remote-1", "error": map[string]string{"type": "OSError", "line": "no cluster"}}); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(teacher, fmt.Sprintf(`window.burstClass.renders() > %d && document.querySelector('td[data-learner=%s][data-exercise="remote-1"]').dataset.state === "error"`, before, jsonString(crowd[199].id)), 10*time.Second); err != nil {
		t.Fatal(err)
	}
	var ms float64
	chromedp.Run(teacher, chromedp.Evaluate(`window.burstClass.lastRenderMs()`, &ms))
	t.Logf("200 learners × %d exercises: one update rendered in %.1f ms", len(courseExercises), ms)
	classShot(t, teacher, shots, "class-teacher-200-1920.png", 1920, 1080)
	t.Logf("screenshots in %s", shots)
}

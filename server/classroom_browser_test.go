package main

import (
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"burst/server/site"
)

// fakeClassAPI is a class server that answers events with the statuses
// the test queues (204 when none is queued) and records what it got.
type fakeClassAPI struct {
	mu       sync.Mutex
	statuses []int // the answers to the next events; a 429 among them carries Retry-After: 3
	always   int   // when not 0, the answer once statuses is empty (a 429 with Retry-After: 30)
	got      []fakeEvent
}

type fakeEvent struct {
	at     time.Time
	auth   string
	body   string
	status int
}

func (f *fakeClassAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == "POST" && strings.HasSuffix(r.URL.Path, "/join"):
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"learner":"L1","key":"K1-secret"}`)
	case r.Method == "POST" && strings.HasSuffix(r.URL.Path, "/events"):
		b, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		status, wait := http.StatusNoContent, "3"
		if len(f.statuses) > 0 {
			status, f.statuses = f.statuses[0], f.statuses[1:]
		} else if f.always != 0 {
			status, wait = f.always, "30"
		}
		f.got = append(f.got, fakeEvent{time.Now(), r.Header.Get("Authorization"), string(b), status})
		f.mu.Unlock()
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", wait)
		}
		w.WriteHeader(status)
	default:
		http.NotFound(w, r)
	}
}

func (f *fakeClassAPI) answer(always int, statuses ...int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.always, f.statuses = always, statuses
}

func (f *fakeClassAPI) events() []fakeEvent {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeEvent(nil), f.got...)
}

// TestClassroomQueue checks the learner page's event queue against a
// server that fails: a 503 is retried with backoff, a 429 waits for its
// Retry-After, an event the server has not taken when the learner goes
// to another page is sent by that page, and a 404 (the class is gone)
// leaves the class with a notice.
func TestClassroomQueue(t *testing.T) {
	requireChrome(t)
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	api := &fakeClassAPI{}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: &site.Handler{Dist: dist, Root: root, Class: api}}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base := "http://" + ln.Addr().String()

	ctx := newBrowser(t, 3*time.Minute)
	consoleErrors := watchConsole(ctx)
	const token = "TestClassToken_0123456"
	if err := chromedp.Run(ctx,
		chromedp.ActionFunc(addHooks),
		chromedp.Navigate(base+"/?class="+token),
		chromedp.WaitVisible(`[data-class-join] input`, chromedp.ByQuery),
		chromedp.SendKeys(`[data-class-join] input`, "  Queue Tester ", chromedp.ByQuery),
		chromedp.Click(`[data-class-join] button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-class-banner]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	// Leave, and join again from the form the index shows again.
	var heading string
	if err := chromedp.Run(ctx,
		chromedp.Text(`[data-class-join] h2`, &heading, chromedp.ByQuery),
		chromedp.Click(`[data-class-banner] button`, chromedp.ByQuery),
		chromedp.WaitNotPresent(`[data-class-banner]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-class-join] input`, chromedp.ByQuery),
		chromedp.Click(`[data-class-join] button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-class-banner]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if heading != "You are in the class" {
		t.Errorf("after joining, the class box says %q", heading)
	}
	var stored string
	chromedp.Run(ctx, chromedp.Evaluate(`localStorage.getItem("burst:class")`, &stored))
	if stored != `{"class":"`+token+`","learner":"L1","key":"K1-secret","name":"Queue Tester"}` {
		t.Fatalf("stored %s", stored)
	}

	share := func(code string) {
		t.Helper()
		if err := chromedp.Run(ctx,
			chromedp.Evaluate(`window.burst.setCode(Number(document.querySelector(".cell[data-exercise]").dataset.cellIndex), `+jsonString(code)+`)`, nil),
			chromedp.Click(`.cell[data-exercise] [data-class-share]`, chromedp.ByQuery),
		); err != nil {
			t.Fatal(err)
		}
	}
	shared := `document.querySelector(".class-share [role=status]")?.textContent === "Shared with the instructor."`

	// 429 (Retry-After: 3), 503, 503, then taken: four tries of the same
	// event.
	api.answer(0, 429, 503, 503)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/00-overview.html?workers=1"),
		chromedp.WaitVisible(`.cell[data-exercise] [data-class-share]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	share("x = 1")
	if err := waitFor(ctx, shared, 30*time.Second); err != nil {
		t.Fatalf("%v: the server got %+v", err, api.events())
	}
	got := api.events()
	if len(got) != 4 {
		t.Fatalf("the server got %d tries, want 4: %+v", len(got), got)
	}
	want := `{"kind":"share","exercise":"overview","code":"x = 1"}`
	for i, e := range got {
		if e.body != want || e.auth != "Bearer K1-secret" {
			t.Errorf("try %d: %s %q, want %s", i, e.auth, e.body, want)
		}
	}
	// Lower bounds only: a slow machine makes the gaps longer, never
	// shorter. The backoff after a first failure is about a second, so a
	// page that ignored Retry-After would try again well before 3 s.
	if d := got[1].at.Sub(got[0].at); d < 2900*time.Millisecond {
		t.Errorf("retried a 429 with Retry-After: 3 after %v", d)
	}
	if d := got[2].at.Sub(got[1].at); d < 700*time.Millisecond {
		t.Errorf("retried a 503 after %v: no backoff", d)
	}
	if d := got[3].at.Sub(got[2].at); d < 1400*time.Millisecond {
		t.Errorf("retried a second 503 after %v: the backoff did not grow", d)
	}

	// The server keeps answering 429 (Retry-After: 30) while the learner
	// goes to the index: the index page sends the event.
	api.answer(429)
	share("carried = 2")
	if err := waitFor(ctx, `document.querySelector("[data-class-share]").disabled`, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); len(api.events()) < 5 && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
	}
	time.Sleep(300 * time.Millisecond) // the page has read the 429: the event waits
	api.answer(0)
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	carried := `{"kind":"share","exercise":"overview","code":"carried = 2"}`
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		got = api.events()
		if last := got[len(got)-1]; last.status == http.StatusNoContent && last.body == carried {
			break
		}
	}
	if last := got[len(got)-1]; last.status != http.StatusNoContent || last.body != carried {
		t.Fatalf("the event left waiting was not sent by the next page: %+v", got[4:])
	}
	var pending string
	chromedp.Run(ctx, chromedp.Evaluate(`localStorage.getItem("burst:class:pending") || ""`, &pending))
	if pending != "" {
		t.Errorf("pending events left after sending: %s", pending)
	}

	// The class is gone (404): the page leaves it and says so.
	api.answer(404)
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/00-overview.html?workers=1"),
		chromedp.WaitVisible(`.cell[data-exercise] [data-class-share]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	share("y = 3")
	if err := waitFor(ctx, `!document.querySelector("[data-class-banner]") && !document.querySelector("[data-class-share]") && localStorage.getItem("burst:class") === null`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	var note string
	chromedp.Run(ctx, chromedp.Text(`[data-notices] .notice`, &note, chromedp.ByQuery))
	if !strings.Contains(note, "You have left the class") {
		t.Errorf("the notice says %q", note)
	}
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

package class_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"burst/server/class"
)

// clock is a fake clock: it moves only when told.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// course is a small course list, as dist/exercises.json gives it.
var course = []class.Exercise{
	{ID: "overview", Lesson: "00-overview", Title: "Exercise: the busiest airport"},
	{ID: "delayed-1", Lesson: "01-delayed", Title: "Exercise: parallelize a loop"},
	{ID: "delayed-2", Lesson: "01-delayed", Title: "Exercise: a tree reduction"},
}

// serve starts a Store behind an httptest server; the Store closes first
// (ending its streams), then the server.
func serve(t *testing.T, opts class.Options) (*class.Store, *httptest.Server) {
	t.Helper()
	s := class.New(opts)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	t.Cleanup(s.Close)
	return s, srv
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

var location = regexp.MustCompile(`^/class\.html#([A-Za-z0-9_-]{22,})\.([A-Za-z0-9_-]{22,})$`)

// create opens /class/new and returns the class and instructor tokens.
func create(t *testing.T, base string) (string, string) {
	t.Helper()
	resp, err := noRedirect.Get(base + "/class/new")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	m := location.FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("GET /class/new: %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if m[1] == m[2] {
		t.Fatalf("the class and instructor tokens are the same: %s", m[1])
	}
	return m[1], m[2]
}

// do sends a request and returns its status, headers and body.
func do(t *testing.T, method, url, auth, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// join adds a learner and returns its id and key.
func join(t *testing.T, base, cls, name string) (string, string) {
	t.Helper()
	b, _ := json.Marshal(map[string]string{"name": name})
	status, h, body := do(t, "POST", base+"/api/class/"+cls+"/join", "", string(b))
	var got struct{ Learner, Key string }
	if status != http.StatusCreated || json.Unmarshal([]byte(body), &got) != nil || got.Learner == "" || len(got.Key) < 22 {
		t.Fatalf("join %q: %d %s", name, status, body)
	}
	if ct := h.Get("Content-Type"); ct != "application/json" {
		t.Errorf("join: Content-Type %q", ct)
	}
	return got.Learner, got.Key
}

// send posts one event and checks it was taken.
func send(t *testing.T, base, cls, key, ev string) {
	t.Helper()
	if status, _, body := do(t, "POST", base+"/api/class/"+cls+"/events", key, ev); status != http.StatusNoContent {
		t.Fatalf("event %s: %d %s", ev, status, body)
	}
}

// state reads the class's snapshot with the instructor token.
func state(t *testing.T, base, cls, teach string) class.Snapshot {
	t.Helper()
	status, h, body := do(t, "GET", base+"/api/class/"+cls+"/state", teach, "")
	if status != http.StatusOK {
		t.Fatalf("state: %d %s", status, body)
	}
	if h.Get("Content-Type") != "application/json" || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("state headers: %v", h)
	}
	var snap class.Snapshot
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&snap); err != nil {
		t.Fatalf("state: %v in %s", err, body)
	}
	return snap
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func TestClassFlow(t *testing.T) {
	clk := newClock()
	t0 := clk.Now()
	_, srv := serve(t, class.Options{Exercises: course, Now: clk.Now})
	base := srv.URL
	cls, teach := create(t, base)
	at := func(s int) { clk.Set(t0.Add(time.Duration(s) * time.Second)) }

	ada, adaKey := join(t, base, cls, "Ada")
	at(1)
	bob, bobKey := join(t, base, cls, "  Bob  ")
	at(2)
	cy, cyKey := join(t, base, cls, "Cy")
	at(3)
	dee, deeKey := join(t, base, cls, "Dee")
	if len(map[string]bool{ada: true, bob: true, cy: true, dee: true}) != 4 {
		t.Fatalf("learner ids repeat: %s %s %s %s", ada, bob, cy, dee)
	}

	zero := `{"kind":"error","exercise":"delayed-1","error":{"type":"ZeroDivisionError","line":"division by zero"}}`
	name := `{"kind":"error","exercise":"overview","error":{"type":"NameError","line":"name 'x' is not defined\nmore lines are dropped"}}`
	steps := []struct {
		at  int
		key string
		ev  string
	}{
		{10, adaKey, `{"kind":"attempted","exercise":"overview"}`},
		{20, adaKey, `{"kind":"pass","exercise":"overview"}`},
		{30, adaKey, zero},
		{40, bobKey, zero},
		{45, bobKey, zero},
		{50, cyKey, name},
		{55, cyKey, `{"kind":"attempted","exercise":"overview"}`},
		{60, cyKey, `{"kind":"pass","exercise":"overview"}`},
		{65, cyKey, name},
		{70, deeKey, `{"kind":"restart"}`},
		{72, deeKey, `{"kind":"restart"}`},
		{75, deeKey, `{"kind":"share","exercise":"overview","code":"print(1)"}`},
		{80, deeKey, `{"kind":"share","exercise":"delayed-1","code":"x = delayed(inc)(1)"}`},
		{85, adaKey, `{"kind":"share","exercise":"delayed-1","code":"1/0"}`},
		{90, adaKey, `{"kind":"attempted","exercise":"delayed-2"}`},
	}
	for _, s := range steps {
		at(s.at)
		send(t, base, cls, s.key, s.ev)
	}
	at(100)
	snap := state(t, base, cls, teach)

	sec := func(s int) int64 { return ms(t0.Add(time.Duration(s) * time.Second)) }
	if !reflect.DeepEqual(snap.Exercises, course) {
		t.Errorf("exercises = %+v", snap.Exercises)
	}
	want := []class.LearnerState{
		{ID: ada, Name: "Ada", Joined: sec(0), Last: sec(90), States: map[string]string{"overview": "pass", "delayed-1": "error", "delayed-2": "attempted"},
			PassedOnce: []string{"overview"}, Current: "delayed-2", StuckSince: sec(90)},
		{ID: bob, Name: "Bob", Joined: sec(1), Last: sec(45), States: map[string]string{"delayed-1": "error"},
			PassedOnce: []string{}, Current: "delayed-1", StuckSince: sec(40)},
		// Cy passed overview, then broke it: error again, passed once, and
		// stuck from the run that broke it (not from the first error).
		{ID: cy, Name: "Cy", Joined: sec(2), Last: sec(65), States: map[string]string{"overview": "error"},
			PassedOnce: []string{"overview"}, Current: "overview", StuckSince: sec(65)},
		{ID: dee, Name: "Dee", Joined: sec(3), Last: sec(80), Restarts: 2, States: map[string]string{}, PassedOnce: []string{}},
	}
	if len(snap.Learners) != len(want) {
		t.Fatalf("%d learners, want %d: %+v", len(snap.Learners), len(want), snap.Learners)
	}
	for i := range want {
		if !reflect.DeepEqual(snap.Learners[i], want[i]) {
			t.Errorf("learner %d:\n got %+v\nwant %+v", i, snap.Learners[i], want[i])
		}
	}
	wantStuck := []class.Stuck{
		{Learner: bob, Name: "Bob", Exercise: "delayed-1", Since: sec(40)},
		{Learner: cy, Name: "Cy", Exercise: "overview", Since: sec(65)},
		{Learner: ada, Name: "Ada", Exercise: "delayed-2", Since: sec(90)},
	}
	if !reflect.DeepEqual(snap.Stuck, wantStuck) {
		t.Errorf("stuck:\n got %+v\nwant %+v", snap.Stuck, wantStuck)
	}
	wantErrs := []class.ErrorCount{
		{Type: "ZeroDivisionError", Line: "division by zero", Exercise: "delayed-1", Count: 3, Learners: 2},
		{Type: "NameError", Line: "name 'x' is not defined", Exercise: "overview", Count: 2, Learners: 1},
	}
	if !reflect.DeepEqual(snap.Errors, wantErrs) {
		t.Errorf("errors:\n got %+v\nwant %+v", snap.Errors, wantErrs)
	}
	wantShared := []class.Shared{
		{Learner: ada, Name: "Ada", Exercise: "delayed-1", Code: "1/0", Time: sec(85)},
		{Learner: dee, Name: "Dee", Exercise: "delayed-1", Code: "x = delayed(inc)(1)", Time: sec(80)},
		{Learner: dee, Name: "Dee", Exercise: "overview", Code: "print(1)", Time: sec(75)},
	}
	if !reflect.DeepEqual(snap.Shared, wantShared) {
		t.Errorf("shared:\n got %+v\nwant %+v", snap.Shared, wantShared)
	}
	if snap.Now != sec(100) {
		t.Errorf("now = %d, want %d", snap.Now, sec(100))
	}

	// A ✓ ends a streak; the stuck list drops the learner.
	at(110)
	send(t, base, cls, bobKey, `{"kind":"pass","exercise":"delayed-1"}`)
	snap = state(t, base, cls, teach)
	if len(snap.Stuck) != 2 || snap.Stuck[0].Learner != cy || snap.Learners[1].StuckSince != 0 || snap.Learners[1].States["delayed-1"] != "pass" {
		t.Errorf("after Bob's ✓: stuck %+v, Bob %+v", snap.Stuck, snap.Learners[1])
	}
}

// Without a course list, any well-formed id is taken and the columns are
// the ids used, first seen first.
func TestFreeExerciseIDs(t *testing.T) {
	_, srv := serve(t, class.Options{})
	cls, teach := create(t, srv.URL)
	_, key := join(t, srv.URL, cls, "Ada")
	send(t, srv.URL, cls, key, `{"kind":"attempted","exercise":"ml-2"}`)
	send(t, srv.URL, cls, key, `{"kind":"pass","exercise":"delayed-1"}`)
	send(t, srv.URL, cls, key, `{"kind":"error","exercise":"ml-2","error":{"type":"ValueError","line":"bad"}}`)
	snap := state(t, srv.URL, cls, teach)
	if !reflect.DeepEqual(snap.Exercises, []class.Exercise{{ID: "ml-2"}, {ID: "delayed-1"}}) {
		t.Errorf("exercises = %+v", snap.Exercises)
	}
	for _, bad := range []string{"ML-2", "-x", "a_b", "a/b", strings.Repeat("a", 41)} {
		if status, _, _ := do(t, "POST", srv.URL+"/api/class/"+cls+"/events", key, `{"kind":"pass","exercise":"`+bad+`"}`); status != http.StatusBadRequest {
			t.Errorf("exercise %q: %d, want 400", bad, status)
		}
	}
}

// sse reads a stream: each state message's snapshot, and each keepalive
// comment as a nil.
func sse(t *testing.T, body io.Reader) <-chan *class.Snapshot {
	ch := make(chan *class.Snapshot, 1000)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == ": keepalive":
				ch <- nil
			case strings.HasPrefix(line, "event: "):
				event = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				var s class.Snapshot
				if event != "state" || json.Unmarshal([]byte(line[len("data: "):]), &s) != nil {
					t.Errorf("bad message: event %q, %s", event, line)
					return
				}
				ch <- &s
			}
		}
	}()
	return ch
}

// next returns the stream's next snapshot, skipping keepalives.
func next(t *testing.T, ch <-chan *class.Snapshot) *class.Snapshot {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case s, ok := <-ch:
			if !ok {
				t.Fatal("the stream ended")
			}
			if s != nil {
				return s
			}
		case <-timeout:
			t.Fatal("no snapshot on the stream")
		}
	}
}

func openStream(t *testing.T, url string) (*http.Response, <-chan *class.Snapshot) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("stream: %d %v", resp.StatusCode, resp.Header)
	}
	return resp, sse(t, resp.Body)
}

func TestStream(t *testing.T) {
	s, srv := serve(t, class.Options{Exercises: course, Rate: 1e6, Burst: 1e6, Keepalive: 50 * time.Millisecond})
	cls, teach := create(t, srv.URL)
	_, key := join(t, srv.URL, cls, "Ada")
	_, ch := openStream(t, srv.URL+"/api/class/"+cls+"/stream?key="+teach)
	first := next(t, ch)
	if len(first.Learners) != 1 || len(first.Learners[0].States) != 0 {
		t.Fatalf("first snapshot: %+v", first)
	}
	// A change arrives.
	send(t, srv.URL, cls, key, `{"kind":"pass","exercise":"overview"}`)
	if got := next(t, ch); got.Learners[0].States["overview"] != "pass" {
		t.Fatalf("after a pass: %+v", got.Learners[0])
	}
	// The keepalive comes on an idle stream.
	timeout := time.After(20 * time.Second)
	for kept := false; !kept; {
		select {
		case snap := <-ch:
			kept = snap == nil
		case <-timeout:
			t.Fatal("no keepalive")
		}
	}

	// A burst of 200 events is coalesced: the server sends at most one
	// message per 250 ms, so in the time the burst and its last message
	// took, at most 1 + elapsed/250ms messages came, and the last holds
	// the whole burst.
	start := time.Now()
	const n = 200
	for i := range n {
		ex := course[i%len(course)].ID
		send(t, srv.URL, cls, key, `{"kind":"attempted","exercise":"`+ex+`"}`)
	}
	send(t, srv.URL, cls, key, `{"kind":"share","exercise":"overview","code":"done"}`)
	msgs := 0
	for {
		snap := next(t, ch)
		msgs++
		if len(snap.Shared) == 1 {
			break
		}
	}
	elapsed := time.Since(start)
	if limit := 1 + int(elapsed/(250*time.Millisecond)); msgs > limit {
		t.Errorf("%d messages in %v for %d events: the throttle allows %d", msgs, elapsed, n+1, limit)
	}
	t.Logf("%d events → %d messages in %v", n+1, msgs, elapsed)

	// The Store closing ends the stream.
	s.Close()
	timeout = time.After(20 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
		case <-timeout:
			t.Fatal("the stream outlived Close")
		}
	}
}

// The instructor's token also works in the Authorization header, and
// streams from several readers all see a change.
func TestStreamReaders(t *testing.T) {
	_, srv := serve(t, class.Options{Exercises: course})
	cls, teach := create(t, srv.URL)
	_, key := join(t, srv.URL, cls, "Ada")
	var chans []<-chan *class.Snapshot
	for range 3 {
		req, _ := http.NewRequest("GET", srv.URL+"/api/class/"+cls+"/stream", nil)
		req.Header.Set("Authorization", "Bearer "+teach)
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("stream with the header: %v %v", resp, err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		ch := sse(t, resp.Body)
		next(t, ch)
		chans = append(chans, ch)
	}
	send(t, srv.URL, cls, key, `{"kind":"error","exercise":"delayed-2","error":{"type":"KeyError","line":"'x'"}}`)
	for i, ch := range chans {
		if got := next(t, ch); len(got.Errors) != 1 || got.Errors[0].Type != "KeyError" {
			t.Errorf("reader %d: %+v", i, got.Errors)
		}
	}
}

func TestExpiry(t *testing.T) {
	clk := newClock()
	s, srv := serve(t, class.Options{Exercises: course, Now: clk.Now})
	cls, teach := create(t, srv.URL)
	other, _ := create(t, srv.URL)
	_, key := join(t, srv.URL, cls, "Ada")
	clk.Add(11 * time.Hour)
	send(t, srv.URL, cls, key, `{"kind":"pass","exercise":"overview"}`) // activity
	clk.Add(11 * time.Hour)
	if n := s.Sweep(); n != 1 || s.Len() != 1 {
		t.Fatalf("after 22 h: swept %d, %d left; want the untouched class gone", n, s.Len())
	}
	if status, _, _ := do(t, "POST", srv.URL+"/api/class/"+other+"/join", "", `{"name":"Bo"}`); status != http.StatusNotFound {
		t.Errorf("the expired class: %d, want 404", status)
	}
	state(t, srv.URL, cls, teach) // the instructor reading it is activity too
	clk.Add(12*time.Hour - time.Second)
	if s.Sweep() != 0 {
		t.Fatal("a class idle for 11:59:59 was dropped")
	}

	// An open stream keeps it alive, however long.
	resp, ch := openStream(t, srv.URL+"/api/class/"+cls+"/stream?key="+teach)
	next(t, ch)
	clk.Add(48 * time.Hour)
	if s.Sweep() != 0 {
		t.Fatal("a class with a reader expired")
	}
	// When the reader goes, the 12 hours start again.
	resp.Body.Close()
	deadline := time.Now().Add(20 * time.Second)
	for {
		clk.Add(11 * time.Hour)
		if s.Sweep() != 0 {
			t.Fatal("dropped less than 12 h after its reader left")
		}
		clk.Add(2 * time.Hour)
		if s.Sweep() == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the class never expired after its reader left")
		}
		time.Sleep(10 * time.Millisecond) // the stream's handler has not seen the disconnect yet
	}
	if status, _, _ := do(t, "GET", srv.URL+"/api/class/"+cls+"/state", teach, ""); status != http.StatusNotFound {
		t.Errorf("expired class state: %d", status)
	}
}

// The janitor sweeps by itself.
func TestJanitor(t *testing.T) {
	clk := newClock()
	s, srv := serve(t, class.Options{Now: clk.Now, SweepEvery: 5 * time.Millisecond})
	create(t, srv.URL)
	create(t, srv.URL)
	clk.Add(12 * time.Hour)
	deadline := time.Now().Add(20 * time.Second)
	for s.Len() != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the janitor left %d classes", s.Len())
		}
		time.Sleep(5 * time.Millisecond)
	}
	s.Close()
	s.Close() // twice is fine
	if status, _, body := do(t, "GET", srv.URL+"/class/new", "", ""); status != http.StatusServiceUnavailable {
		t.Errorf("after Close: %d %s", status, body)
	}
}

func TestLoadExercises(t *testing.T) {
	dir := t.TempDir()
	if exs, err := class.LoadExercises(dir); exs != nil || err != nil {
		t.Errorf("no file: %v %v", exs, err)
	}
	b, _ := json.Marshal(course)
	os.WriteFile(filepath.Join(dir, "exercises.json"), b, 0o644)
	if exs, err := class.LoadExercises(dir); err != nil || !reflect.DeepEqual(exs, course) {
		t.Errorf("the list: %v %v", exs, err)
	}
	for _, bad := range []string{`{`, `[{"id":"Bad ID"}]`, `[{"id":"a"},{"id":"a"}]`} {
		os.WriteFile(filepath.Join(dir, "exercises.json"), []byte(bad), 0o644)
		if _, err := class.LoadExercises(dir); err == nil || !strings.Contains(err.Error(), "exercises.json") {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

// Benchmarks: one Store's events handler (in process, no network) with
// 200 learners, and the snapshot of 200 learners × 13 exercises.
func benchClass(b *testing.B, opts class.Options) (*class.Store, string, string, []string) {
	s := class.New(opts)
	b.Cleanup(s.Close)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/class/new", nil))
	m := location.FindStringSubmatch(rec.Header().Get("Location"))
	cls, teach := m[1], m[2]
	var keys []string
	for i := range 200 {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("POST", "/api/class/"+cls+"/join", strings.NewReader(fmt.Sprintf(`{"name":"learner %d"}`, i))))
		var got struct{ Key string }
		json.Unmarshal(rec.Body.Bytes(), &got)
		keys = append(keys, got.Key)
	}
	return s, cls, teach, keys
}

func thirteen() []class.Exercise {
	var exs []class.Exercise
	for i := range 13 {
		exs = append(exs, class.Exercise{ID: fmt.Sprintf("ex-%d", i), Lesson: "l", Title: "t"})
	}
	return exs
}

var benchBodies = []string{
	`{"kind":"attempted","exercise":"ex-3"}`,
	`{"kind":"error","exercise":"ex-4","error":{"type":"ZeroDivisionError","line":"division by zero"}}`,
	`{"kind":"pass","exercise":"ex-5"}`,
}

// BenchmarkEvents is the events handler alone: 200 learners' events from
// as many goroutines as GOMAXPROCS, requests built directly (no parsing).
func BenchmarkEvents(b *testing.B) {
	s, cls, _, keys := benchClass(b, class.Options{Exercises: thirteen(), Rate: 1e12, Burst: 1 << 30})
	u, _ := url.Parse("/api/class/" + cls + "/events")
	var n atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			req := &http.Request{Method: "POST", URL: u, Header: http.Header{"Authorization": {"Bearer " + keys[i%200]}},
				Body: io.NopCloser(strings.NewReader(benchBodies[i%3]))}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusNoContent {
				b.Fatalf("%d %s", rec.Code, rec.Body)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkEventsHTTP is the same over loopback HTTP/1.1 with keep-alive,
// 200 learners sending at once: what a server takes, net/http included.
func BenchmarkEventsHTTP(b *testing.B) {
	s, cls, _, keys := benchClass(b, class.Options{Exercises: thirteen(), Rate: 1e12, Burst: 1 << 30})
	srv := httptest.NewServer(s)
	b.Cleanup(srv.Close)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 200}}
	var n atomic.Int64
	b.SetParallelism(100) // 200 senders on 2 cores
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			req, _ := http.NewRequest("POST", srv.URL+"/api/class/"+cls+"/events", strings.NewReader(benchBodies[i%3]))
			req.Header.Set("Authorization", "Bearer "+keys[i%200])
			resp, err := client.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusNoContent {
				b.Fatal(resp.Status)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkSnapshot(b *testing.B) {
	exs := thirteen()
	s, cls, teach, keys := benchClass(b, class.Options{Exercises: exs, Rate: 1e12, Burst: 1 << 30})
	kinds := []string{"attempted", "pass", "error"}
	for i, key := range keys {
		for j, e := range exs {
			if (i+j)%4 == 0 {
				continue
			}
			body := fmt.Sprintf(`{"kind":%q,"exercise":%q}`, kinds[(i*j)%3], e.ID)
			if kinds[(i*j)%3] == "error" {
				body = fmt.Sprintf(`{"kind":"error","exercise":%q,"error":{"type":"E%d","line":"line %d"}}`, e.ID, j%5, i%7)
			}
			req := httptest.NewRequest("POST", "/api/class/"+cls+"/events", strings.NewReader(body))
			req.Header.Set("Authorization", "Bearer "+key)
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusNoContent {
				b.Fatalf("%d %s", rec.Code, rec.Body)
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	size := 0
	for range b.N {
		req := httptest.NewRequest("GET", "/api/class/"+cls+"/state", nil)
		req.Header.Set("Authorization", "Bearer "+teach)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
		size = rec.Body.Len()
	}
	b.ReportMetric(float64(size), "bytes/snapshot")
}

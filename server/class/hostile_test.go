package class_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"burst/server/class"
)

// Tokens: only the instructor's reads the class, only a learner's key of
// this class sends its events; an unknown class is a 404 whatever the
// token.
func TestForgedTokens(t *testing.T) {
	_, srv := serve(t, class.Options{Exercises: course})
	cls, teach := create(t, srv.URL)
	cls2, teach2 := create(t, srv.URL)
	_, key := join(t, srv.URL, cls, "Ada")
	_, key2 := join(t, srv.URL, cls2, "Bo")
	api := srv.URL + "/api/class/"
	forged := "AAAAAAAAAAAAAAAAAAAAAA"
	ev := `{"kind":"pass","exercise":"overview"}`
	for _, c := range []struct {
		what, method, url, auth, body string
		want                          int
	}{
		{"state without a token", "GET", api + cls + "/state", "", "", 403},
		{"state with a forged token", "GET", api + cls + "/state", forged, "", 403},
		{"state with a learner key", "GET", api + cls + "/state", key, "", 403},
		{"state with the class token", "GET", api + cls + "/state", cls, "", 403},
		{"state with another class's teach token", "GET", api + cls + "/state", teach2, "", 403},
		{"state with a prefix of the teach token", "GET", api + cls + "/state", teach[:21], "", 403},
		{"stream without a token", "GET", api + cls + "/stream", "", "", 403},
		{"stream with a learner key", "GET", api + cls + "/stream?key=" + key, "", "", 403},
		{"stream with a forged key", "GET", api + cls + "/stream?key=" + forged, "", "", 403},
		{"event without a key", "POST", api + cls + "/events", "", ev, 403},
		{"event with a forged key", "POST", api + cls + "/events", forged, ev, 403},
		{"event with the teach token", "POST", api + cls + "/events", teach, ev, 403},
		{"event with another class's learner key", "POST", api + cls + "/events", key2, ev, 403},
		{"state of an unknown class", "GET", api + forged + "/state", teach, "", 404},
		{"stream of an unknown class", "GET", api + forged + "/stream?key=" + teach, "", "", 404},
		{"event to an unknown class", "POST", api + forged + "/events", key, ev, 404},
		{"join an unknown class", "POST", api + forged + "/join", "", `{"name":"Eve"}`, 404},
		{"teach token as a class", "POST", api + teach + "/join", "", `{"name":"Eve"}`, 404},
		{"an unknown action", "GET", api + cls + "/learners", teach, "", 404},
		{"a deeper path", "GET", api + cls + "/state/x", teach, "", 404},
		{"no class", "GET", api + "/state", teach, "", 404},
		{"GET join", "GET", api + cls + "/join", "", "", 405},
		{"POST state", "POST", api + cls + "/state", teach, "", 405},
		{"POST /class/new", "POST", srv.URL + "/class/new", "", "", 405},
	} {
		status, h, body := do(t, c.method, c.url, c.auth, c.body)
		if status != c.want {
			t.Errorf("%s: %d %q, want %d", c.what, status, body, c.want)
		}
		if !strings.HasPrefix(h.Get("Content-Type"), "text/plain") || h.Get("X-Content-Type-Options") != "nosniff" || strings.TrimSpace(body) == "" {
			t.Errorf("%s: not a text/plain message: %v %q", c.what, h, body)
		}
	}
	// Nothing of it reached the classes.
	for _, c := range []struct{ cls, teach string }{{cls, teach}, {cls2, teach2}} {
		snap := state(t, srv.URL, c.cls, c.teach)
		if len(snap.Learners) != 1 || len(snap.Learners[0].States) != 0 {
			t.Errorf("the class changed: %+v", snap.Learners)
		}
	}
}

// Each bad event or join is a 4xx naming the problem, and changes nothing.
func TestBadEvents(t *testing.T) {
	_, srv := serve(t, class.Options{Exercises: course, Burst: 1000})
	cls, teach := create(t, srv.URL)
	_, key := join(t, srv.URL, cls, "Ada")
	events := srv.URL + "/api/class/" + cls + "/events"
	code := func(n int) string { return strings.Repeat("x", n) }
	for _, c := range []struct {
		body string
		want int
		says string
	}{
		{`{"kind":"share","exercise":"overview","code":"` + code(17<<10) + `"}`, 413, "too large"},
		{strings.Repeat(" ", 16<<10) + `{"kind":"pass","exercise":"overview"}`, 413, "too large"},
		{`{"kind":"share","exercise":"overview","code":"` + code(8<<10+1) + `"}`, 400, "at most 8192"},
		{`{"kind":"pass","exercise":"overview"`, 400, "bad request body"},
		{`not json`, 400, "bad request body"},
		{``, 400, "bad request body"},
		{`[]`, 400, "bad request body"},
		{`{"kind":"pass","exercise":"overview"}{"kind":"pass","exercise":"overview"}`, 400, "one JSON object"},
		{`{"kind":"pass","exercise":"overview","learner":"someone-else"}`, 400, "unknown field"},
		{`{"kind":"pass","exercise":"overview","error":{"type":"E","line":"l","stack":"…"}}`, 400, "unknown field"},
		{`{"kind":"solved","exercise":"overview"}`, 400, "unknown kind"},
		{`{"kind":"PASS","exercise":"overview"}`, 400, "unknown kind"},
		{`{"exercise":"overview"}`, 400, "unknown kind"},
		{`{"kind":"pass"}`, 400, "names its exercise"},
		{`{"kind":"pass","exercise":"ml-9"}`, 400, "unknown exercise"},
		{`{"kind":"pass","exercise":"../../etc/passwd"}`, 400, "unknown exercise"},
		{`{"kind":"restart","exercise":"nope"}`, 400, "unknown exercise"},
		{`{"kind":"error","exercise":"overview","error":{"type":"` + code(81) + `","line":"x"}}`, 400, "over 80"},
		{`{"kind":"error","exercise":"overview","error":{"type":"E","line":"` + code(201) + `"}}`, 400, "over 200"},
		{`{"kind":"error","exercise":"overview","error":{"type":"E\nF","line":"x"}}`, 400, "more than one line"},
		{`{"kind":"pass","exercise":"overview","error":{"type":"E","line":"x"}}`, 400, "only an error event"},
		{`{"kind":"pass","exercise":"overview","code":"x"}`, 400, "only a share event"},
		{`{"kind":"error","exercise":"overview","code":"x"}`, 400, "only a share event"},
		{`{"kind":"restart","code":"x"}`, 400, "only a share event"},
		{`{"kind":"share","exercise":"overview"}`, 400, "carries the cell's code"},
		{`{"kind":"share","code":"x"}`, 400, "names its exercise"},
	} {
		status, h, body := do(t, "POST", events, key, c.body)
		if status != c.want || !strings.Contains(body, c.says) || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
			short := c.body[:min(len(c.body), 80)]
			t.Errorf("%s: %d %q, want %d saying %q", short, status, body, c.want, c.says)
		}
	}
	// The limits themselves are allowed: a line of 200 characters (of
	// many bytes each), the rest of a many-line message dropped.
	long := strings.Repeat("é", 200)
	send(t, srv.URL, cls, key, `{"kind":"error","exercise":"overview","error":{"type":"`+strings.Repeat("E", 80)+`","line":"`+long+`\n`+code(1000)+`"}}`)
	send(t, srv.URL, cls, key, `{"kind":"share","exercise":"overview","code":"`+code(8<<10)+`"}`)
	snap := state(t, srv.URL, cls, teach)
	if len(snap.Errors) != 1 || snap.Errors[0].Line != long || len(snap.Shared) != 1 || len(snap.Shared[0].Code) != 8<<10 {
		t.Errorf("the events at the limits: %+v", snap.Errors)
	}
	if len(snap.Learners[0].States) != 1 || snap.Learners[0].Restarts != 0 {
		t.Errorf("a refused event changed the class: %+v", snap.Learners[0])
	}

	join := srv.URL + "/api/class/" + cls + "/join"
	for _, c := range []struct {
		body string
		want int
		says string
	}{
		{`{"name":""}`, 400, "a name is required"},
		{`{"name":"   "}`, 400, "a name is required"},
		{`{}`, 400, "a name is required"},
		{`{"name":"` + strings.Repeat("ü", 41) + `"}`, 400, "at most 40"},
		{`{"name":"Ada\u0000"}`, 400, "control character"},
		{`{"name":"A\nda"}`, 400, "control character"},
		{`{"name":"Ada\u007f"}`, 400, "control character"},
		{`{"name":"Ada","admin":true}`, 400, "unknown field"},
		{`{"name":"` + code(17<<10) + `"}`, 413, "too large"},
		{`{"name":1}`, 400, "bad request body"},
	} {
		status, _, body := do(t, "POST", join, "", c.body)
		if status != c.want || !strings.Contains(body, c.says) {
			t.Errorf("join %s: %d %q, want %d saying %q", c.body[:min(len(c.body), 60)], status, body, c.want, c.says)
		}
	}
	join2 := func(name string) {
		if status, _, body := do(t, "POST", join, "", `{"name":"`+name+`"}`); status != 201 {
			t.Errorf("join %q: %d %s", name, status, body)
		}
	}
	join2(strings.Repeat("ü", 40))
	join2("Zoë 🙂")
	if n := len(state(t, srv.URL, cls, teach).Learners); n != 3 {
		t.Errorf("%d learners after the refused joins, want 3", n)
	}
}

// HTML in a name or in shared code is data: stored and returned verbatim
// in JSON, never as a page.
func TestHTMLStaysText(t *testing.T) {
	_, srv := serve(t, class.Options{Exercises: course})
	cls, teach := create(t, srv.URL)
	name := `<img src=x onerror="alert(1)">`
	code := "</script><script>alert('x')</script>\n<b>bold</b> & \"quotes\" \u2028"
	_, key := join(t, srv.URL, cls, name)
	b, _ := json.Marshal(map[string]string{"kind": "share", "exercise": "overview", "code": code})
	send(t, srv.URL, cls, key, string(b))
	send(t, srv.URL, cls, key, `{"kind":"error","exercise":"overview","error":{"type":"<svg/onload=alert(1)>","line":"<i>x</i>"}}`)
	snap := state(t, srv.URL, cls, teach)
	if snap.Learners[0].Name != name || snap.Shared[0].Name != name || snap.Shared[0].Code != code || snap.Stuck[0].Name != name {
		t.Errorf("not verbatim: %+v %+v", snap.Learners[0], snap.Shared[0])
	}
	if snap.Errors[0].Type != "<svg/onload=alert(1)>" || snap.Errors[0].Line != "<i>x</i>" {
		t.Errorf("error not verbatim: %+v", snap.Errors[0])
	}
	// The raw JSON carries no raw "<" at all (encoding/json escapes it), so
	// even a page that wrongly sniffed it as HTML would find no tag.
	_, h, body := do(t, "GET", srv.URL+"/api/class/"+cls+"/state", teach, "")
	if strings.ContainsAny(body, "<>") || h.Get("Content-Type") != "application/json" || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("state: %v %s", h, body)
	}
}

// The 501st learner is refused, and the class stays usable.
func TestClassFull(t *testing.T) {
	_, srv := serve(t, class.Options{Exercises: course})
	cls, teach := create(t, srv.URL)
	var wg sync.WaitGroup
	var refused, joined atomic.Int32
	var lastKey atomic.Value
	for i := range 520 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _, body := do(t, "POST", srv.URL+"/api/class/"+cls+"/join", "", fmt.Sprintf(`{"name":"learner %d"}`, i))
			switch {
			case status == 201:
				joined.Add(1)
				var got struct{ Key string }
				json.Unmarshal([]byte(body), &got)
				lastKey.Store(got.Key)
			case status == 403 && strings.Contains(body, "the class is full"):
				refused.Add(1)
			default:
				t.Errorf("join %d: %d %s", i, status, body)
			}
		}()
	}
	wg.Wait()
	if joined.Load() != 500 || refused.Load() != 20 {
		t.Fatalf("%d joined and %d refused, want 500 and 20", joined.Load(), refused.Load())
	}
	send(t, srv.URL, cls, lastKey.Load().(string), `{"kind":"pass","exercise":"overview"}`)
	snap := state(t, srv.URL, cls, teach)
	if len(snap.Learners) != 500 {
		t.Errorf("%d learners", len(snap.Learners))
	}
	ids := map[string]bool{}
	for _, l := range snap.Learners {
		ids[l.ID] = true
	}
	if len(ids) != 500 {
		t.Errorf("%d distinct learner ids for 500 learners", len(ids))
	}
}

// A server holds at most MaxClasses classes: then /class/new is a 503
// saying so.
func TestTooManyClasses(t *testing.T) {
	s, srv := serve(t, class.Options{MaxClasses: 3})
	for range 3 {
		create(t, srv.URL)
	}
	status, h, body := do(t, "GET", srv.URL+"/class/new", "", "")
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "3 classes") || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		t.Errorf("the 4th class: %d %v %q", status, h, body)
	}
	if s.Len() != 3 {
		t.Errorf("%d classes", s.Len())
	}
}

// 10,000 events within one second (the fake clock stands still) from one
// learner, from 8 goroutines at once: exactly the bucket's burst of 30 is
// taken, every other one is a 429 with Retry-After, another learner is
// not slowed, and the class counts exactly what was taken. Then, a second
// later, 10 more (the sustained rate).
func TestFlood(t *testing.T) {
	clk := newClock()
	s := class.New(class.Options{Exercises: course, Now: clk.Now})
	defer s.Close()
	call := func(method, path, auth, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		return rec
	}
	m := location.FindStringSubmatch(call("GET", "/class/new", "", "").Header().Get("Location"))
	cls, teach := m[1], m[2]
	keyOf := func(name string) string {
		var got struct{ Key string }
		json.Unmarshal(call("POST", "/api/class/"+cls+"/join", "", `{"name":"`+name+`"}`).Body.Bytes(), &got)
		return got.Key
	}
	eve, ada := keyOf("Eve"), keyOf("Ada")
	flood := `{"kind":"error","exercise":"delayed-1","error":{"type":"ZeroDivisionError","line":"division by zero"}}`

	var taken, limited atomic.Int32
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10000 / 8 {
				rec := call("POST", "/api/class/"+cls+"/events", eve, flood)
				switch rec.Code {
				case 204:
					taken.Add(1)
				case 429:
					if rec.Header().Get("Retry-After") != "1" {
						t.Errorf("429 with Retry-After %q", rec.Header().Get("Retry-After"))
					}
					limited.Add(1)
				default:
					t.Errorf("goroutine %d: %d %s", g, rec.Code, rec.Body)
				}
			}
		}()
	}
	// Ada, meanwhile, is not limited by Eve.
	for _, ev := range []string{`{"kind":"attempted","exercise":"overview"}`, `{"kind":"pass","exercise":"overview"}`} {
		if rec := call("POST", "/api/class/"+cls+"/events", ada, ev); rec.Code != 204 {
			t.Errorf("Ada during the flood: %d %s", rec.Code, rec.Body)
		}
	}
	wg.Wait()
	if taken.Load() != 30 || limited.Load() != 10000-30 {
		t.Fatalf("%d taken, %d limited; want 30 and 9970", taken.Load(), limited.Load())
	}
	// Junk costs a token too: it cannot be used to flood.
	if rec := call("POST", "/api/class/"+cls+"/events", eve, "junk"); rec.Code != 429 {
		t.Errorf("junk during the limit: %d", rec.Code)
	}

	clk.Add(time.Second)
	for i := range 11 {
		rec := call("POST", "/api/class/"+cls+"/events", eve, `{"kind":"pass","exercise":"delayed-2"}`)
		if want := map[bool]int{true: 204, false: 429}[i < 10]; rec.Code != want {
			t.Errorf("a second later, event %d: %d, want %d", i, rec.Code, want)
		}
	}

	rec := call("GET", "/api/class/"+cls+"/state", teach, "")
	var snap class.Snapshot
	if err := json.Unmarshal(rec.Body.Bytes(), &snap); err != nil {
		t.Fatal(err)
	}
	t0 := newClock().Now()
	wantErrs := []class.ErrorCount{{Type: "ZeroDivisionError", Line: "division by zero", Exercise: "delayed-1", Count: 30, Learners: 1}}
	if !reflect.DeepEqual(snap.Errors, wantErrs) {
		t.Errorf("errors = %+v", snap.Errors)
	}
	wantEve := class.LearnerState{ID: snap.Learners[0].ID, Name: "Eve", Joined: ms(t0), Last: ms(t0.Add(time.Second)),
		States: map[string]string{"delayed-1": "error", "delayed-2": "pass"}, PassedOnce: []string{"delayed-2"}, Current: "delayed-2"}
	wantAda := class.LearnerState{ID: snap.Learners[1].ID, Name: "Ada", Joined: ms(t0), Last: ms(t0),
		States: map[string]string{"overview": "pass"}, PassedOnce: []string{"overview"}, Current: "overview"}
	if !reflect.DeepEqual(snap.Learners, []class.LearnerState{wantEve, wantAda}) {
		t.Errorf("learners:\n got %+v\nwant %+v %+v", snap.Learners, wantEve, wantAda)
	}
	if len(snap.Stuck) != 0 {
		t.Errorf("stuck: %+v", snap.Stuck)
	}
}

// The same flood over a real connection, sent as fast as one client can:
// refused with 429 past the burst, the server unharmed.
func TestFloodOverHTTP(t *testing.T) {
	clk := newClock()
	_, srv := serve(t, class.Options{Exercises: course, Now: clk.Now})
	cls, teach := create(t, srv.URL)
	_, key := join(t, srv.URL, cls, "Eve")
	counts := map[int]int{}
	for range 10000 {
		status, _, _ := do(t, "POST", srv.URL+"/api/class/"+cls+"/events", key, `{"kind":"attempted","exercise":"overview"}`)
		counts[status]++
	}
	if counts[204] != 30 || counts[429] != 9970 {
		t.Errorf("statuses: %v", counts)
	}
	if snap := state(t, srv.URL, cls, teach); snap.Learners[0].States["overview"] != "attempted" {
		t.Errorf("after the flood: %+v", snap.Learners[0])
	}
}

// Learners sending at once, a stream and readers of the state meanwhile:
// run with -race. The final state is exact.
func TestConcurrentLearners(t *testing.T) {
	_, srv := serve(t, class.Options{Exercises: course, Burst: 1000})
	cls, teach := create(t, srv.URL)
	_, ch := openStream(t, srv.URL+"/api/class/"+cls+"/stream?key="+teach)
	const n, runs = 40, 20
	keys := make([]string, n)
	ids := make([]string, n)
	for i := range n {
		ids[i], keys[i] = join(t, srv.URL, cls, fmt.Sprintf("learner %d", i))
	}
	stop := make(chan struct{})
	var readers sync.WaitGroup
	readers.Add(1)
	go func() {
		defer readers.Done()
		for {
			select {
			case <-stop:
				return
			default:
				state(t, srv.URL, cls, teach)
			}
		}
	}()
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range runs {
				ev := fmt.Sprintf(`{"kind":"error","exercise":"delayed-1","error":{"type":"E%d","line":"x"}}`, i%2)
				if r == runs-1 {
					ev = `{"kind":"pass","exercise":"delayed-1"}`
				}
				if r == 5 {
					ev = fmt.Sprintf(`{"kind":"share","exercise":"overview","code":"learner %d"}`, i)
				}
				send(t, srv.URL, cls, keys[i], ev)
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	snap := state(t, srv.URL, cls, teach)
	for i, l := range snap.Learners {
		if l.ID != ids[i] || l.States["delayed-1"] != "pass" || l.StuckSince != 0 {
			t.Errorf("learner %d: %+v", i, l)
		}
	}
	// 18 errors each: 20 runs less the share and the pass. The two
	// groups tie; which came first depends on the goroutines.
	sortErrs := func(e []class.ErrorCount) []class.ErrorCount {
		return slices.SortedFunc(slices.Values(e), func(a, b class.ErrorCount) int { return strings.Compare(a.Type, b.Type) })
	}
	snap.Errors = sortErrs(snap.Errors)
	want := []class.ErrorCount{
		{Type: "E0", Line: "x", Exercise: "delayed-1", Count: 18 * n / 2, Learners: n / 2},
		{Type: "E1", Line: "x", Exercise: "delayed-1", Count: 18 * n / 2, Learners: n / 2},
	}
	if !reflect.DeepEqual(snap.Errors, want) {
		t.Errorf("errors = %+v", snap.Errors)
	}
	if len(snap.Shared) != n || len(snap.Stuck) != 0 {
		t.Errorf("%d shared, stuck %+v", len(snap.Shared), snap.Stuck)
	}
	// The stream's latest message comes to the same state.
	deadline := time.After(20 * time.Second)
	for {
		select {
		case s := <-ch:
			if s != nil && reflect.DeepEqual(sortErrs(s.Errors), want) && len(s.Shared) == n {
				return
			}
		case <-deadline:
			t.Fatal("the stream never showed the final state")
		}
	}
}

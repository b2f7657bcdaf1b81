// Package class serves Burst's classes: an instructor opens /class/new
// and gets a private instructor link; learners join by name from the class
// link and their pages report what happens to the exercises they run; the
// instructor's page reads the class as one JSON snapshot, live through
// server-sent events.
//
//	GET  /class/new                        303 to /class.html#<class>.<teach>
//	POST /api/class/<class>/join           {"name"} → 201 {"learner","key"}
//	POST /api/class/<class>/events         Bearer <key>; one event → 204
//	GET  /api/class/<class>/state          Bearer <teach> → the snapshot
//	GET  /api/class/<class>/stream?key=<teach>  the snapshot, then on change (SSE)
//
// Design. Everything lives in memory, in one Store: a class is a few
// kilobytes plus its shared cells, nothing outlives the process, and a
// class nobody touched (no event, no join, no reader) for 12 hours is
// dropped by a janitor goroutine. That is why the Workers deployment sends
// these paths to one upstream server instead of implementing them again:
// the stream's readers and the learners' events must meet in one
// long-lived process that holds the class.
//
// Each class has its own mutex, so classes never wait for each other; the
// Store's lock only guards the map of classes. A learner's state on an
// exercise moves by an explicit table (transitions, in learner.go), the
// way Dask's scheduler names each of its task transitions; "stuck" is the
// streak of runs of the learner's current exercise without a ✓.
// Snapshots are built under the class's lock and encoded outside it; the
// stream's readers share one encoding per change, and a change wakes them
// by closing a channel, so a class with no reader pays nothing for them.
//
// Safety: the class, instructor and learner tokens are 128 bits from
// crypto/rand; only the instructor token reads a class; bodies are
// bounded (http.MaxBytesReader), unknown fields refused, each learner
// rate-limited by a token bucket, a class holds at most 500 learners and a
// server 1,000 classes. Names and shared code are stored and returned
// verbatim in JSON: showing them as text is the page's job.
package class

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Exercise is one exercise of the course: the stem of its solution file,
// the lesson it is in, and its heading.
type Exercise struct {
	ID     string `json:"id"`
	Lesson string `json:"lesson"`
	Title  string `json:"title"`
}

// Options configure a Store; zero fields take the defaults shown, which
// are the API's contract (tests shrink them).
type Options struct {
	// Exercises is the course's list (LoadExercises): events may name only
	// these, and the snapshot's columns are these in this order. When
	// empty, any id matching ^[a-z0-9][a-z0-9-]{0,39}$ is taken, and the
	// columns are the ids the class used, in the order first seen.
	Exercises []Exercise
	// Now is the clock of every time the Store keeps or compares: joins,
	// events, stuck streaks, rate limits, expiry (time.Now).
	Now func() time.Time

	MaxClasses     int           // live classes in the Store: 1,000
	MaxLearners    int           // learners in a class: 500
	MaxBody        int64         // bytes of a join or event request: 16 KiB
	MaxCode        int           // bytes of a shared cell: 8 KiB
	Rate           float64       // events a learner may send per second, sustained: 10
	Burst          int           // and at once: 30
	Idle           time.Duration // a class untouched this long is dropped: 12h
	SweepEvery     time.Duration // how often the janitor looks (real time): 1m
	StreamInterval time.Duration // least time between two snapshots on a stream: 250ms
	Keepalive      time.Duration // a comment on an idle stream this often: 15s
}

func (o *Options) defaults() {
	if o.Now == nil {
		o.Now = time.Now
	}
	def := func(p *int, v int) {
		if *p <= 0 {
			*p = v
		}
	}
	defDur := func(p *time.Duration, v time.Duration) {
		if *p <= 0 {
			*p = v
		}
	}
	def(&o.MaxClasses, 1000)
	def(&o.MaxLearners, 500)
	def(&o.MaxCode, 8<<10)
	def(&o.Burst, 30)
	if o.MaxBody <= 0 {
		o.MaxBody = 16 << 10
	}
	if o.Rate <= 0 {
		o.Rate = 10
	}
	defDur(&o.Idle, 12*time.Hour)
	defDur(&o.SweepEvery, time.Minute)
	defDur(&o.StreamInterval, 250*time.Millisecond)
	defDur(&o.Keepalive, 15*time.Second)
}

// Limits of what one class keeps, so that a hostile learner cannot grow it
// without bound: distinct error groups (past it the rarest is forgotten),
// shared cells (the newest are kept), and, without a course list,
// distinct exercise ids.
const (
	maxErrorGroups = 1000
	maxShared      = 50
	maxFreeIDs     = 200
	maxName        = 40
	maxErrType     = 80
	maxErrLine     = 200
)

// freeID is what an exercise id looks like when the Store has no list.
var freeID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// Store holds the classes of one server and serves the API (http.Handler).
// Create it with New and stop its janitor with Close.
type Store struct {
	opts    Options
	known   map[string]bool // the ids of opts.Exercises
	mu      sync.RWMutex
	classes map[string]*class // by class token
	done    chan struct{}     // closed by Close: the janitor and the streams end
	once    sync.Once
	wg      sync.WaitGroup
}

// New returns a Store with its janitor running.
func New(opts Options) *Store {
	opts.defaults()
	s := &Store{opts: opts, classes: map[string]*class{}, done: make(chan struct{})}
	if len(opts.Exercises) > 0 {
		s.known = map[string]bool{}
		for _, e := range opts.Exercises {
			s.known[e.ID] = true
		}
	}
	s.wg.Add(1)
	go s.janitor()
	return s
}

// Close stops the janitor and ends the open streams; the classes are
// forgotten with the Store.
func (s *Store) Close() {
	s.once.Do(func() { close(s.done) })
	s.wg.Wait()
}

func (s *Store) janitor() {
	defer s.wg.Done()
	t := time.NewTicker(s.opts.SweepEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.Sweep()
		case <-s.done:
			return
		}
	}
}

// Sweep drops the classes idle for Options.Idle or longer by the Store's
// clock, and says how many it dropped. The janitor calls it every
// SweepEvery; a class with a stream open is not idle.
func (s *Store) Sweep() int {
	now := s.opts.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for tok, c := range s.classes {
		c.mu.Lock()
		if c.readers > 0 {
			c.active = now
		}
		idle := now.Sub(c.active) >= s.opts.Idle
		c.mu.Unlock()
		if idle {
			delete(s.classes, tok)
			n++
		}
	}
	return n
}

// Len is the number of live classes.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.classes)
}

// class is one class. Everything in it is guarded by mu.
type class struct {
	token, teach string
	mu           sync.Mutex
	created      time.Time
	active       time.Time // last join, event or reader
	learners     []*learner
	byKey        map[string]*learner
	ids          map[string]bool // learner ids, to keep them unique
	seen         []Exercise      // without a course list: the ids used, first seen first
	errs         map[errKey]*errGroup
	shared       []share // oldest first, at most maxShared
	readers      int
	// version counts changes; changed, when a reader waits, is closed at
	// the next one. cache is the stream's encoding of version cacheVer.
	version  uint64
	changed  chan struct{}
	cache    []byte
	cacheVer uint64
}

type errKey struct{ typ, line, exercise string }

type errGroup struct {
	count    int
	learners map[int]bool // by learner index
	first    int          // order of first sight, to break ties stably
}

type share struct {
	learner  *learner
	exercise string
	code     string
	time     time.Time
	seq      uint64
}

// touch records a change at now: readers wake, and the class is active.
func (c *class) touch(now time.Time) {
	c.active = now
	c.version++
	if c.changed != nil {
		close(c.changed)
		c.changed = nil
	}
}

// watch returns the class's version and a channel closed at its next
// change.
func (c *class) watch() (uint64, <-chan struct{}) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.changed == nil {
		c.changed = make(chan struct{})
	}
	return c.version, c.changed
}

// token returns n random bytes in base64url without padding.
func token(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		// crypto/rand does not fail on the systems Go supports; a token
		// that is not random must never be handed out.
		panic("crypto/rand: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// ServeHTTP routes /class/new and /api/class/<class>/….
func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	select {
	case <-s.done:
		http.Error(w, "the class server is shutting down", http.StatusServiceUnavailable)
		return
	default:
	}
	if r.URL.Path == "/class/new" {
		if !method(w, r, http.MethodGet) {
			return
		}
		s.create(w)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/api/class/")
	tok, action, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || tok == "" || strings.Contains(action, "/") {
		http.Error(w, "no such class API path: "+r.URL.Path, http.StatusNotFound)
		return
	}
	want := map[string]string{"join": http.MethodPost, "events": http.MethodPost, "state": http.MethodGet, "stream": http.MethodGet}[action]
	if want == "" {
		http.Error(w, "no such class API path: "+r.URL.Path, http.StatusNotFound)
		return
	}
	if !method(w, r, want) {
		return
	}
	s.mu.RLock()
	c := s.classes[tok]
	s.mu.RUnlock()
	if c == nil {
		http.Error(w, "no such class: it never existed, or it expired after 12 hours without activity", http.StatusNotFound)
		return
	}
	switch action {
	case "join":
		s.join(w, r, c)
	case "events":
		s.event(w, r, c)
	case "state", "stream":
		key := bearer(r)
		if key == "" && action == "stream" {
			key = r.URL.Query().Get("key")
		}
		if subtle.ConstantTimeCompare([]byte(key), []byte(c.teach)) != 1 {
			http.Error(w, "forbidden: only the instructor link reads the class", http.StatusForbidden)
			return
		}
		if action == "state" {
			s.state(w, c)
		} else {
			s.stream(w, r, c)
		}
	}
}

// method checks r's method, answering 405 when it is not want.
func method(w http.ResponseWriter, r *http.Request, want string) bool {
	if r.Method == want {
		return true
	}
	w.Header().Set("Allow", want)
	http.Error(w, "method not allowed: use "+want, http.StatusMethodNotAllowed)
	return false
}

// bearer is the token of an "Authorization: Bearer …" header, or "".
func bearer(r *http.Request) string {
	a := r.Header.Get("Authorization")
	if len(a) > 7 && strings.EqualFold(a[:7], "bearer ") {
		return strings.TrimSpace(a[7:])
	}
	return ""
}

// create makes a class and sends the instructor to its page; the fragment
// carries the tokens, so they never reach a server's logs from there.
func (s *Store) create(w http.ResponseWriter) {
	now := s.opts.Now()
	s.mu.Lock()
	if len(s.classes) >= s.opts.MaxClasses {
		s.mu.Unlock()
		http.Error(w, fmt.Sprintf("this server holds %d classes already, its most: try again when one has expired (12 hours without activity)", s.opts.MaxClasses), http.StatusServiceUnavailable)
		return
	}
	c := &class{
		teach:   token(16),
		created: now,
		active:  now,
		byKey:   map[string]*learner{},
		ids:     map[string]bool{},
		errs:    map[errKey]*errGroup{},
	}
	for c.token == "" || s.classes[c.token] != nil {
		c.token = token(16)
	}
	s.classes[c.token] = c
	s.mu.Unlock()
	w.Header().Set("Location", "/class.html#"+c.token+"."+c.teach)
	w.WriteHeader(http.StatusSeeOther)
}

// readBody decodes r's body, one JSON object of at most MaxBody bytes with
// no fields v does not have, into v; it answers the failure and returns
// false.
func (s *Store) readBody(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.opts.MaxBody))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if dec.Decode(&struct{}{}) != io.EOF {
			err = errors.New("the body must be one JSON object, with nothing after it")
		}
	}
	if err == nil {
		return true
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		http.Error(w, fmt.Sprintf("request too large: at most %d bytes", s.opts.MaxBody), http.StatusRequestEntityTooLarge)
		return false
	}
	http.Error(w, "bad request body: "+err.Error(), http.StatusBadRequest)
	return false
}

// writeJSON answers status with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "encoding the answer: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// checkName trims a display name and says what is wrong with it.
func checkName(name string) (string, error) {
	name = strings.TrimSpace(name)
	n := utf8.RuneCountInString(name)
	switch {
	case n == 0:
		return "", errors.New("a name is required")
	case n > maxName:
		return "", fmt.Errorf("the name has %d characters: at most %d", n, maxName)
	case !utf8.ValidString(name):
		return "", errors.New("the name is not valid UTF-8")
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return "", errors.New("the name holds a control character")
		}
	}
	return name, nil
}

// join adds a learner.
func (s *Store) join(w http.ResponseWriter, r *http.Request, c *class) {
	var req struct {
		Name string `json:"name"`
	}
	if !s.readBody(w, r, &req) {
		return
	}
	name, err := checkName(req.Name)
	if err != nil {
		http.Error(w, "bad name: "+err.Error(), http.StatusBadRequest)
		return
	}
	now := s.opts.Now()
	c.mu.Lock()
	if len(c.learners) >= s.opts.MaxLearners {
		c.mu.Unlock()
		http.Error(w, fmt.Sprintf("the class is full: it has %d learners, its most", s.opts.MaxLearners), http.StatusForbidden)
		return
	}
	l := &learner{
		key:        token(16),
		name:       name,
		index:      len(c.learners),
		joined:     now,
		last:       now,
		states:     map[string]State{},
		passedOnce: map[string]bool{},
		bucket:     bucket{tokens: float64(s.opts.Burst), at: now},
	}
	for l.id == "" || c.ids[l.id] {
		l.id = token(6)
	}
	c.ids[l.id] = true
	c.byKey[l.key] = l
	c.learners = append(c.learners, l)
	c.touch(now)
	c.mu.Unlock()
	writeJSON(w, http.StatusCreated, map[string]string{"learner": l.id, "key": l.key})
}

// eventIn is an event as a page sends it.
type eventIn struct {
	Kind     string `json:"kind"`
	Exercise string `json:"exercise"`
	Error    *struct {
		Type string `json:"type"`
		Line string `json:"line"`
	} `json:"error"`
	Code *string `json:"code"`
}

// event is a checked event, ready to apply.
type event struct {
	kind             Kind
	exercise         string
	errType, errLine string
	code             string
}

// check validates e against the contract, given whether exercise ids
// are known (known != nil) or free.
func (s *Store) check(e *eventIn) (event, error) {
	k, ok := kinds[e.Kind]
	if !ok {
		return event{}, fmt.Errorf("unknown kind %q: attempted, pass, error, restart or share", e.Kind)
	}
	ev := event{kind: k, exercise: e.Exercise}
	if k != KindRestart || e.Exercise != "" {
		switch {
		case e.Exercise == "":
			return event{}, fmt.Errorf("a %s event names its exercise", e.Kind)
		case s.known != nil && !s.known[e.Exercise]:
			return event{}, fmt.Errorf("unknown exercise %q", e.Exercise)
		case s.known == nil && !freeID.MatchString(e.Exercise):
			return event{}, fmt.Errorf("bad exercise id %q: lower-case letters, digits and dashes, at most 40", e.Exercise)
		}
	}
	if e.Error != nil {
		if k != KindError {
			return event{}, fmt.Errorf("only an error event carries an error, not a %s event", e.Kind)
		}
		line, _, _ := strings.Cut(e.Error.Line, "\n")
		line = strings.TrimSuffix(line, "\r")
		switch {
		case utf8.RuneCountInString(e.Error.Type) > maxErrType:
			return event{}, fmt.Errorf("the error's type is over %d characters", maxErrType)
		case strings.ContainsAny(e.Error.Type, "\r\n"):
			return event{}, errors.New("the error's type is more than one line")
		case utf8.RuneCountInString(line) > maxErrLine:
			return event{}, fmt.Errorf("the error's line is over %d characters", maxErrLine)
		}
		ev.errType, ev.errLine = e.Error.Type, line
	}
	if e.Code != nil {
		if k != KindShare {
			return event{}, fmt.Errorf("only a share event carries code, not a %s event", e.Kind)
		}
		if len(*e.Code) > s.opts.MaxCode {
			return event{}, fmt.Errorf("the shared code is %d bytes: at most %d", len(*e.Code), s.opts.MaxCode)
		}
		ev.code = *e.Code
	} else if k == KindShare {
		return event{}, errors.New("a share event carries the cell's code")
	}
	return ev, nil
}

// event takes one event of a learner: authenticated by its key, then rate
// limited (a refused body still costs a token, so junk cannot flood), then
// read and checked, then applied.
func (s *Store) event(w http.ResponseWriter, r *http.Request, c *class) {
	key := bearer(r)
	now := s.opts.Now()
	c.mu.Lock()
	l := c.byKey[key]
	var ok bool
	var wait time.Duration
	if l != nil {
		ok, wait = l.bucket.take(now, s.opts.Rate, s.opts.Burst)
	}
	c.mu.Unlock()
	if l == nil {
		http.Error(w, "forbidden: not a learner key of this class (join first)", http.StatusForbidden)
		return
	}
	if !ok {
		secs := max(1, int(math.Ceil(wait.Seconds())))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		http.Error(w, fmt.Sprintf("too many events: at most %g a second (%d at once); retry in %d s", s.opts.Rate, s.opts.Burst, secs), http.StatusTooManyRequests)
		return
	}
	var in eventIn
	if !s.readBody(w, r, &in) {
		return
	}
	ev, err := s.check(&in)
	if err != nil {
		http.Error(w, "bad event: "+err.Error(), http.StatusBadRequest)
		return
	}
	c.mu.Lock()
	err = s.apply(c, l, ev, now)
	c.mu.Unlock()
	if err != nil {
		http.Error(w, "bad event: "+err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// apply records a checked event of l; c.mu is held.
func (s *Store) apply(c *class, l *learner, ev event, now time.Time) error {
	if ev.exercise != "" && s.known == nil && ev.kind != KindRestart {
		if err := c.see(ev.exercise); err != nil {
			return err
		}
	}
	switch ev.kind {
	case KindRestart:
		l.restarts++
	case KindShare:
		c.shared = append(c.shared, share{learner: l, exercise: ev.exercise, code: ev.code, time: now, seq: c.version})
		if len(c.shared) > maxShared {
			c.shared = append(c.shared[:0], c.shared[len(c.shared)-maxShared:]...)
		}
	case KindError:
		c.countError(errKey{ev.errType, ev.errLine, ev.exercise}, l)
		l.run(ev.exercise, ev.kind, now)
	default:
		l.run(ev.exercise, ev.kind, now)
	}
	l.last = now
	c.touch(now)
	return nil
}

// see adds a free exercise id to the class's columns.
func (c *class) see(id string) error {
	for _, e := range c.seen {
		if e.ID == id {
			return nil
		}
	}
	if len(c.seen) >= maxFreeIDs {
		return fmt.Errorf("this class has used %d exercise ids already, its most", maxFreeIDs)
	}
	c.seen = append(c.seen, Exercise{ID: id})
	return nil
}

// countError counts an error event in its group. Past maxErrorGroups the
// rarest group is forgotten (the first seen among equals): the common
// errors the instructor wants to see survive a learner sending many
// distinct ones.
func (c *class) countError(k errKey, l *learner) {
	g := c.errs[k]
	if g == nil {
		if len(c.errs) >= maxErrorGroups {
			var rare errKey
			var rg *errGroup
			for k2, g2 := range c.errs {
				if rg == nil || g2.count < rg.count || g2.count == rg.count && g2.first < rg.first {
					rare, rg = k2, g2
				}
			}
			delete(c.errs, rare)
		}
		g = &errGroup{learners: map[int]bool{}, first: int(c.version)}
		c.errs[k] = g
	}
	g.count++
	g.learners[l.index] = true
}

// LoadExercises reads the course's exercise list from dist/exercises.json
// (written by the site build). A missing file is no list (nil, no error):
// the Store then takes any well-formed exercise id.
func LoadExercises(dist string) ([]Exercise, error) {
	b, err := os.ReadFile(filepath.Join(dist, "exercises.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var exs []Exercise
	if err := json.Unmarshal(b, &exs); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.Join(dist, "exercises.json"), err)
	}
	seen := map[string]bool{}
	for i, e := range exs {
		if !freeID.MatchString(e.ID) || seen[e.ID] {
			return nil, fmt.Errorf("%s: exercise %d has a bad or repeated id %q", filepath.Join(dist, "exercises.json"), i, e.ID)
		}
		seen[e.ID] = true
	}
	return exs, nil
}

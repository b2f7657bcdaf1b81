// Package cluster is the server's bridge to real Dask clusters: for each
// address given with -cluster it runs one Python process (bridge.py,
// embedded here, run by Debian's /usr/bin/python3 with python3-distributed)
// that holds distributed.Clients, restarts it when it dies, and serves the
// HTTP API the browser kernel uses to run plans on the cluster. README.md
// beside this file documents the API with examples.
//
//	GET    /api/cluster                    the configured clusters and the default
//	POST   /api/cluster/session            {"address"?} → the session id, workers, cores, memory
//	POST   /api/cluster/plan               {"session", "plan", "timeout"?} → the result
//	GET    /api/cluster/events?session=ID  task events, as Server-Sent Events
//	DELETE /api/cluster/session?session=ID close the session
//
// A plan is a JSON tree of whitelisted DataFrame operations (see
// CheckPlan). It is checked here before it reaches Python, and again in
// bridge.py, which rebuilds it with dask.dataframe calls: no code, no
// pickles and no paths outside the data folder ever reach the cluster.
// Errors come back as the message a Python cell shows, such as
// `ValueError: plan refused: node 3 (op "eval", at plan.input.input): unknown operation`.
package cluster

import (
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"burst/engine/sched"
)

//go:embed bridge.py
var bridgeScript []byte

// Options configure a Manager; zero fields take the defaults shown.
type Options struct {
	Python         string        // /usr/bin/python3
	Root           string        // the folder holding data/ ("."); plans read data/… inside it
	ConnectTimeout time.Duration // to connect a session's Client to the scheduler: 10s
	PlanTimeout    time.Duration // longest a plan may run: 10m
	StartTimeout   time.Duration // for the bridge to start: 60s
	IdleTimeout    time.Duration // sessions unused this long are closed: 1h
	// AbandonTimeout closes sooner a session whose page went away: one
	// that had an event subscriber, has none left and was not used for
	// this long (a reloaded or closed tab never says goodbye): 2m.
	AbandonTimeout time.Duration
	MaxSessions    int // per cluster: 64
	// MaxClientSessions is how many sessions one client (a remote IP
	// address) may have open on one cluster: 8.
	MaxClientSessions int
	// TrustedOrigins are origins (like "https://burst.example.org")
	// besides the server's own whose pages may use the API, and whose
	// host names requests may carry in Host. Without them, only
	// same-origin requests to a loopback name or an IP address are served:
	// another site's page, or a DNS name rebound to this server, is refused.
	TrustedOrigins []string
	// MaxQueuedPlans is how many plans of one session may wait while
	// its one plan runs; more are refused (429): 4.
	MaxQueuedPlans int
	Logf           func(format string, args ...any)
}

// Manager runs the bridges and serves the API. Its zero-cluster form
// (New with no addresses) answers every request with how to configure one.
type Manager struct {
	opts    Options
	addrs   []string
	bridges map[string]*bridge
	dir     string // holds the bridge script

	mu       sync.Mutex
	sessions map[string]*session
	closed   bool
	stopJan  chan struct{}
}

type session struct {
	id     string
	b      *bridge
	client string // the remote address it was opened from, for MaxClientSessions
	info   json.RawMessage

	// slot holds the session's one running plan (as in bridge.py): a
	// plan waits for it, or gives up when its request ends. queued
	// counts the plans running or waiting, for MaxQueuedPlans.
	slot      chan struct{}
	queued    atomic.Int32
	gen       int // the bridge process it was opened on
	persisted map[string]string
	lastUsed  time.Time

	subMu   sync.Mutex
	subs    map[chan sched.Event]bool
	watched bool          // it has had a subscriber
	left    time.Time     // when its last subscriber left
	done    chan struct{} // closed when the session closes
}

// NoClusterMessage is what the API says when the server was started
// without -cluster.
const NoClusterMessage = "no Dask cluster is configured on this server: start one (`dask scheduler` and `dask worker tcp://127.0.0.1:8786`, or any existing cluster) and start the server with `go run ./server -cluster tcp://127.0.0.1:8786`"

// New starts one bridge per address. The first address is the default.
func New(addrs []string, opts Options) (*Manager, error) {
	if opts.Python == "" {
		opts.Python = "/usr/bin/python3"
	}
	if opts.Root == "" {
		opts.Root = "."
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, err
	}
	opts.Root = root
	if opts.ConnectTimeout == 0 {
		opts.ConnectTimeout = 10 * time.Second
	}
	if opts.PlanTimeout == 0 {
		opts.PlanTimeout = 10 * time.Minute
	}
	if opts.StartTimeout == 0 {
		opts.StartTimeout = 60 * time.Second
	}
	if opts.IdleTimeout == 0 {
		opts.IdleTimeout = time.Hour
	}
	if opts.AbandonTimeout == 0 {
		opts.AbandonTimeout = 2 * time.Minute
	}
	if opts.MaxSessions == 0 {
		opts.MaxSessions = 64
	}
	if opts.MaxClientSessions == 0 {
		opts.MaxClientSessions = 8
	}
	if opts.MaxQueuedPlans == 0 {
		opts.MaxQueuedPlans = 4
	}
	if opts.Logf == nil {
		opts.Logf = log.Printf
	}
	m := &Manager{opts: opts, bridges: map[string]*bridge{}, sessions: map[string]*session{}, stopJan: make(chan struct{})}
	for _, a := range addrs {
		if err := checkAddress(a); err != nil {
			return nil, err
		}
		if !slices.Contains(m.addrs, a) {
			m.addrs = append(m.addrs, a)
		}
	}
	if len(m.addrs) == 0 {
		return m, nil
	}
	m.dir, err = os.MkdirTemp("", "burst-bridge-")
	if err != nil {
		return nil, err
	}
	script := filepath.Join(m.dir, "bridge.py")
	if err := os.WriteFile(script, bridgeScript, 0o600); err != nil {
		return nil, err
	}
	for _, a := range m.addrs {
		m.bridges[a] = newBridge(m, a, script)
	}
	go m.janitor()
	return m, nil
}

// checkAddress accepts the addresses a Dask client connects to.
func checkAddress(a string) error {
	for _, scheme := range []string{"tcp://", "tls://", "ws://", "wss://"} {
		if rest, ok := strings.CutPrefix(a, scheme); ok && rest != "" && !strings.ContainsAny(rest, " /\\\"'") {
			return nil
		}
	}
	return fmt.Errorf("cluster address %q: want a Dask scheduler address like tcp://127.0.0.1:8786", a)
}

// Addresses returns the configured clusters, the default first.
func (m *Manager) Addresses() []string { return slices.Clone(m.addrs) }

// Close closes all sessions and stops the bridges.
func (m *Manager) Close() error {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return nil
	}
	m.closed = true
	close(m.stopJan)
	ss := m.sessions
	m.sessions = map[string]*session{}
	m.mu.Unlock()
	for _, s := range ss {
		s.end()
	}
	var wg sync.WaitGroup
	for _, b := range m.bridges {
		wg.Add(1)
		go func() { defer wg.Done(); b.close() }()
	}
	wg.Wait()
	if m.dir != "" {
		os.RemoveAll(m.dir)
	}
	return nil
}

func (m *Manager) logf(format string, args ...any) { m.opts.Logf(format, args...) }

// janitor closes sessions nobody used for IdleTimeout, and abandoned ones
// after AbandonTimeout.
func (m *Manager) janitor() {
	t := time.NewTicker(max(10*time.Millisecond, min(time.Minute, m.opts.AbandonTimeout/4)))
	defer t.Stop()
	for {
		select {
		case <-m.stopJan:
			return
		case <-t.C:
		}
		m.mu.Lock()
		all := make([]*session, 0, len(m.sessions))
		for _, s := range m.sessions {
			all = append(all, s)
		}
		m.mu.Unlock()
		var idle []*session
		for _, s := range all {
			// A session running a plan is in use: TryLock fails.
			if !s.tryAcquire() {
				continue
			}
			s.subMu.Lock()
			unused := time.Since(s.lastUsed)
			abandoned := s.watched && time.Since(s.left) > m.opts.AbandonTimeout && unused > m.opts.AbandonTimeout
			if len(s.subs) == 0 && (unused > m.opts.IdleTimeout || abandoned) {
				idle = append(idle, s)
			}
			s.subMu.Unlock()
			s.release()
		}
		for _, s := range idle {
			m.closeSession(context.Background(), s)
		}
	}
}

// deliver passes an event from a bridge to the session's subscribers;
// a subscriber too slow to keep up loses events rather than stalling the
// bridge.
func (m *Manager) deliver(sid string, ev sched.Event) {
	m.mu.Lock()
	s := m.sessions[sid]
	m.mu.Unlock()
	if s == nil {
		return
	}
	s.subMu.Lock()
	for c := range s.subs {
		select {
		case c <- ev:
		default:
		}
	}
	s.subMu.Unlock()
}

// acquire waits for the session's plan slot, or for ctx to end.
func (s *session) acquire(ctx context.Context) error {
	select {
	case s.slot <- struct{}{}:
		return nil
	case <-ctx.Done():
		return &BridgeError{"canceled", "RuntimeError: the request ended before its plan started"}
	}
}

func (s *session) tryAcquire() bool {
	select {
	case s.slot <- struct{}{}:
		return true
	default:
		return false
	}
}

func (s *session) release() { <-s.slot }

func (s *session) end() {
	s.subMu.Lock()
	select {
	case <-s.done:
	default:
		close(s.done)
	}
	s.subMu.Unlock()
}

// OpenSession connects a new session to the cluster at addr ("" for the
// default) and returns it with the cluster's description.
func (m *Manager) OpenSession(ctx context.Context, addr string) (string, json.RawMessage, error) {
	return m.openSession(ctx, addr, "")
}

// openSession opens a session for client (a remote IP address; "" for
// none), within the limits per cluster and per client.
func (m *Manager) openSession(ctx context.Context, addr, client string) (string, json.RawMessage, error) {
	if len(m.addrs) == 0 {
		return "", nil, &BridgeError{"config", "RuntimeError: " + NoClusterMessage}
	}
	if addr == "" {
		addr = m.addrs[0]
	}
	b := m.bridges[addr]
	if b == nil {
		return "", nil, &BridgeError{"config", fmt.Sprintf("ValueError: this server is not connected to %s; it was started with -cluster %s", addr, strings.Join(m.addrs, " -cluster "))}
	}
	var raw [16]byte
	rand.Read(raw[:])
	s := &session{id: hex.EncodeToString(raw[:]), b: b, client: client, persisted: map[string]string{}, subs: map[chan sched.Event]bool{}, done: make(chan struct{}), lastUsed: time.Now(), slot: make(chan struct{}, 1)}
	// The limits are checked and the session registered under one lock
	// (concurrent opens cannot pass a limit together), before the bridge
	// opens it, so no event is lost.
	m.mu.Lock()
	n, mine := 0, 0
	for _, o := range m.sessions {
		if o.b == b {
			n++
			if client != "" && o.client == client {
				mine++
			}
		}
	}
	switch {
	case n >= m.opts.MaxSessions:
		m.mu.Unlock()
		return "", nil, &BridgeError{"busy", fmt.Sprintf("RuntimeError: %d sessions are open on %s already; try again later", n, addr)}
	case client != "" && mine >= m.opts.MaxClientSessions:
		m.mu.Unlock()
		return "", nil, &BridgeError{"busy", fmt.Sprintf("RuntimeError: you have %d sessions open on %s already, the most one client may have: close one (client.close()) or wait for an unused one to be closed", mine, addr)}
	}
	m.sessions[s.id] = s
	m.mu.Unlock()
	s.tryAcquire() // new: nobody else has it
	err := m.open(ctx, s)
	s.release()
	if err != nil {
		m.mu.Lock()
		delete(m.sessions, s.id)
		m.mu.Unlock()
		s.end()
		return "", nil, err
	}
	return s.id, s.info, nil
}

// open (re)opens s on its bridge's current process; s.mu is held.
func (m *Manager) open(ctx context.Context, s *session) error {
	ctx, cancel := context.WithTimeout(ctx, m.opts.ConnectTimeout+m.opts.StartTimeout)
	defer cancel()
	p, err := s.b.current(ctx)
	if err != nil {
		return err
	}
	ctx2, cancel2 := context.WithTimeout(ctx, m.opts.ConnectTimeout+15*time.Second)
	defer cancel2()
	res, err := s.b.call(ctx2, p, map[string]any{"op": "open", "session": s.id, "timeout": m.opts.ConnectTimeout.Seconds()})
	if err != nil {
		return err
	}
	s.gen = p.gen
	s.info = res
	s.persisted = map[string]string{}
	return nil
}

func (m *Manager) session(id string) (*session, error) {
	m.mu.Lock()
	s := m.sessions[id]
	m.mu.Unlock()
	if s == nil {
		return nil, &BridgeError{"session", "KeyError: no cluster session " + strconv.Quote(id) + " (it was closed, or the server restarted): connect again with Client(…)"}
	}
	return s, nil
}

// Result is a plan's outcome.
type Result struct {
	JSON    json.RawMessage // the value: a frame, series, scalar, or what persist kept
	Elapsed time.Duration   // checking, the bridge and the cluster
}

// RunPlan checks a plan and runs it in session sid. timeout, when
// positive and below the server's PlanTimeout, bounds it.
func (m *Manager) RunPlan(ctx context.Context, sid string, plan []byte, timeout time.Duration) (*Result, error) {
	t0 := time.Now()
	s, err := m.session(sid)
	if err != nil {
		return nil, err
	}
	// One plan runs per session, and a few wait: a page sending more is
	// told so, and a waiting plan whose request ended leaves the queue.
	if n := s.queued.Add(1); int(n) > 1+m.opts.MaxQueuedPlans {
		s.queued.Add(-1)
		return nil, &BridgeError{"busy", fmt.Sprintf("RuntimeError: this session has a plan running and %d waiting already; wait for them (or interrupt them) before sending more", m.opts.MaxQueuedPlans)}
	}
	defer s.queued.Add(-1)
	if err := s.acquire(ctx); err != nil {
		return nil, err
	}
	defer s.release()
	s.lastUsed = time.Now()
	p, err := CheckPlan(plan, m.opts.Root, s.persisted)
	if err != nil {
		return nil, err
	}
	if timeout <= 0 || timeout > m.opts.PlanTimeout {
		timeout = m.opts.PlanTimeout
	}
	proc, err := s.b.current(ctxWithTimeout(ctx, m.opts.StartTimeout))
	if err != nil {
		return nil, err
	}
	if proc.gen != s.gen {
		// The bridge restarted since the session opened: open it again
		// (what it had persisted is gone, and plans using it say so).
		if err := m.open(ctx, s); err != nil {
			return nil, err
		}
		if proc, err = s.b.current(ctx); err != nil {
			return nil, err
		}
		if p, err = CheckPlan(plan, m.opts.Root, s.persisted); err != nil {
			return nil, err
		}
	}
	// Python enforces the timeout and answers; the margin is for a bridge
	// that cannot answer at all.
	cctx, cancel := context.WithTimeout(ctx, timeout+15*time.Second)
	defer cancel()
	res, err := s.b.call(cctx, proc, map[string]any{"op": "plan", "session": s.id, "plan": p.JSON, "timeout": timeout.Seconds()})
	if err != nil {
		var be *BridgeError
		if errors.As(err, &be) && be.Kind == "session" {
			// The bridge lost the session (it restarted between our check
			// and the call): the next plan reopens it.
			s.gen = -1
		}
		return nil, err
	}
	if p.Root == "persist" {
		s.persisted[p.Name] = p.Kind
	}
	s.lastUsed = time.Now()
	return &Result{JSON: res, Elapsed: time.Since(t0)}, nil
}

func ctxWithTimeout(ctx context.Context, d time.Duration) context.Context {
	c, cancel := context.WithTimeout(ctx, d)
	context.AfterFunc(c, cancel)
	return c
}

// CloseSession closes a session and its client on the cluster.
func (m *Manager) CloseSession(ctx context.Context, sid string) error {
	s, err := m.session(sid)
	if err != nil {
		return err
	}
	return m.closeSession(ctx, s)
}

func (m *Manager) closeSession(ctx context.Context, s *session) error {
	m.mu.Lock()
	delete(m.sessions, s.id)
	m.mu.Unlock()
	s.end()
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	p, err := s.b.current(ctx)
	if err != nil {
		return nil // no bridge, no client to close
	}
	_, err = s.b.call(ctx, p, map[string]any{"op": "close", "session": s.id})
	return err
}

// Subscribe returns a channel of the session's task events, closed
// (after done) when the session ends; cancel stops the subscription.
func (m *Manager) Subscribe(sid string) (events <-chan sched.Event, done <-chan struct{}, cancel func(), err error) {
	s, err := m.session(sid)
	if err != nil {
		return nil, nil, nil, err
	}
	c := make(chan sched.Event, 4096)
	s.subMu.Lock()
	s.subs[c] = true
	s.watched = true
	s.subMu.Unlock()
	return c, s.done, func() {
		s.subMu.Lock()
		delete(s.subs, c)
		if len(s.subs) == 0 {
			s.left = time.Now()
		}
		s.subMu.Unlock()
	}, nil
}

// BridgePID returns the process id of the bridge to addr, 0 when it is not
// running.
func (m *Manager) BridgePID(addr string) int {
	b := m.bridges[addr]
	if b == nil {
		return 0
	}
	_, _, _, pid := b.state()
	return pid
}

// ---------------------------------------------------------------------------
// HTTP

// ServeHTTP serves the API under /api/cluster.
func (m *Manager) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	p := strings.TrimSuffix(r.URL.Path, "/")
	allow, known := allowed[p]
	switch {
	case !known:
		writeError(w, http.StatusNotFound, &BridgeError{"request", "ValueError: no such API: " + r.URL.Path})
		return
	case !slices.Contains(allow, r.Method):
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, http.StatusMethodNotAllowed, &BridgeError{"request", "ValueError: method " + r.Method + " not allowed here; " + p + " takes " + strings.Join(allow, ", ")})
		return
	}
	if err := m.checkOrigin(r); err != nil {
		writeError(w, http.StatusForbidden, err)
		return
	}
	if r.Method != http.MethodGet {
		// A state-changing call in a type a page may send anywhere
		// without asking (text/plain, a form) is not one of ours.
		if ct := r.Header.Get("Content-Type"); ct != "" {
			if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
				writeError(w, http.StatusUnsupportedMediaType, &BridgeError{"request", fmt.Sprintf("ValueError: the request's Content-Type is %s; the cluster API takes application/json", short(ct))})
				return
			}
		}
	}
	if len(m.addrs) == 0 && p != "/api/cluster" {
		writeError(w, http.StatusServiceUnavailable, &BridgeError{"config", "RuntimeError: " + NoClusterMessage})
		return
	}
	switch {
	case p == "/api/cluster" && r.Method == http.MethodGet:
		m.serveInfo(w)
	case p == "/api/cluster/session" && r.Method == http.MethodPost:
		m.serveOpen(w, r)
	case p == "/api/cluster/session" && r.Method == http.MethodDelete:
		m.serveClose(w, r)
	case p == "/api/cluster/plan" && r.Method == http.MethodPost:
		m.servePlan(w, r)
	case p == "/api/cluster/events" && r.Method == http.MethodGet:
		m.serveEvents(w, r)
	}
}

// allowed lists the API's routes and their methods.
var allowed = map[string][]string{
	"/api/cluster":         {http.MethodGet},
	"/api/cluster/session": {http.MethodPost, http.MethodDelete},
	"/api/cluster/plan":    {http.MethodPost},
	"/api/cluster/events":  {http.MethodGet},
}

// checkOrigin refuses requests from other sites' pages and requests whose
// Host is a name the server was not told about (DNS rebinding: a name
// that resolved to another site, then to this server). Accepted: a Host
// that is a loopback name, an IP address or a trusted origin's host; an
// Origin, when sent, that is the Host's own or a trusted one. Clients
// other than browsers (the native kernel) send no Origin.
func (m *Manager) checkOrigin(r *http.Request) error {
	host := strings.ToLower(r.Host)
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.Trim(name, "[]")
	trusted := func(origin string) bool {
		for _, o := range m.opts.TrustedOrigins {
			if strings.EqualFold(strings.TrimSuffix(o, "/"), origin) {
				return true
			}
		}
		return false
	}
	okHost := name == "localhost" || strings.HasSuffix(name, ".localhost") || net.ParseIP(name) != nil
	for _, o := range m.opts.TrustedOrigins {
		if u, err := url.Parse(o); err == nil && strings.EqualFold(u.Hostname(), name) {
			okHost = true
		}
	}
	if !okHost {
		return &BridgeError{"forbidden", fmt.Sprintf("PermissionError: this server does not answer for the host %s: use its address (like http://127.0.0.1:8080/), or start it trusting that origin", short(r.Host))}
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			return &BridgeError{"forbidden", "PermissionError: another site's page may not use this server's cluster API"}
		}
		return nil
	}
	if trusted(origin) {
		return nil
	}
	if u, err := url.Parse(origin); err == nil && (u.Scheme == "http" || u.Scheme == "https") && strings.EqualFold(u.Host, r.Host) {
		return nil
	}
	return &BridgeError{"forbidden", fmt.Sprintf("PermissionError: a page from %s may not use this server's cluster API (only the server's own pages, or origins it is started trusting)", short(origin))}
}

// clientOf is who a request comes from, for MaxClientSessions: its
// remote IP address, or, for a request from a trusted origin (a Burst
// deployment on Cloudflare Workers proxying its learners, all from the
// Worker's addresses), the learner's address the deployment forwards.
func (m *Manager) clientOf(r *http.Request) string {
	if origin := r.Header.Get("Origin"); origin != "" {
		for _, o := range m.opts.TrustedOrigins {
			if !strings.EqualFold(strings.TrimSuffix(o, "/"), origin) {
				continue
			}
			if fwd, _, _ := strings.Cut(r.Header.Get("X-Forwarded-For"), ","); strings.TrimSpace(fwd) != "" {
				return strings.TrimSpace(fwd)
			}
		}
	}
	if h, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		return h
	}
	return r.RemoteAddr
}

type clusterInfo struct {
	Address  string `json:"address"`
	Default  bool   `json:"default"`
	State    string `json:"state"`
	Restarts int    `json:"restarts"`
	Error    string `json:"error,omitempty"`
}

func (m *Manager) serveInfo(w http.ResponseWriter) {
	out := struct {
		Clusters []clusterInfo `json:"clusters"`
		Default  string        `json:"default"`
		Message  string        `json:"message,omitempty"`
	}{Clusters: []clusterInfo{}}
	for i, a := range m.addrs {
		st, restarts, lastErr, _ := m.bridges[a].state()
		if st == "running" {
			lastErr = ""
		}
		out.Clusters = append(out.Clusters, clusterInfo{a, i == 0, st, restarts, lastErr})
	}
	if len(m.addrs) > 0 {
		out.Default = m.addrs[0]
	} else {
		out.Message = "RuntimeError: " + NoClusterMessage
	}
	writeJSON(w, http.StatusOK, out)
}

func (m *Manager) serveOpen(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Address string `json:"address"`
	}
	if err := readJSON(r, &req, 4<<10); err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	id, info, err := m.openSession(r.Context(), req.Address, m.clientOf(r))
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	// {"session": id, ...the bridge's description of the cluster}
	var desc map[string]json.RawMessage
	json.Unmarshal(info, &desc)
	if desc == nil {
		desc = map[string]json.RawMessage{}
	}
	desc["session"], _ = json.Marshal(id)
	writeJSON(w, http.StatusOK, desc)
}

func (m *Manager) serveClose(w http.ResponseWriter, r *http.Request) {
	sid := r.URL.Query().Get("session")
	if sid == "" {
		var req struct {
			Session string `json:"session"`
		}
		readJSON(r, &req, 4<<10)
		sid = req.Session
	}
	if err := m.CloseSession(r.Context(), sid); err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"closed": true})
}

func (m *Manager) servePlan(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Session string          `json:"session"`
		Plan    json.RawMessage `json:"plan"`
		Timeout float64         `json:"timeout"`
	}
	if err := readJSON(r, &req, MaxPlanBytes+4<<10); err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	if len(req.Plan) == 0 {
		writeError(w, http.StatusBadRequest, &PlanError{"the request has no \"plan\""})
		return
	}
	// A plan may run for PlanTimeout: past any server-wide WriteTimeout,
	// and past its ReadTimeout, whose end would cancel the request's
	// context (and so the plan).
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Now().Add(m.opts.PlanTimeout + time.Minute))
	rc.SetReadDeadline(time.Time{})
	res, err := m.RunPlan(r.Context(), req.Session, req.Plan, time.Duration(req.Timeout*float64(time.Second)))
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"result": res.JSON, "seconds": res.Elapsed.Seconds()})
}

// serveEvents streams a session's events as Server-Sent Events: first an
// "ready" event (subscribed: start the plan now), then one unnamed event
// per task event with sched.Event's JSON as data, a comment every 15 s to
// keep proxies from closing the stream, and a "closed" event when the
// session closes.
func (m *Manager) serveEvents(w http.ResponseWriter, r *http.Request) {
	events, done, cancel, err := m.Subscribe(r.URL.Query().Get("session"))
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	defer cancel()
	rc := http.NewResponseController(w)
	// The stream lasts as long as the session: past the server's
	// ReadTimeout, whose end would cancel the request's context.
	rc.SetReadDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	// Every write has a deadline: a subscriber that stops reading (its
	// socket buffers full) ends its stream instead of holding the handler.
	write := func(parts ...[]byte) error {
		rc.SetWriteDeadline(time.Now().Add(eventWriteTimeout))
		for _, p := range parts {
			if _, err := w.Write(p); err != nil {
				return err
			}
		}
		return nil
	}
	flush := func() error {
		rc.SetWriteDeadline(time.Now().Add(eventWriteTimeout))
		return rc.Flush()
	}
	w.WriteHeader(http.StatusOK)
	if write([]byte("event: ready\ndata: {}\n\n")) != nil || flush() != nil {
		return
	}
	keep := time.NewTicker(time.Duration(eventHeartbeat.Load()))
	defer keep.Stop()
	for {
		select {
		case ev := <-events:
			b, _ := json.Marshal(ev)
			if write([]byte("data: "), b, []byte("\n\n")) != nil {
				return
			}
			// Flush when the burst is over, not after each event.
			if len(events) == 0 && flush() != nil {
				return
			}
		case <-keep.C:
			if write([]byte(": keep-alive\n\n")) != nil || flush() != nil {
				return
			}
		case <-done:
			if write([]byte("event: closed\ndata: {}\n\n")) == nil {
				flush()
			}
			return
		case <-r.Context().Done():
			return
		}
	}
}

// The event stream's heartbeat (a comment line, so proxies and the page
// know it is alive) and how long one write to it may take.
var (
	eventHeartbeat    atomic.Int64 // a time.Duration; 15 s (tests make it shorter)
	eventWriteTimeout = 30 * time.Second
)

func init() { eventHeartbeat.Store(int64(15 * time.Second)) }

func readJSON(r *http.Request, v any, limit int64) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return &BridgeError{"request", "ValueError: reading the request: " + err.Error()}
	}
	if int64(len(body)) > limit {
		return &PlanError{fmt.Sprintf("the request is over %d bytes; plans of at most %d bytes are accepted", limit, MaxPlanBytes)}
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, v); err != nil {
		return &PlanError{"the request is not valid JSON: " + err.Error()}
	}
	return nil
}

// statusOf maps errors to HTTP statuses: the body always carries the
// Python-style message.
func statusOf(err error) int {
	var pe *PlanError
	if errors.As(err, &pe) {
		return http.StatusBadRequest
	}
	var be *BridgeError
	if errors.As(err, &be) {
		switch be.Kind {
		case "refused", "request":
			return http.StatusBadRequest
		case "session":
			return http.StatusNotFound
		case "config":
			return http.StatusServiceUnavailable
		case "busy":
			return http.StatusTooManyRequests
		case "timeout":
			return http.StatusGatewayTimeout
		case "forbidden":
			return http.StatusForbidden
		case "canceled":
			return http.StatusServiceUnavailable // nobody is listening
		case "error":
			return http.StatusUnprocessableEntity // the plan ran and Python raised
		}
		return http.StatusBadGateway // the bridge or the cluster
	}
	return http.StatusInternalServerError
}

func writeError(w http.ResponseWriter, status int, err error) {
	kind := "error"
	var pe *PlanError
	var be *BridgeError
	switch {
	case errors.As(err, &pe):
		kind = "refused"
	case errors.As(err, &be):
		kind = be.Kind
	}
	writeJSON(w, status, map[string]string{"error": err.Error(), "kind": kind})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

package cluster

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"time"

	"burst/engine/sched"
)

// bridge supervises the Python process for one cluster address: it starts
// it, restarts it with backoff when it dies, and carries requests to it.
type bridge struct {
	addr   string
	m      *Manager
	script string

	mu       sync.Mutex
	proc     *process      // nil while (re)starting
	ready    chan struct{} // closed when proc is set; replaced on each restart
	gen      int           // bumps on each start: sessions opened on an older one are gone
	restarts int
	lastErr  string // why the last process stopped, for messages
	failing  bool   // the last start failed: callers get lastErr at once
	closed   bool
	stop     chan struct{}
}

// process is one run of bridge.py.
type process struct {
	cmd   *exec.Cmd
	gen   int
	pid   int
	wmu   sync.Mutex
	stdin io.WriteCloser

	pmu     sync.Mutex
	nextID  int64
	pending map[int64]chan reply
	done    chan struct{} // closed when the process has exited
	exitErr string

	stderrMu   sync.Mutex
	stderrTail []string
}

type reply struct {
	ID     int64           `json:"id"`
	OK     bool            `json:"ok"`
	Result json.RawMessage `json:"result"`
	Error  string          `json:"error"`
	Kind   string          `json:"kind"`
}

// BridgeError is an error the bridge or the cluster reported, with its
// Python-style message; Kind is "refused", "cluster", "timeout",
// "session" or "error".
type BridgeError struct {
	Kind string
	Msg  string
}

func (e *BridgeError) Error() string { return e.Msg }

func newBridge(m *Manager, addr, script string) *bridge {
	b := &bridge{addr: addr, m: m, script: script, ready: make(chan struct{}), stop: make(chan struct{})}
	go b.supervise()
	return b
}

// supervise keeps one process running until the bridge is closed,
// waiting longer between restarts while they keep failing fast.
func (b *bridge) supervise() {
	backoff := 100 * time.Millisecond
	for {
		t0 := time.Now()
		p, err := b.start()
		if err == nil {
			b.mu.Lock()
			b.proc = p
			b.lastErr = ""
			b.failing = false
			close(b.ready)
			b.mu.Unlock()
			<-p.done
			b.mu.Lock()
			b.proc = nil
			b.ready = make(chan struct{})
			b.lastErr = p.exitErr
			closed := b.closed
			if !closed {
				b.restarts++
			}
			b.mu.Unlock()
			if closed {
				return
			}
			b.m.logf("cluster %s: the bridge (pid %d) stopped: %s; restarting", b.addr, p.pid, p.exitErr)
		} else {
			b.mu.Lock()
			b.lastErr = err.Error()
			b.failing = true
			b.mu.Unlock()
			b.m.logf("cluster %s: the bridge did not start: %v", b.addr, err)
		}
		if time.Since(t0) > 30*time.Second {
			backoff = 100 * time.Millisecond
		}
		select {
		case <-b.stop:
			return
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, 10*time.Second)
	}
}

func (b *bridge) start() (*process, error) {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return nil, errors.New("closed")
	}
	b.gen++
	gen := b.gen
	b.mu.Unlock()
	cmd := exec.Command(b.m.opts.Python, "-I", "-u", b.script, "--address", b.addr, "--root", b.m.opts.Root)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", b.m.opts.Python, err)
	}
	p := &process{cmd: cmd, gen: gen, pid: cmd.Process.Pid, stdin: stdin, pending: map[int64]chan reply{}, done: make(chan struct{})}
	readyc := make(chan error, 1)
	var readers sync.WaitGroup
	readers.Add(2)
	go func() { defer readers.Done(); p.readStderr(stderr, b) }()
	go func() { defer readers.Done(); p.readStdout(stdout, b, readyc) }()
	go func() {
		// Wait closes the pipes: read them to the end first, so the last
		// replies and the last lines of a traceback are not lost.
		readers.Wait()
		err := cmd.Wait()
		p.pmu.Lock()
		p.exitErr = describeExit(err, p.tail())
		pend := p.pending
		p.pending = nil
		p.pmu.Unlock()
		for _, c := range pend {
			c <- reply{Kind: "bridge", Error: fmt.Sprintf("RuntimeError: the bridge to the cluster at %s stopped (%s); it is restarting: run the cell again", b.addr, p.exitErr)}
		}
		close(p.done)
	}()
	select {
	case err := <-readyc:
		if err != nil {
			cmd.Process.Kill()
			<-p.done
			return nil, fmt.Errorf("%v (%s)", err, p.exitErr)
		}
	case <-p.done:
		return nil, errors.New(p.exitErr)
	case <-time.After(b.m.opts.StartTimeout):
		cmd.Process.Kill()
		<-p.done
		return nil, fmt.Errorf("the bridge did not start within %v: %s", b.m.opts.StartTimeout, p.tail())
	}
	b.m.logf("cluster %s: bridge running (pid %d)", b.addr, p.pid)
	return p, nil
}

func describeExit(err error, tail string) string {
	s := "exited"
	if err != nil {
		s = err.Error()
	}
	if tail != "" {
		s += ": " + tail
	}
	return s
}

func (p *process) tail() string {
	p.stderrMu.Lock()
	defer p.stderrMu.Unlock()
	return strings.Join(p.stderrTail, " | ")
}

func (p *process) readStderr(r io.Reader, b *bridge) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		b.m.logf("cluster %s: bridge: %s", b.addr, line)
		p.stderrMu.Lock()
		p.stderrTail = append(p.stderrTail, line)
		if len(p.stderrTail) > 3 {
			p.stderrTail = p.stderrTail[len(p.stderrTail)-3:]
		}
		p.stderrMu.Unlock()
	}
}

// readStdout routes replies to their callers and events to their
// sessions.
func (p *process) readStdout(r io.Reader, b *bridge, readyc chan<- error) {
	br := bufio.NewReaderSize(r, 1<<20)
	first := true
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			var msg struct {
				Ready   bool            `json:"ready"`
				ID      *int64          `json:"id"`
				Session string          `json:"session"`
				Event   json.RawMessage `json:"event"`
			}
			if jerr := json.Unmarshal(line, &msg); jerr != nil {
				b.m.logf("cluster %s: bridge wrote %q", b.addr, truncate(string(line), 200))
				continue
			}
			switch {
			case first:
				first = false
				if !msg.Ready {
					readyc <- fmt.Errorf("the bridge said %q before it was ready", truncate(string(line), 200))
				} else {
					readyc <- nil
				}
			case msg.Event != nil:
				var ev sched.Event
				if json.Unmarshal(msg.Event, &ev) == nil {
					b.m.deliver(msg.Session, ev)
				}
			case msg.ID != nil:
				var rep reply
				json.Unmarshal(line, &rep)
				p.pmu.Lock()
				c := p.pending[*msg.ID]
				delete(p.pending, *msg.ID)
				p.pmu.Unlock()
				if c != nil {
					c <- rep
				}
			}
		}
		if err != nil {
			if first {
				readyc <- errors.New("the bridge closed its output before it was ready")
			}
			return
		}
	}
}

// current waits for a running process.
func (b *bridge) current(ctx context.Context) (*process, error) {
	for {
		b.mu.Lock()
		p, ready, closed, lastErr, failing := b.proc, b.ready, b.closed, b.lastErr, b.failing
		b.mu.Unlock()
		if closed {
			return nil, &BridgeError{"bridge", "RuntimeError: the server is shutting down"}
		}
		if failing && p == nil {
			// Waiting would not help: the bridge cannot start (no Python,
			// no distributed…); the supervisor keeps trying.
			return nil, &BridgeError{"bridge", fmt.Sprintf("RuntimeError: the bridge to the cluster at %s cannot start: %s", b.addr, lastErr)}
		}
		if p != nil {
			select {
			case <-p.done: // exited; the supervisor will notice
			default:
				return p, nil
			}
		}
		select {
		case <-ready:
		case <-time.After(50 * time.Millisecond): // p exited but the supervisor has not swapped it yet
		case <-ctx.Done():
			msg := fmt.Sprintf("RuntimeError: the bridge to the cluster at %s is not running", b.addr)
			if lastErr != "" {
				msg += " (" + lastErr + ")"
			}
			return nil, &BridgeError{"bridge", msg}
		}
	}
}

// call sends one request and waits for its reply, the process's end, or
// ctx.
func (b *bridge) call(ctx context.Context, p *process, req map[string]any) (json.RawMessage, error) {
	c := make(chan reply, 1)
	p.pmu.Lock()
	if p.pending == nil {
		p.pmu.Unlock()
		return nil, &BridgeError{"bridge", fmt.Sprintf("RuntimeError: the bridge to the cluster at %s stopped; run the cell again", b.addr)}
	}
	p.nextID++
	id := p.nextID
	p.pending[id] = c
	p.pmu.Unlock()
	req["id"] = id
	line, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	p.wmu.Lock()
	_, err = p.stdin.Write(append(line, '\n'))
	p.wmu.Unlock()
	if err != nil {
		p.forget(id)
		return nil, &BridgeError{"bridge", fmt.Sprintf("RuntimeError: the bridge to the cluster at %s stopped (%v); run the cell again", b.addr, err)}
	}
	select {
	case rep := <-c:
		if !rep.OK {
			return nil, &BridgeError{rep.Kind, rep.Error}
		}
		return rep.Result, nil
	case <-ctx.Done():
		// The request ended (its client went away, or its timeout
		// passed): the bridge cancels the plan's tasks on the cluster, and
		// the caller waits until it has let go, so a session never has
		// more than one plan in the bridge.
		p.wmu.Lock()
		p.stdin.Write(fmt.Appendf(nil, "{\"op\":\"cancel\",\"target\":%d}\n", id))
		p.wmu.Unlock()
		select {
		case <-c:
		case <-p.done:
		case <-time.After(cancelGrace):
			p.forget(id)
			b.m.logf("cluster %s: request %d still runs %v after it was canceled", b.addr, id, cancelGrace)
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &BridgeError{"timeout", fmt.Sprintf("TimeoutError: the cluster at %s did not answer in time", b.addr)}
		}
		return nil, &BridgeError{"canceled", "RuntimeError: the request was canceled"}
	}
}

// cancelGrace is how long a canceled request may take to stop in the
// bridge before its caller gives up waiting.
const cancelGrace = 30 * time.Second

func (p *process) forget(id int64) {
	p.pmu.Lock()
	if p.pending != nil {
		delete(p.pending, id)
	}
	p.pmu.Unlock()
}

// state describes the bridge for GET /api/cluster.
func (b *bridge) state() (state string, restarts int, lastErr string, pid int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case b.closed:
		state = "closed"
	case b.proc != nil:
		state, pid = "running", b.proc.pid
	case b.gen > 1 || b.restarts > 0:
		state = "restarting"
	default:
		state = "starting"
	}
	return state, b.restarts, b.lastErr, pid
}

func (b *bridge) close() {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.closed = true
	close(b.stop)
	p := b.proc
	b.mu.Unlock()
	if p == nil {
		return
	}
	// The bridge exits when its input closes; kill it if it does not.
	p.stdin.Close()
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
}

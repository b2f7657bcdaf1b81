package class

import (
	"net/http"
	"time"
)

// streamWriteTimeout bounds one write to a stream: a reader that stops
// reading (its socket buffers full) loses its stream instead of holding a
// goroutine forever.
const streamWriteTimeout = 30 * time.Second

// stream answers GET …/stream with server-sent events: an "event: state"
// with the full snapshot at once, then again whenever the class changed,
// at most one per StreamInterval (changes in between are coalesced into
// the next one, which is always the latest state), and a comment every
// Keepalive so proxies keep an idle stream open. An open stream keeps its
// class from expiring. The stream ends when the client goes away or the
// Store closes.
func (s *Store) stream(w http.ResponseWriter, r *http.Request, c *class) {
	now := s.opts.Now()
	c.mu.Lock()
	c.readers++
	c.active = now
	c.mu.Unlock()
	defer func() {
		now := s.opts.Now()
		c.mu.Lock()
		c.readers--
		c.active = now
		c.mu.Unlock()
	}()

	rc := http.NewResponseController(w)
	// The stream lasts the lesson: past the server's ReadTimeout, whose end
	// would cancel the request's context, and its WriteTimeout, which each
	// write pushes on.
	rc.SetReadDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("X-Accel-Buffering", "no")
	send := func(parts ...[]byte) error {
		rc.SetWriteDeadline(time.Now().Add(streamWriteTimeout))
		for _, p := range parts {
			if _, err := w.Write(p); err != nil {
				return err
			}
		}
		return rc.Flush()
	}
	w.WriteHeader(http.StatusOK)

	keep := time.NewTicker(s.opts.Keepalive)
	defer keep.Stop()
	var sent uint64
	var lastSend time.Time
	first := true
	for {
		v, changed := c.watch()
		if first || v != sent {
			// Throttle: wait out the interval since the last message;
			// whatever changes meanwhile goes into this one.
			if wait := s.opts.StreamInterval - time.Since(lastSend); !first && wait > 0 {
				t := time.NewTimer(wait)
				select {
				case <-t.C:
				case <-r.Context().Done():
					t.Stop()
					return
				case <-s.done:
					t.Stop()
					return
				}
			}
			b, v, err := s.encoded(c)
			if err != nil {
				return
			}
			if send([]byte("event: state\ndata: "), b, []byte("\n\n")) != nil {
				return
			}
			sent, lastSend, first = v, time.Now(), false
			continue
		}
		select {
		case <-changed:
		case <-keep.C:
			if send([]byte(": keepalive\n\n")) != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
}

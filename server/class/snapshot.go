package class

import (
	"encoding/json"
	"net/http"
	"slices"
	"time"
)

// Snapshot is the whole class as the instructor's page reads it (GET
// …/state, and each message of …/stream). Times are Unix milliseconds by
// the Store's clock; Now lets the page show durations without trusting
// its own clock.
type Snapshot struct {
	Exercises []Exercise     `json:"exercises"`
	Learners  []LearnerState `json:"learners"` // in join order
	Stuck     []Stuck        `json:"stuck"`    // longest first, at most 20
	Errors    []ErrorCount   `json:"errors"`   // most common first, at most 20
	Shared    []Shared       `json:"shared"`   // newest first, at most 50
	Now       int64          `json:"now"`
}

// LearnerState is one learner's row of the grid. States holds only the
// exercises not in state "none". PassedOnce lists the exercises checked ✓
// at some time, even if a later run failed (course order).
type LearnerState struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	Joined     int64             `json:"joined"`
	Last       int64             `json:"last"`
	Restarts   int               `json:"restarts"`
	States     map[string]string `json:"states"`
	PassedOnce []string          `json:"passedOnce"`
	Current    string            `json:"current"`
	StuckSince int64             `json:"stuckSince"`
}

// Stuck is a learner whose latest run of their current exercise did not
// pass, since the first such run in a row.
type Stuck struct {
	Learner  string `json:"learner"`
	Name     string `json:"name"`
	Exercise string `json:"exercise"`
	Since    int64  `json:"since"`
}

// ErrorCount is one error message (type and first line) of one exercise:
// Count error events from Learners distinct learners.
type ErrorCount struct {
	Type     string `json:"type"`
	Line     string `json:"line"`
	Exercise string `json:"exercise"`
	Count    int    `json:"count"`
	Learners int    `json:"learners"`
}

// Shared is a cell a learner shared, its code verbatim.
type Shared struct {
	Learner  string `json:"learner"`
	Name     string `json:"name"`
	Exercise string `json:"exercise"`
	Code     string `json:"code"`
	Time     int64  `json:"time"`
}

const (
	maxStuckShown  = 20
	maxErrorsShown = 20
)

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// snapshot builds the class's snapshot at now; c.mu is held. Its slices
// and maps are new: encoding it needs no lock.
func (s *Store) snapshot(c *class, now time.Time) *Snapshot {
	snap := &Snapshot{
		Exercises: s.opts.Exercises,
		Learners:  make([]LearnerState, len(c.learners)),
		Stuck:     []Stuck{},
		Errors:    []ErrorCount{},
		Shared:    make([]Shared, 0, len(c.shared)),
		Now:       ms(now),
	}
	if len(snap.Exercises) == 0 {
		snap.Exercises = slices.Clone(c.seen)
	}
	if snap.Exercises == nil {
		snap.Exercises = []Exercise{}
	}
	for i, l := range c.learners {
		ls := LearnerState{
			ID: l.id, Name: l.name, Joined: ms(l.joined), Last: ms(l.last), Restarts: l.restarts,
			States: make(map[string]string, len(l.states)), PassedOnce: []string{},
			Current: l.current, StuckSince: ms(l.stuckSince),
		}
		for ex, st := range l.states {
			if st != None {
				ls.States[ex] = st.String()
			}
		}
		for _, e := range snap.Exercises {
			if l.passedOnce[e.ID] {
				ls.PassedOnce = append(ls.PassedOnce, e.ID)
			}
		}
		snap.Learners[i] = ls
		if !l.stuckSince.IsZero() {
			snap.Stuck = append(snap.Stuck, Stuck{Learner: l.id, Name: l.name, Exercise: l.current, Since: ms(l.stuckSince)})
		}
	}
	// Longest stuck first; among equals, join order (the sort is stable).
	slices.SortStableFunc(snap.Stuck, func(a, b Stuck) int { return cmpInt(a.Since, b.Since) })
	snap.Stuck = snap.Stuck[:min(len(snap.Stuck), maxStuckShown)]

	type ranked struct {
		ErrorCount
		first int
	}
	errs := make([]ranked, 0, len(c.errs))
	for k, g := range c.errs {
		errs = append(errs, ranked{ErrorCount{k.typ, k.line, k.exercise, g.count, len(g.learners)}, g.first})
	}
	// Most events first, then most learners, then the first seen.
	slices.SortFunc(errs, func(a, b ranked) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if a.Learners != b.Learners {
			return b.Learners - a.Learners
		}
		return a.first - b.first
	})
	for _, e := range errs[:min(len(errs), maxErrorsShown)] {
		snap.Errors = append(snap.Errors, e.ErrorCount)
	}
	for i := len(c.shared) - 1; i >= 0; i-- {
		sh := c.shared[i]
		snap.Shared = append(snap.Shared, Shared{sh.learner.id, sh.learner.name, sh.exercise, sh.code, ms(sh.time)})
	}
	return snap
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// state answers GET …/state: the snapshot now. The instructor reading
// the class keeps it alive, as an open stream does.
func (s *Store) state(w http.ResponseWriter, c *class) {
	now := s.opts.Now()
	c.mu.Lock()
	c.active = now
	snap := s.snapshot(c, now)
	c.mu.Unlock()
	writeJSON(w, http.StatusOK, snap)
}

// encoded returns the class's snapshot as JSON and its version, built once
// per version for all the streams reading it.
func (s *Store) encoded(c *class) ([]byte, uint64, error) {
	now := s.opts.Now()
	c.mu.Lock()
	if c.cache != nil && c.cacheVer == c.version {
		b, v := c.cache, c.version
		c.mu.Unlock()
		return b, v, nil
	}
	v := c.version
	snap := s.snapshot(c, now)
	c.mu.Unlock()
	b, err := json.Marshal(snap)
	if err != nil {
		return nil, 0, err
	}
	c.mu.Lock()
	if c.version == v {
		c.cache, c.cacheVer = b, v
	}
	c.mu.Unlock()
	return b, v, nil
}

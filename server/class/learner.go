package class

import (
	"math"
	"time"
)

// State is where one learner stands on one exercise: not started, ran it
// without its check passing, ran it and it raised, or checked ✓.
type State uint8

const (
	None State = iota
	Attempted
	Errored
	Passed
)

// String is the state's name in the API ("none", "attempted", "error",
// "pass"), which is also the grid cell's data-state.
func (s State) String() string {
	switch s {
	case Attempted:
		return "attempted"
	case Errored:
		return "error"
	case Passed:
		return "pass"
	}
	return "none"
}

// Kind is what a learner's page reports.
type Kind uint8

const (
	KindAttempted Kind = iota + 1 // ran an exercise cell; its check did not pass
	KindPass                      // ran it and the check passed
	KindError                     // ran it and it raised
	KindRestart                   // restarted the kernel
	KindShare                     // pressed "Share this cell with the instructor"
)

// kinds maps the API's names to kinds; a name not in it is refused.
var kinds = map[string]Kind{
	"attempted": KindAttempted,
	"pass":      KindPass,
	"error":     KindError,
	"restart":   KindRestart,
	"share":     KindShare,
}

// move is a learner's state on an exercise and an event about it.
type move struct {
	from State
	kind Kind
}

// transition is where a move leads, and its name (for reading the table
// and for errors).
type transition struct {
	to   State
	name string
}

// transitions is the whole state machine of one learner on one exercise,
// written out as Dask's scheduler writes its (start, finish) → function
// table, so that every move there is can be read in one place. The latest
// run wins (a ✓ followed by an error is an error again; passedOnce keeps
// that it was solved). Restarts and shares are not runs: they have no
// entry, and leave every exercise's state as it is.
var transitions = map[move]transition{
	{None, KindAttempted}: {Attempted, "try"},
	{None, KindError}:     {Errored, "raise"},
	{None, KindPass}:      {Passed, "solve"},

	{Attempted, KindAttempted}: {Attempted, "retry"},
	{Attempted, KindError}:     {Errored, "raise"},
	{Attempted, KindPass}:      {Passed, "solve"},

	{Errored, KindAttempted}: {Attempted, "recover"},
	{Errored, KindError}:     {Errored, "raise again"},
	{Errored, KindPass}:      {Passed, "solve"},

	{Passed, KindAttempted}: {Attempted, "regress"},
	{Passed, KindError}:     {Errored, "break"},
	{Passed, KindPass}:      {Passed, "recheck"},
}

// learner is one member of a class. Its fields are guarded by the class's
// mutex.
type learner struct {
	id, key, name string
	index         int // join order, 0-based
	joined, last  time.Time
	restarts      int
	states        map[string]State
	passedOnce    map[string]bool
	// current is the exercise of the learner's latest run; stuckSince is
	// when the streak of runs of it without a ✓ began (zero when its
	// latest run passed, or there was none).
	current    string
	stuckSince time.Time
	bucket     bucket
}

// run applies a run event (attempted, pass, error) on exercise ex at now:
// the exercise's state moves by the transitions table, and the stuck
// streak starts, goes on or ends. A streak is about the current exercise:
// moving to another exercise without a ✓ starts a new one.
func (l *learner) run(ex string, k Kind, now time.Time) {
	t, ok := transitions[move{l.states[ex], k}]
	if !ok {
		return
	}
	l.states[ex] = t.to
	switch {
	case t.to == Passed:
		l.passedOnce[ex] = true
		l.stuckSince = time.Time{}
	case ex != l.current || l.stuckSince.IsZero():
		l.stuckSince = now
	}
	l.current = ex
}

// bucket is a token bucket: rate tokens a second up to burst; each event
// takes one.
type bucket struct {
	tokens float64
	at     time.Time
}

// take takes a token at now, or says how long until one is there.
func (b *bucket) take(now time.Time, rate float64, burst int) (bool, time.Duration) {
	if dt := now.Sub(b.at).Seconds(); dt > 0 {
		b.tokens = math.Min(float64(burst), b.tokens+dt*rate)
	}
	// A clock that went back is not a refill, but later times count from it.
	b.at = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / rate * float64(time.Second))
}

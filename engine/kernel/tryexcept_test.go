package kernel

import (
	"strings"
	"testing"
)

// TestWorkerErrorShowsLearnersLine: an error raised in a task on a worker
// names the learner's line, not its translation.
func TestWorkerErrorShowsLearnersLine(t *testing.T) {
	s := newSession(t)
	code := "from dask import delayed\n@delayed\ndef check(x):\n    assert x < 10, f\"too big: {x}\"  # checked\n    return x\ncheck(12).compute()"
	s.fails(code, "AssertionError", "too big: 12", 4)
	outs, _ := s.run(code)
	tb := strings.Join(outs[len(outs)-1].Traceback, "\n")
	if !strings.Contains(tb, "Cell In[2], line 4, in check\n    assert x < 10, f\"too big: {x}\"  # checked") {
		t.Errorf("the worker's frame is not the learner's line:\n%s", tb)
	}
}

package kernel

import "testing"

func TestPow(t *testing.T) {
	s := newSession(t)
	if got := s.result("2 ** 10 + 3 ** 2 ** 2"); got != "1105" {
		t.Errorf("2 ** 10 + 3 ** 2 ** 2 = %s", got)
	}
	if got := s.result("2 ** -1"); got != "0.5" {
		t.Errorf("2 ** -1 = %s", got)
	}
}

// Package dasktest starts a real Dask scheduler and workers on loopback for
// tests, from Debian's python3-distributed. Tests that need one skip when
// it is missing, unless BURST_REQUIRE_DASK=1 (as in CI), where that is a
// failure.
package dasktest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Python is the interpreter with dask, distributed and pandas.
const Python = "/usr/bin/python3"

var (
	once    sync.Once
	missing error
)

// Require skips t where Dask is not installed, or fails it when
// BURST_REQUIRE_DASK=1 says it must run.
func Require(t testing.TB) {
	t.Helper()
	once.Do(func() {
		out, err := exec.Command(Python, "-c", "import distributed, pandas").CombinedOutput()
		if err != nil {
			missing = fmt.Errorf("%s -c 'import distributed' failed: %v %s", Python, err, bytes.TrimSpace(out))
		}
	})
	if missing == nil {
		return
	}
	if os.Getenv("BURST_REQUIRE_DASK") == "1" {
		t.Fatalf("BURST_REQUIRE_DASK=1 but Dask is not usable: %v (apt-get install python3-distributed)", missing)
	}
	t.Skipf("skipping: no Dask (%v); apt-get install python3-distributed, or set BURST_REQUIRE_DASK=1 to make this a failure", missing)
}

// Cluster is a scheduler and its workers, started by a test and stopped
// when it ends.
type Cluster struct {
	Addr        string    // the scheduler's, tcp://127.0.0.1:…
	Dir         string    // holds the processes' logs
	Sched       *exec.Cmd // the scheduler's process
	Workers     []*exec.Cmd
	WorkerAddrs []string // as the scheduler names them
}

// Start starts `dask scheduler` on a free loopback port and n `dask
// worker`s with one process and one thread each, and waits until the
// workers have registered.
func Start(t testing.TB, n int) *Cluster {
	t.Helper()
	Require(t)
	dir := t.TempDir()
	c := &Cluster{Dir: dir}
	file := filepath.Join(dir, "scheduler.json")
	c.Sched = process(t, dir, "scheduler", "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
		"--no-dashboard", "--dashboard-address", "127.0.0.1:0", "--scheduler-file", file)
	WaitFor(t, 60*time.Second, "the scheduler to start", func() bool {
		var info struct{ Address string }
		if b, err := os.ReadFile(file); err == nil && json.Unmarshal(b, &info) == nil && info.Address != "" {
			c.Addr = info.Address
			return true
		}
		return false
	})
	for i := range n {
		c.Workers = append(c.Workers, process(t, dir, fmt.Sprintf("worker%d", i), "-m", "distributed.cli.dask_worker", c.Addr,
			"--host", "127.0.0.1", "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--no-nanny",
			"--memory-limit", "1GB", "--name", fmt.Sprintf("w%d", i)))
	}
	// The workers log when they have registered: polling their logs is
	// quicker than starting another Python to ask the scheduler.
	WaitFor(t, 60*time.Second, "the workers to register", func() bool {
		c.WorkerAddrs = c.WorkerAddrs[:0]
		for i := range n {
			log := Tail(filepath.Join(dir, fmt.Sprintf("worker%d.log", i)))
			_, rest, ok := strings.Cut(log, "Start worker at:")
			if !ok || !strings.Contains(log, "Registered to:") {
				return false
			}
			c.WorkerAddrs = append(c.WorkerAddrs, strings.Fields(rest)[0])
		}
		return true
	})
	return c
}

func process(t testing.TB, dir, name string, args ...string) *exec.Cmd {
	t.Helper()
	log, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(Python, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = log, log
	// Pdeathsig: a test killed by its timeout leaves no cluster behind.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// Only the process group this test started.
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
		log.Close()
	})
	return cmd
}

// WaitFor polls cond every 50 ms until it holds, and fails t when timeout
// passes first.
func WaitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Tail returns the last 2000 bytes of a log.
func Tail(path string) string {
	b, _ := os.ReadFile(path)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

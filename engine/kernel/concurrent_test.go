package kernel

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestKernelsConcurrent runs two kernels at once in one process, each
// with its own Client, variables and data, and checks that neither sees
// the other's: no state of a kernel lives in a package variable. .ci/run
// runs it under -race.
func TestKernelsConcurrent(t *testing.T) {
	const rounds = 5
	sessions := make([]*testKernel, 2)
	for i := range sessions {
		sessions[i] = newSession(t)
		// Kernel i has 1+i extra rows, so len(df) tells the data apart.
		dir := sessions[i].k.s.Host().(*NativeHost).Dir
		rows := "Year,Month,DayofMonth,Origin,DepDelay,Cancelled\n"
		for j := 0; j <= i; j++ {
			rows += fmt.Sprintf("1992,1,%d,K%d,%d,0\n", j+1, i, 100*(i+1))
		}
		if err := os.WriteFile(filepath.Join(dir, "data", "f", "c.csv"), []byte(rows), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, len(sessions))
	for i, s := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = kernelRounds(s, i, rounds)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("kernel %d: %v", i, err)
		}
	}
}

// kernelRounds runs cells that depend on the kernel's own number me and
// checks each result; outputs must come from this kernel's cells only.
func kernelRounds(s *testKernel, me, rounds int) error {
	run := func(code string) (string, error) {
		outs, ok := s.run(code)
		var text []string
		for _, o := range outs {
			switch o.Type {
			case "stream":
				text = append(text, strings.TrimRight(o.Text, "\n"))
			case "execute_result":
				text = append(text, o.Data["text/plain"].(string))
			case "error":
				return "", fmt.Errorf("%q: %s: %s", code, o.EName, o.EValue)
			}
		}
		if !ok {
			return "", fmt.Errorf("%q failed", code)
		}
		return strings.Join(text, "\n"), nil
	}
	want := func(code, expected string) error {
		got, err := run(code)
		if err != nil {
			return err
		}
		if got != expected {
			return fmt.Errorf("%q = %q, want %q", code, got, expected)
		}
		return nil
	}
	setup := fmt.Sprintf("import dask\nimport dask.dataframe as dd\nfrom dask.distributed import Client\nclient = Client(n_workers=2)\nme = %d\ndf = dd.read_csv('data/f/*.csv')", me)
	if _, err := run(setup); err != nil {
		return err
	}
	for r := range rounds {
		checks := []struct{ code, want string }{
			{"me", fmt.Sprint(me)},
			// Operators on Delayed values get no thread: they must find
			// the kernel that made them.
			{fmt.Sprintf("x = dask.delayed(me) * 10 + %d\nx.compute()", r), fmt.Sprint(me*10 + r)},
			// len() of a lazy frame computes on this kernel's cluster.
			{"len(df)", fmt.Sprint(5 + 1 + me)},
			{"df.DepDelay.max().compute()", fmt.Sprintf("%d.0", 100*(me+1))},
			{"print('kernel', me)", fmt.Sprintf("kernel %d", me)},
			// A function called by a task prints to its own kernel's cell.
			{"def tag(v):\n    print('value of kernel', me)\n    return v\nt = df.head(1).Origin.apply(tag)", fmt.Sprintf("value of kernel %d", me)},
			{"client.submit(lambda a: a + me, 1).result()", fmt.Sprint(1 + me)},
		}
		for _, c := range checks {
			if err := want(c.code, c.want); err != nil {
				return fmt.Errorf("round %d: %w", r, err)
			}
		}
	}
	_, err := run("client.close()")
	return err
}

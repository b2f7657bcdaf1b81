package kernel

import (
	"burst/engine/session"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"burst/engine/python"
)

// IPython's magics: %time, %%time, %timeit, %%timeit, %load, %run, and a
// few that need nothing in Burst.

// cellMagic splits a cell starting with %%time or %%timeit: the magic,
// its arguments, and the cell with the magic's line left blank (so line
// numbers stay).
func cellMagic(code string) (magic, args, body string) {
	if !strings.HasPrefix(code, "%%") {
		return "", "", code
	}
	first, rest, _ := strings.Cut(code, "\n")
	name, args, _ := strings.Cut(strings.TrimPrefix(first, "%%"), " ")
	return strings.TrimSpace(name), strings.TrimSpace(args), "\n" + rest
}

// formatTime writes a duration as IPython's _format_time does.
func formatTime(secs float64, precision int) string {
	if secs >= 60 {
		var parts []string
		left := secs
		for _, p := range []struct {
			suffix string
			length float64
		}{{"d", 86400}, {"h", 3600}, {"min", 60}, {"s", 1}} {
			v := math.Floor(left / p.length)
			if v > 0 {
				left = math.Mod(left, p.length)
				parts = append(parts, fmt.Sprintf("%d%s", int(v), p.suffix))
			}
			if left < 1 {
				break
			}
		}
		return strings.Join(parts, " ")
	}
	units := []string{"s", "ms", "µs", "ns"}
	scale := []float64{1, 1e3, 1e6, 1e9}
	order := 3
	if secs > 0 {
		// IPython: min(-int(floor(log10(t)) // 3), 3), with Python's
		// floor division.
		order = min(-floorDiv(int(math.Floor(math.Log10(secs))), 3), 3)
	}
	return fmt.Sprintf("%s %s", gFormat(secs*scale[order], precision), units[order])
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// gFormat is Python's "%.*g".
func gFormat(x float64, p int) string {
	s := session.General(math.Abs(x), p, false)
	if x < 0 {
		s = "-" + s
	}
	return s
}

// timeStart implements the first half of %time.
func (k *Kernel) timeStart(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	k.timeMark = time.Now()
	return starlark.None, nil
}

// timeEnd prints the time since timeStart as IPython's %time does and
// returns its argument.
func (k *Kernel) timeEnd(th *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	d := time.Since(k.timeMark).Seconds()
	k.printTimes(th, d)
	if len(args) == 0 {
		return starlark.None, nil
	}
	return args[0], nil
}

// printTimes prints IPython's %time lines. The kernel cannot measure CPU
// time apart from the workers' (in the browser, not at all): the wall time
// stands for the user time.
func (k *Kernel) printTimes(th *starlark.Thread, wall float64) {
	th.Print(th, fmt.Sprintf("CPU times: user %s, sys: %s, total: %s\nWall time: %s",
		formatTime(wall, 3), formatTime(0, 3), formatTime(wall, 3), formatTime(wall, 3)))
}

// timeit implements %timeit: IPython's auto-ranging loop count (1, 2, 5,
// 10, … until a run takes 0.2 s), then repeat runs of that many loops.
func (k *Kernel) timeit(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var code string
	number, repeat := 0, 7
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &code, &number, &repeat); err != nil {
		return nil, err
	}
	f, _, err := python.Parse("<timeit>", code)
	if err != nil {
		return nil, err
	}
	prog, err := starlark.FileProgram(f, func(name string) bool { _, ok := k.globals[name]; return ok })
	if err != nil {
		return nil, err
	}
	runN := func(n int) (float64, error) {
		start := time.Now()
		for i := 0; i < n; i++ {
			if _, err := prog.Init(th, k.globals); err != nil {
				return 0, err
			}
		}
		return time.Since(start).Seconds(), nil
	}
	if number <= 0 {
	search:
		for p := 1; p <= 1e9; p *= 10 {
			for _, m := range []int{1, 2, 5} {
				number = m * p
				t, err := runN(number)
				if err != nil {
					return nil, err
				}
				if t >= 0.2 {
					break search
				}
			}
		}
	}
	repeat = max(repeat, 1)
	per := make([]float64, repeat)
	for r := range per {
		t, err := runN(number)
		if err != nil {
			return nil, err
		}
		per[r] = t / float64(number)
	}
	mean, std := 0.0, 0.0
	for _, x := range per {
		mean += x
	}
	mean /= float64(len(per))
	for _, x := range per {
		std += (x - mean) * (x - mean)
	}
	std = math.Sqrt(std / float64(len(per)))
	plural := func(n int, s string) string {
		if n == 1 {
			return s
		}
		return s + "s"
	}
	th.Print(th, fmt.Sprintf("%s ± %s per loop (mean ± std. dev. of %d %s, %s %s each)",
		formatTime(mean, 3), formatTime(std, 3), repeat, plural(repeat, "run"), session.GroupDigits(strconv.Itoa(number), ','), plural(number, "loop")))
	return starlark.None, nil
}

// magicFile reads the file %load or %run (magic) names, in the lesson's
// folder.
func (k *Kernel) magicFile(magic string, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (string, []byte, error) {
	var path string
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &path); err != nil {
		return "", nil, err
	}
	data, err := k.s.Host().FS().ReadFile(path)
	if err != nil {
		if !strings.HasPrefix(err.Error(), "FileNotFoundError") {
			return "", nil, err // a path outside the folder, a folder
		}
		return "", nil, fmt.Errorf("FileNotFoundError: %%%s: no file %s (paths are relative to the lesson's folder)", magic, path)
	}
	return path, data, nil
}

// load implements %load: the cell's code becomes the file's, after a first
// line "# %load PATH", as IPython does. The page replaces the cell's
// text; nothing runs.
func (k *Kernel) load(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	path, data, err := k.magicFile("load", b, args, kwargs)
	if err != nil {
		return nil, err
	}
	k.Emit(Output{Type: "set_next_input", Text: "# %load " + path + "\n" + strings.TrimRight(string(data), "\n"), Meta: map[string]string{"replace": "true"}})
	return starlark.None, nil
}

// runFile implements %run: the file's code runs in the session, as a
// script (no value is displayed).
func (k *Kernel) runFile(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	path, data, err := k.magicFile("run", b, args, kwargs)
	if err != nil {
		return nil, err
	}
	f, src, err := python.Parse(path, string(data))
	if err != nil {
		return nil, err
	}
	k.recordDefs(f, src)
	return starlark.None, starlark.ExecREPLChunk(f, th, k.globals)
}

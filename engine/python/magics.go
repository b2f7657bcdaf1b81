package python

import (
	"fmt"
	"strconv"
	"strings"

	"go.starlark.net/syntax"
)

// IPython's line magics become calls of the kernel's builtins: _time_start
// and _time_end (%time), _timeit, _load, _run.

// lineMagic translates a line magic into calls of the kernel's builtins,
// on the same line.
func lineMagic(indent, line string, n int) (string, error) {
	name, rest, _ := strings.Cut(strings.TrimPrefix(line, "%"), " ")
	rest = strings.TrimSpace(rest)
	switch name {
	case "time":
		if rest == "" {
			return indent + "None", nil
		}
		if _, err := syntax.ParseExpr("", rest, 0); err == nil {
			return indent + "_time_start(); _time_end(" + rest + ")", nil
		}
		return indent + "_time_start(); " + rest + "; _time_end(None)", nil
	case "timeit":
		opts, stmt := TimeitOptions(rest)
		if stmt == "" {
			return "", &TranslateError{n, "%timeit needs a statement to time"}
		}
		return fmt.Sprintf("%s_timeit(%s, %s)", indent, strconv.Quote(stmt), opts), nil
	case "load":
		if rest == "" {
			return "", &TranslateError{n, "%load needs a file: %load solutions/overview.py"}
		}
		return fmt.Sprintf("%s_load(%s)", indent, strconv.Quote(rest)), nil
	case "run":
		if rest == "" {
			return "", &TranslateError{n, "%run needs a file: %run script.py"}
		}
		return fmt.Sprintf("%s_run(%s)", indent, strconv.Quote(rest)), nil
	case "matplotlib", "config", "load_ext", "autoreload", "pylab":
		return indent + "None", nil // nothing to set up in Burst
	}
	if strings.HasPrefix(name, "%") {
		return "", &TranslateError{n, fmt.Sprintf("the cell magic %s must be the first line of the cell", line)}
	}
	return "", &TranslateError{n, fmt.Sprintf("UsageError: Line magic function `%%%s` not found (Burst has %%time, %%timeit, %%load, %%run).", name)}
}

// TimeitOptions splits the -n N -r R options of %timeit (or %%timeit) from
// the statement to time, and returns them as the arguments "number,
// repeat" of the kernel's _timeit (0: automatic), then the statement.
func TimeitOptions(rest string) (string, string) {
	number, repeat := 0, 7
	f := strings.Fields(rest)
	for len(f) >= 2 && (f[0] == "-n" || f[0] == "-r") {
		v, err := strconv.Atoi(f[1])
		if err != nil {
			break
		}
		if f[0] == "-n" {
			number = v
		} else {
			repeat = v
		}
		rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(rest, f[0]), " "))
		rest = strings.TrimSpace(strings.TrimPrefix(rest, f[1]))
		f = f[2:]
	}
	return fmt.Sprintf("%d, %d", number, repeat), rest
}

package kernel

import (
	"burst/engine/session"
	"fmt"
	"regexp"
	"strings"
)

// Starlark's error messages, rewritten as Python's: the exception and the
// message a learner would search for.

var callArgsError = regexp.MustCompile(`^function \w+ (got an unexpected keyword|accepts|missing|got multiple values|takes)`)

type pyMessage struct {
	re   *regexp.Regexp
	make func(m []string) (string, string)
}

func fixed(ename, msg string) func([]string) (string, string) {
	return func([]string) (string, string) { return ename, msg }
}

var pyMessages = []pyMessage{
	// Arguments of Burst's functions, as Starlark's UnpackArgs words them.
	{regexp.MustCompile(`^([\w.]+): unexpected keyword argument "?(\w+)"?(?: \(did you mean (\w+)\?\))?$`), func(m []string) (string, string) {
		msg := fmt.Sprintf("%s() got an unexpected keyword argument '%s'", m[1], m[2])
		if m[3] != "" {
			msg += fmt.Sprintf(" (did you mean '%s'?)", m[3])
		}
		return "TypeError", msg
	}},
	{regexp.MustCompile(`^([\w.]+): for parameter "?(\w+)"?: got (\w+), want (\w+)$`), func(m []string) (string, string) {
		if m[2] >= "0" && m[2] <= "9" {
			return "TypeError", fmt.Sprintf("%s() argument %s must be %s, not %s", m[1], m[2], starType(m[4]), starType(m[3]))
		}
		return "TypeError", fmt.Sprintf("%s() argument '%s' must be %s, not %s", m[1], m[2], starType(m[4]), starType(m[3]))
	}},
	{regexp.MustCompile(`^([\w.]+): missing argument for (\w+)$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("%s() missing 1 required positional argument: '%s'", m[1], m[2])
	}},
	{regexp.MustCompile(`^([\w.]+): got (\d+) arguments?, want (at most |at least )?(\d+)$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("%s() takes %s%s positional arguments but %s were given", m[1], m[3], m[4], m[2])
	}},
	{regexp.MustCompile(`^([\w.]+): got multiple values for keyword argument "?(\w+)"?$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("%s() got multiple values for argument '%s'", m[1], m[2])
	}},
	{regexp.MustCompile(`^repeat count (\d+) too large$|^excessive repeat \((\d+) \* (\d+) elements\)$`), func(m []string) (string, string) {
		return "MemoryError", fmt.Sprintf("cannot repeat a sequence %s times (Burst builds at most %d items)", m[1]+m[3], 1<<30-1)
	}},
	{regexp.MustCompile(`^Starlark stack overflow$`), fixed("RecursionError", "maximum recursion depth exceeded")},
	{regexp.MustCompile(`^floating-point division by zero$`), fixed("ZeroDivisionError", "division by zero")},
	{regexp.MustCompile(`^floored division by zero$`), fixed("ZeroDivisionError", "integer division or modulo by zero")},
	{regexp.MustCompile(`^(integer|float) modulo by zero$`), func(m []string) (string, string) {
		if m[1] == "float" {
			return "ZeroDivisionError", "float modulo"
		}
		return "ZeroDivisionError", "integer modulo by zero"
	}},
	{regexp.MustCompile(`^key (.*) not in dict$`), func(m []string) (string, string) { return "KeyError", pyLiteral(m[1]) }},
	{regexp.MustCompile(`^([a-z][\w.]*) index (-?\d+) out of range`), func(m []string) (string, string) {
		what := m[1]
		if what == "range" {
			what = "range object"
		}
		return "IndexError", what + " index out of range"
	}},
	{regexp.MustCompile(`^unknown binary op: string \+ (\w+)$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf(`can only concatenate str (not "%s") to str`, starType(m[1]))
	}},
	{regexp.MustCompile(`^unknown binary op: list \+ (\w+)$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf(`can only concatenate list (not "%s") to list`, starType(m[1]))
	}},
	{regexp.MustCompile(`^unknown binary op: (\w+) (\S+) (\w+)$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("unsupported operand type(s) for %s: '%s' and '%s'", m[2], starType(m[1]), starType(m[3]))
	}},
	{regexp.MustCompile(`^unknown unary op: (\S+) (\w+)$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("bad operand type for unary %s: '%s'", m[1], starType(m[2]))
	}},
	{regexp.MustCompile(`^(\w+) has no \.(\w+) field or method`), func(m []string) (string, string) {
		return "AttributeError", fmt.Sprintf("'%s' object has no attribute '%s'", starType(m[1]), m[2])
	}},
	{regexp.MustCompile(`^function (\w+) got an unexpected keyword argument "(\w+)"$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("%s() got an unexpected keyword argument '%s'", m[1], m[2])
	}},
	{regexp.MustCompile(`^function (\w+) accepts (no|\d+) positional arguments? \((\d+) given\)$`), func(m []string) (string, string) {
		n := m[2]
		if n == "no" {
			n = "0"
		}
		were := "were"
		if m[3] == "1" {
			were = "was"
		}
		s := "s"
		if n == "1" {
			s = ""
		}
		return "TypeError", fmt.Sprintf("%s() takes %s positional argument%s but %s %s given", m[1], n, s, m[3], were)
	}},
	{regexp.MustCompile(`^function (\w+) missing (\d+) argument(?:s)? \((.*)\)$`), func(m []string) (string, string) {
		names := strings.Split(m[3], ", ")
		for i, n := range names {
			names[i] = "'" + n + "'"
		}
		s := "s"
		if m[2] == "1" {
			s = ""
		}
		return "TypeError", fmt.Sprintf("%s() missing %s required positional argument%s: %s", m[1], m[2], s, strings.Join(names, " and "))
	}},
	{regexp.MustCompile(`^invalid call of non-function \((\w+)\)$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("'%s' object is not callable", starType(m[1]))
	}},
	{regexp.MustCompile(`^unhandled index operation (\w+)\[\w+\]$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("'%s' object is not subscriptable", starType(m[1]))
	}},
	{regexp.MustCompile(`^unhashable type: (\w+)$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("unhashable type: '%s'", starType(m[1]))
	}},
	{regexp.MustCompile(`^int: invalid literal with base (\d+): (.*)$`), func(m []string) (string, string) {
		return "ValueError", fmt.Sprintf("invalid literal for int() with base %s: %s", m[1], session.Quote(m[2]))
	}},
	{regexp.MustCompile(`^invalid float literal: (.*)$`), func(m []string) (string, string) {
		return "ValueError", fmt.Sprintf("could not convert string to float: %s", session.Quote(m[1]))
	}},
	{regexp.MustCompile(`^(\w+) value is not iterable$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("'%s' object is not iterable", starType(m[1]))
	}},
	{regexp.MustCompile(`^got (\w+), want iterable$`), func(m []string) (string, string) {
		return "TypeError", fmt.Sprintf("'%s' object is not iterable", starType(m[1]))
	}},
	{regexp.MustCompile(`^local variable (\w+) referenced before assignment$`), func(m []string) (string, string) {
		return "UnboundLocalError", fmt.Sprintf("local variable '%s' referenced before assignment", m[1])
	}},
}

// pythonMessage rewrites a Starlark error message as Python's.
func pythonMessage(msg string) (ename, out string, ok bool) {
	for _, p := range pyMessages {
		if m := p.re.FindStringSubmatch(msg); m != nil {
			e, o := p.make(m)
			return e, o, true
		}
	}
	return "", "", false
}

// starType names a Starlark type as Python does.
func starType(t string) string {
	switch t {
	case "string":
		return "str"
	case "NoneType", "int", "float", "list", "dict", "tuple", "bool":
		return t
	case "builtin_function_or_method", "function":
		return t
	case "iterable":
		return "an iterable"
	case "callable":
		return "callable"
	}
	return t
}

// pyLiteral turns Starlark's quoted key ("b") into Python's repr ('b').
func pyLiteral(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return session.Quote(strings.ReplaceAll(s[1:len(s)-1], `\"`, `"`))
	}
	return s
}

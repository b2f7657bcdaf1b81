// Package python is the Python front end of cells: it translates the
// Python-style source a learner writes into Starlark (go.starlark.net),
// line for line, so that the syntax tree it returns carries the learner's
// line numbers. It knows nothing of the kernel that runs the tree: the
// names it introduces (_import, _cmp, _fstr, _with, …) are the kernel's
// builtins.
package python

import "go.starlark.net/syntax"

// FileOptions returns the Starlark dialect cells are parsed, resolved and
// run with: set, while, top-level if/for, global reassignment and
// recursion allowed.
func FileOptions() *syntax.FileOptions {
	return &syntax.FileOptions{
		Set:             true,
		While:           true,
		TopLevelControl: true,
		GlobalReassign:  true,
		Recursion:       true,
	}
}

// Parse translates a cell's Python-style source and parses it: the tree's
// positions are in filename, at the learner's lines, and decorators are
// applied (f = d(f) after each decorated def). Source is parsed once: the
// rewrites that need the tree (comparisons into _cmp calls) are made on it.
// Parse also returns the Starlark text of the same program,
// line for line the learner's source: a def's lines of it are the
// function's source when it runs on a worker.
// Errors are a *TranslateError or Starlark's syntax.Error.
func Parse(filename, src string) (*syntax.File, string, error) {
	text, isOps, err := translateText(src)
	if err != nil {
		return nil, "", err
	}
	f, err := FileOptions().Parse(filename, text, 0)
	if err != nil {
		return nil, "", err
	}
	// The text's comparisons first: comparisonText reads the tree's
	// positions, before rewriteComparisons changes it.
	text = comparisonText(text, f, isOps)
	rewriteComparisons(f, isOps)
	f.Stmts = applyDecorators(f.Stmts)
	return f, text, nil
}

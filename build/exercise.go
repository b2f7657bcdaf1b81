package main

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"burst/engine/check"
)

// Exercise is one exercise of a lesson: a cell that loads its solution
// (%load solutions/ID.py) followed by a ```check block saying how the
// learner's result is compared with the solution's (lessons/README.md).
type Exercise struct {
	ID     string `json:"id"`     // the solution's name: "delayed-1"
	Lesson string `json:"lesson"` // the lesson's slug: "01-delayed"
	Title  string `json:"title"`  // the heading the exercise is under
	// Cell is the exercise cell's index among the lesson's code cells,
	// Line the line of its fence in the lesson.
	Cell int `json:"-"`
	Line int `json:"-"`
	// Spec is the check without its expected value, which `build
	// checks` adds by running the solution.
	Spec check.Spec `json:"-"`
}

// exerciseCell matches an exercise cell's code.
var exerciseCell = regexp.MustCompile(`^%load solutions/([a-z0-9][a-z0-9-]*)\.py\s*$`)

// exerciseID is the exercise a cell's code loads, or "".
func exerciseID(code string) string {
	if m := exerciseCell.FindStringSubmatch(strings.TrimSpace(code)); m != nil {
		return m[1]
	}
	return ""
}

// lessonExercises returns a lesson's exercises, each with its check; a
// lesson whose exercise has no check (or a check no exercise) is an
// error naming the line.
func lessonExercises(slug string, src []byte) ([]Exercise, error) {
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	var out []Exercise
	var heading string
	cell := 0
	var pending *Exercise // the exercise whose check must come next
	lineOf := func(n *ast.FencedCodeBlock) int {
		return bytes.Count(src[:n.Info.Segment.Start], []byte("\n")) + 1
	}
	// The blocks in document order, at any depth (a cell inside a list
	// is a cell too): a check must be the block right after its cell.
	var blocks []ast.Node
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.FencedCodeBlock, *ast.Heading, *ast.Paragraph, *ast.CodeBlock, *ast.HTMLBlock:
			if entering {
				blocks = append(blocks, n)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range blocks {
		fb, isCode := n.(*ast.FencedCodeBlock)
		lang := ""
		if isCode {
			lang = string(fb.Language(src))
		}
		if pending != nil && lang != "check" {
			break
		}
		switch {
		case !isCode:
			if h, ok := n.(*ast.Heading); ok {
				heading = nodeText(h, src)
			}
		case lang == "python":
			if id := exerciseID(blockText(fb, src)); id != "" {
				pending = &Exercise{ID: id, Lesson: slug, Title: heading, Cell: cell, Line: lineOf(fb)}
			}
			cell++
		case lang == "check":
			if pending == nil {
				return nil, fmt.Errorf("%s.md:%d: a ```check block must follow an exercise cell (%%load solutions/NAME.py)", slug, lineOf(fb))
			}
			spec, err := parseCheck(blockText(fb, src))
			if err != nil {
				return nil, fmt.Errorf("%s.md:%d: %v", slug, lineOf(fb), err)
			}
			pending.Spec = spec
			out = append(out, *pending)
			pending = nil
		}
	}
	if pending != nil {
		return nil, fmt.Errorf("%s.md:%d: the exercise %q has no ```check block right after its cell (lessons/README.md says how to write one)", slug, pending.Line, pending.ID)
	}
	return out, nil
}

// parseCheck reads a check block: "key: value" lines (name, rtol, atol,
// order, hint), # comments and blank lines.
func parseCheck(body string) (check.Spec, error) {
	var s check.Spec
	sc := bufio.NewScanner(strings.NewReader(body))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return s, fmt.Errorf("check line %d: want key: value, got %q", n, line)
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		var err error
		switch key {
		case "name":
			s.Name = value
		case "rtol":
			s.RTol, err = strconv.ParseFloat(value, 64)
		case "atol":
			s.ATol, err = strconv.ParseFloat(value, 64)
		case "order":
			if value != "any" && value != "exact" {
				err = fmt.Errorf("order is any or exact, not %q", value)
			}
			s.Order = value
		case "hint":
			s.Hint = value
		default:
			err = fmt.Errorf("unknown key %q (the keys are name, rtol, atol, order and hint)", key)
		}
		if err != nil {
			return s, fmt.Errorf("check line %d: %v", n, err)
		}
	}
	return s, nil
}

package main

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Lesson is a rendered lesson page.
type Lesson struct {
	Slug    string // file name without .md: "00-overview"
	Title   string // the first heading
	Summary string // the first paragraph, as text
	Body    string // HTML
	Cells   int
}

// cellRenderer renders fenced python blocks as runnable cells; other code
// blocks stay plain.
type cellRenderer struct{ n int }

func (r *cellRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

func (r *cellRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	code := blockText(n, src)
	lang := string(n.Language(src))
	if lang == "python" {
		// ```python raises: the cell shows an error on purpose (Run all
		// goes on past it).
		raises := ""
		if n.Info != nil && strings.Contains(string(n.Info.Segment.Value(src)), "raises") {
			raises = " data-raises"
		}
		fmt.Fprintf(w, "<div class=\"cell\" data-cell-index=\"%d\"%s><pre class=\"cell-source\">%s</pre><div class=\"cell-output\" data-output></div></div>\n", r.n, raises, html.EscapeString(code))
		r.n++
	} else {
		fmt.Fprintf(w, "<pre><code class=\"language-%s\">%s</code></pre>\n", html.EscapeString(lang), html.EscapeString(code))
	}
	return ast.WalkSkipChildren, nil
}

func blockText(n *ast.FencedCodeBlock, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// renderLesson turns a lesson's Markdown into a page body.
func renderLesson(slug string, src []byte) (*Lesson, error) {
	cr := &cellRenderer{}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(cr, 100))),
	)
	doc := md.Parser().Parse(text.NewReader(src))
	l := &Lesson{Slug: slug}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if l.Title == "" {
				l.Title = nodeText(n, src)
			}
		case *ast.Paragraph:
			if l.Summary == "" && l.Title != "" {
				l.Summary = nodeText(n, src)
			}
		}
		return ast.WalkContinue, nil
	})
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, err
	}
	l.Body, l.Cells = buf.String(), cr.n
	if l.Title == "" {
		l.Title = slug
	}
	return l, nil
}

func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		if s, ok := c.(*ast.String); ok && entering {
			b.Write(s.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// lessonCells returns the python code blocks of a lesson, the cells.
func lessonCells(src []byte) []string {
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var cells []string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering && string(fb.Language(src)) == "python" {
			cells = append(cells, strings.TrimRight(blockText(fb, src), "\n"))
		}
		return ast.WalkContinue, nil
	})
	return cells
}

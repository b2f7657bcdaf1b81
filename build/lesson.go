package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"mime"
	"path"
	"regexp"
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
		// An exercise's cell: the page checks what it computes.
		if id := exerciseID(code); id != "" {
			raises += fmt.Sprintf(" data-exercise=\"%s\"", html.EscapeString(id))
		}
		fmt.Fprintf(w, "<div class=\"cell\" data-cell-index=\"%d\"%s><pre class=\"cell-source\">%s</pre><div class=\"cell-output\" data-output></div></div>\n", r.n, raises, html.EscapeString(code))
		r.n++
	} else if lang == "check" {
		// An exercise's check is for the build (lessons/README.md), not
		// the page: it would tell the learner the hint in advance.
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

// SourceCell is one cell of a lesson as its notebook download starts from:
// a run of the lesson's Markdown between two code cells, or a code cell
// (the page puts the learner's code and outputs in it).
type SourceCell struct {
	Kind   string `json:"kind"` // "markdown" or "code"
	Source string `json:"source"`
	// Raises marks a code cell that shows an error on purpose (```python raises).
	Raises bool `json:"raises,omitempty"`
	// Attachments are the pictures a markdown cell shows, by file name,
	// as nbformat keeps them: MIME type → base64 data.
	Attachments map[string]map[string]string `json:"attachments,omitempty"`
}

var (
	// ![alt](images/NAME): a picture beside the lessons.
	lessonImage = regexp.MustCompile(`\]\(images/([A-Za-z0-9._-]+)\)`)
	// [text](01-delayed.html#part): a link to another lesson.
	lessonLink = regexp.MustCompile(`\]\(([0-9][0-9]-[A-Za-z0-9-]+)\.html(#[^)\s]*)?\)`)
)

// lessonSource splits a lesson's Markdown into notebook cells: each fenced
// python block a code cell (in the order the page numbers them), the text
// between them markdown cells. A picture under images/ becomes an
// attachment read by image; links to other lessons point at their
// notebooks.
func lessonSource(src []byte, image func(name string) ([]byte, error)) ([]SourceCell, error) {
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(src))
	var cells []SourceCell
	pos := 0
	markdown := func(md string) error {
		md = strings.Trim(md, "\n")
		if strings.TrimSpace(md) == "" {
			return nil
		}
		c := SourceCell{Kind: "markdown"}
		for _, m := range lessonImage.FindAllStringSubmatch(md, -1) {
			b, err := image(m[1])
			if err != nil {
				return err
			}
			mt := mime.TypeByExtension(path.Ext(m[1]))
			if i := strings.IndexByte(mt, ';'); i >= 0 {
				mt = mt[:i]
			}
			if mt == "" {
				mt = "application/octet-stream"
			}
			if c.Attachments == nil {
				c.Attachments = map[string]map[string]string{}
			}
			c.Attachments[m[1]] = map[string]string{mt: base64.StdEncoding.EncodeToString(b)}
		}
		md = lessonImage.ReplaceAllString(md, "](attachment:$1)")
		c.Source = lessonLink.ReplaceAllString(md, "]($1.ipynb$2)")
		cells = append(cells, c)
		return nil
	}
	var err error
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fb, ok := n.(*ast.FencedCodeBlock)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		lang := string(fb.Language(src))
		if lang != "python" && lang != "check" {
			return ast.WalkContinue, nil
		}
		// The block runs from its opening fence's line to the end of its
		// closing fence's line.
		start := bytes.LastIndexByte(src[:fb.Info.Segment.Start], '\n') + 1
		end := fb.Info.Segment.Stop
		if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
			end += i + 1
		} else {
			end = len(src)
		}
		if fb.Lines().Len() > 0 {
			end = fb.Lines().At(fb.Lines().Len() - 1).Stop
		}
		if rest := src[end:]; len(rest) > 0 {
			line, _, _ := bytes.Cut(rest, []byte("\n"))
			if t := bytes.TrimLeft(line, " "); bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
				end += min(len(line)+1, len(rest))
			}
		}
		if err = markdown(string(src[pos:start])); err != nil {
			return ast.WalkStop, err
		}
		if lang == "check" { // the build's, not the notebook's
			pos = end
			return ast.WalkSkipChildren, nil
		}
		raises := strings.Contains(string(fb.Info.Segment.Value(src)), "raises")
		cells = append(cells, SourceCell{Kind: "code", Source: strings.TrimRight(blockText(fb, src), "\n"), Raises: raises})
		pos = end
		return ast.WalkSkipChildren, nil
	})
	if err != nil {
		return nil, err
	}
	if err := markdown(string(src[pos:])); err != nil {
		return nil, err
	}
	return cells, nil
}

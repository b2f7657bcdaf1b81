package main

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestLessonSource splits a lesson into the cells its notebook download
// starts from: Markdown between the python blocks, pictures as
// attachments, links to lessons pointing at their notebooks.
func TestLessonSource(t *testing.T) {
	src := "# Title\n\nSome *text*.\n\n```python\nx = 1\n\ny = 2\n```\n\nA picture ![cluster](images/p.svg) and [lesson 1](01-delayed.html#start).\n\n```bash\nnot a cell\n```\n\n```python raises\n1/0\n```\n"
	picture := []byte("<svg/>")
	cells, err := lessonSource([]byte(src), func(name string) ([]byte, error) {
		if name != "p.svg" {
			t.Errorf("asked for picture %q", name)
		}
		return picture, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []SourceCell{
		{Kind: "markdown", Source: "# Title\n\nSome *text*."},
		{Kind: "code", Source: "x = 1\n\ny = 2"},
		{Kind: "markdown", Source: "A picture ![cluster](attachment:p.svg) and [lesson 1](01-delayed.ipynb#start).\n\n```bash\nnot a cell\n```",
			Attachments: map[string]map[string]string{"p.svg": {"image/svg+xml": base64.StdEncoding.EncodeToString(picture)}}},
		{Kind: "code", Source: "1/0", Raises: true},
	}
	if !reflect.DeepEqual(cells, want) {
		t.Errorf("got  %#v\nwant %#v", cells, want)
	}
}

// TestLessonSourceLessons checks every lesson: its code cells are the
// page's cells, in order, and no text is lost between them.
var checkBlock = regexp.MustCompile("(?s)```check\n.*?```\n")

func TestLessonSourceLessons(t *testing.T) {
	names, _ := filepath.Glob("../lessons/[0-9][0-9]-*.md")
	if len(names) == 0 {
		t.Fatal("no lessons")
	}
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		cells, err := lessonSource(src, func(name string) ([]byte, error) {
			return os.ReadFile(filepath.Join("../lessons/images", name))
		})
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		var code []string
		var text strings.Builder
		for _, c := range cells {
			if c.Kind == "code" {
				code = append(code, c.Source)
				text.WriteString("```python\n" + c.Source + "\n```\n")
			} else {
				text.WriteString(c.Source + "\n")
			}
		}
		if want := lessonCells(src); !reflect.DeepEqual(code, want) {
			t.Errorf("%s: code cells %q, want %q", n, code, want)
		}
		// The cells put back together are the lesson, but for blank lines,
		// "python raises", the rewritten links and the exercises' checks
		// (the build's, not the notebook's).
		norm := func(s string) string {
			s = checkBlock.ReplaceAllString(s, "")
			s = strings.ReplaceAll(s, "```python raises", "```python")
			s = lessonImage.ReplaceAllString(s, "](attachment:$1)")
			s = lessonLink.ReplaceAllString(s, "]($1.ipynb$2)")
			return strings.Join(strings.Fields(s), " ")
		}
		if got, want := norm(text.String()), norm(string(src)); got != want {
			t.Errorf("%s: the cells do not add up to the lesson:\n%s\nwant\n%s", n, got, want)
		}
	}
}

package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"burst/build/dataset"
	"burst/engine/kernel"
)

// TestExerciseChecks computes every lesson's checks on the small data
// (the taxi files too, for the remote lesson, which the build checks on
// the local engine), then runs each lesson natively with, at each
// exercise, the committed wrong answer (lessons/testdata/wrong/ID.py:
// its check must fail, with a hint matching the file's "# hint:" line)
// and then the solution (its check must pass).
func TestExerciseChecks(t *testing.T) {
	root := t.TempDir()
	if _, err := dataset.Flights(filepath.Join(root, "data"), "small"); err != nil {
		t.Fatal(err)
	}
	if _, err := dataset.Taxi(filepath.Join(root, "data"), 0.002); err != nil {
		t.Fatal(err)
	}
	c, _, err := writeChecks(root, "../lessons", 2, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Missing) > 0 {
		t.Errorf("exercises without a check: %v", c.Missing)
	}
	names, _ := filepath.Glob("../lessons/[0-9][0-9]-*.md")
	total := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := checkAnswers(t, root, name, "../solutions", "../lessons/testdata/wrong", c)
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	if total < 13 {
		t.Errorf("%d exercises in the lessons, want at least 13", total)
	}
}

// checkAnswers runs a lesson natively with, at each exercise, the wrong
// answer in wrongDir (its check must fail with a hint matching the
// file's "# hint:" line) and then the solution (its check must pass). It
// returns the number of exercises.
func checkAnswers(t *testing.T, root, lesson, solutions, wrongDir string, c *Checks) int {
	src, err := os.ReadFile(lesson)
	if err != nil {
		t.Error(err)
		return 0
	}
	slug := strings.TrimSuffix(filepath.Base(lesson), ".md")
	exercises, err := lessonExercises(slug, src)
	if err != nil {
		t.Error(err)
		return 0
	}
	cells, _ := lessonSource(src, func(string) ([]byte, error) { return nil, nil })
	var errs []string
	wrong := func(e Exercise) (string, error) {
		b, err := os.ReadFile(filepath.Join(wrongDir, e.ID+".py"))
		return string(b), err
	}
	missing, err := runLesson(root, cells, exercises, 2, wrong, func(e Exercise, k *kernel.Kernel) {
		spec, ok := c.Exercises[e.ID]
		if !ok {
			errs = append(errs, e.ID+": no check")
			return
		}
		code, _ := wrong(e)
		first, _, _ := strings.Cut(code, "\n")
		hint := regexp.MustCompile(strings.TrimSpace(strings.TrimPrefix(first, "# hint:")))
		if r := k.Check(spec); r.Pass || !hint.MatchString(r.Hint) {
			errs = append(errs, e.ID+": the wrong answer's check: "+r.Hint+" (want a failure matching "+hint.String()+")")
		}
		sol, err := solutionOf(solutions)(e)
		if err != nil {
			errs = append(errs, err.Error())
			return
		}
		if !k.Execute(context.Background(), onLocalCluster(sol), func(kernel.Output) {}) {
			errs = append(errs, e.ID+": the solution failed")
		} else if r := k.Check(spec); !r.Pass {
			errs = append(errs, e.ID+": the solution's check failed: "+r.Hint)
		}
	})
	if err != nil {
		errs = append(errs, err.Error())
	}
	for id, why := range missing {
		errs = append(errs, id+": "+why)
	}
	for _, e := range errs {
		t.Errorf("%s: %s", slug, e)
	}
	t.Logf("%s: %d exercises, each checked with a wrong answer and the solution", slug, len(exercises))
	return len(exercises)
}

// TestLessonFromDocs builds the example lesson of lessons/README.md, the
// lesson authors' documentation, from that page alone: its three files
// are the fenced blocks after each "`PATH`:" line. The lesson must
// render with its exercise cell marked and its check hidden, get an
// expected value from `build checks`, fail with its wrong answer's hint
// and pass with its solution.
func TestLessonFromDocs(t *testing.T) {
	doc, err := os.ReadFile("../lessons/README.md")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	var lesson string
	n := 0
	lines := strings.Split(string(doc), "\n")
	for i := 0; i+2 < len(lines); i++ {
		// "`PATH`:", a blank line, then a fence; the file runs to the
		// line that closes that fence.
		name, ok := strings.CutSuffix(lines[i], "`:")
		if !ok || !strings.HasPrefix(name, "`") || lines[i+1] != "" || !strings.HasPrefix(lines[i+2], "```") {
			continue
		}
		fence := strings.TrimRight(lines[i+2], "abcdefghijklmnopqrstuvwxyz")
		end := i + 3
		for end < len(lines) && lines[end] != fence {
			end++
		}
		path := filepath.Join(root, filepath.FromSlash(name[1:]))
		if strings.HasSuffix(path, ".md") {
			lesson = path
		}
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(strings.Join(lines[i+3:end], "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 3 || lesson == "" {
		t.Fatalf("lessons/README.md has %d example files, want 3 (a lesson, its solution and its wrong answer)", n)
	}
	src, _ := os.ReadFile(lesson)
	slug := strings.TrimSuffix(filepath.Base(lesson), ".md")
	page, err := renderLesson(slug, src)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page.Body, `data-exercise="busiest-day"`) || strings.Contains(page.Body, "hint:") {
		t.Errorf("the example's page should mark its exercise cell and hide its check:\n%s", page.Body)
	}
	if _, err := dataset.Flights(filepath.Join(root, "data"), "small"); err != nil {
		t.Fatal(err)
	}
	c, _, err := writeChecks(root, filepath.Join(root, "lessons"), 2, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Exercises) != 1 || len(c.Missing) > 0 {
		t.Fatalf("the example's checks: %+v", c)
	}
	if n := checkAnswers(t, root, lesson, filepath.Join(root, "solutions"), filepath.Join(root, "lessons", "testdata", "wrong"), c); n != 1 {
		t.Errorf("%d exercises in the example, want 1", n)
	}
}

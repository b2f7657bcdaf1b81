package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestLessonsInBrowser runs every lesson in headless
// Chromium, cell by cell as a learner would, with no cell error and no
// console error; it reports the time of each cell and takes screenshots
// at desktop and tablet sizes. Each exercise runs twice: with the
// committed wrong answer (lessons/testdata/wrong/ID.py), whose check must
// show a hint matching the file's "# hint:" line and no ✓, then with the
// solution its %load cell loads, whose check must show ✓.
func TestLessonsInBrowser(t *testing.T) {
	requireChrome(t)
	root := flightsRoot(t, "small")
	// The checks run the lessons natively while the site builds.
	checked := make(chan struct{})
	go func() {
		defer close(checked)
		if err := buildChecks(root, ""); err != nil {
			t.Error(err)
		}
	}()
	dist := buildDist(t)
	<-checked
	if t.Failed() {
		t.FailNow()
	}
	base := serveSite(t, dist, root)
	wrong := wrongAnswers(t)
	shots := os.Getenv("BURST_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	lessons, _ := filepath.Glob("../lessons/[0-9][0-9]-*.md")
	for _, lesson := range lessons {
		name := strings.TrimSuffix(filepath.Base(lesson), ".md")
		if name == "04-remote-cluster" {
			continue // it needs a Dask cluster: TestRemoteLesson runs it
		}
		t.Run(name, func(t *testing.T) {
			ctx := newBrowser(t, 10*time.Minute)
			consoleErrors := watchConsole(ctx)
			if err := chromedp.Run(ctx,
				chromedp.EmulateViewport(1440, 900),
				chromedp.Navigate(base+"/lessons/"+name+"?workers=2"),
				chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
			); err != nil {
				t.Fatal(err)
			}
			// Run all, as a learner's first visit does (no saved edits):
			// no cell fails but those that raise on purpose.
			var runErr string
			if err := chromedp.Run(ctx,
				chromedp.Evaluate(`localStorage.clear()`, nil),
				chromedp.Reload(),
				chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
				chromedp.Evaluate(`window.burst.runAll().then(() => "", e => String(e))`, &runErr, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
					return p.WithAwaitPromise(true)
				}),
				chromedp.Evaluate(`localStorage.clear()`, nil),
				chromedp.Reload(),
				chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
			); err != nil || runErr != "" {
				t.Fatalf("runAll: %v %s", err, runErr)
			}
			// Then every cell in order, in a fresh kernel; a %load cell
			// once more, with its solution.
			var raw string
			if err := chromedp.Run(ctx, chromedp.Evaluate(`(async (wrong) => {
				const times = [];
				const verdict = (el) => {
					const c = el.querySelector("[data-check]");
					return c ? {state: c.dataset.check, text: c.textContent} : {state: "", text: ""};
				};
				for (let k = 0; k < window.burst.cellCount(); k++) {
					let err = "";
					const el = document.querySelector('[data-cell-index="' + k + '"]');
					const ex = el.dataset.exercise;
					let check = null;
					if (ex) {
						// The committed wrong answer first, as a learner's
						// first try; then the lesson's %load cell.
						const original = window.burst.code(k);
						window.burst.setCode(k, wrong[ex] || "");
						await window.burst.runCell(k).catch(e => { err = "the wrong answer failed: " + e; });
						check = {exercise: ex, wrong: verdict(el)};
						window.burst.setCode(k, original);
					}
					await window.burst.runCell(k).catch(e => { err = String(e); });
					if (window.burst.outputs(k).some(o => o.type === "set_next_input")) {
						await window.burst.runCell(k).catch(e => { err = String(e); });
					}
					if (check) check.solution = verdict(el);
					const code = el.querySelector('.cm-content').innerText.split("\n")[0];
					if (el.hasAttribute("data-raises")) err = err ? "" : "expected an error";
					times.push({cell: k + 1, code, secs: parseFloat(el.dataset.elapsed), err, check});
				}
				return JSON.stringify(times);
			})(`+wrong+`)`, &raw, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })); err != nil {
				t.Fatal(err)
			}
			type verdict struct{ State, Text string }
			var times []struct {
				Cell  int     `json:"cell"`
				Code  string  `json:"code"`
				Secs  float64 `json:"secs"`
				Err   string  `json:"err"`
				Check *struct {
					Exercise        string
					Wrong, Solution verdict
				} `json:"check"`
			}
			json.Unmarshal([]byte(raw), &times)
			var report []string
			exercises := 0
			for _, c := range times {
				if c.Err != "" {
					t.Errorf("cell %d (%s): %s", c.Cell, c.Code, c.Err)
				}
				if ch := c.Check; ch != nil {
					exercises++
					hint := wrongHint(t, ch.Exercise)
					if ch.Wrong.State != "fail" || !hint.MatchString(ch.Wrong.Text) || strings.Contains(ch.Wrong.Text, "✓") {
						t.Errorf("exercise %s with the wrong answer: data-check=%q %q, want fail with a hint matching %q", ch.Exercise, ch.Wrong.State, ch.Wrong.Text, hint)
					}
					if ch.Solution.State != "pass" || ch.Solution.Text != "✓ matches" {
						t.Errorf("exercise %s with the solution: data-check=%q %q, want pass", ch.Exercise, ch.Solution.State, ch.Solution.Text)
					}
					t.Logf("exercise %s: wrong answer → %q; solution → %q", ch.Exercise, ch.Wrong.Text, ch.Solution.Text)
				}
				report = append(report, fmt.Sprintf("%3d %6.2fs  %s", c.Cell, c.Secs, c.Code))
			}
			t.Logf("%s, cell times in Chromium with 2 workers:\n%s", name, strings.Join(report, "\n"))
			if want := strings.Count(readFile(t, lesson), "\n```check\n"); exercises != want {
				t.Errorf("%d exercises checked, the lesson has %d", exercises, want)
			}
			if len(consoleErrors()) > 0 {
				t.Errorf("console errors: %v", consoleErrors())
			}
			for _, size := range [][2]int64{{1440, 900}, {820, 1180}} {
				var png []byte
				if err := chromedp.Run(ctx, chromedp.EmulateViewport(size[0], size[1]), chromedp.FullScreenshot(&png, 100)); err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s-%dx%d.png", name, size[0], size[1])), png, 0o644)
			}
		})
	}
}

// buildChecks writes root/data/checks.json, the exercises' expected
// results on root's data, as `go run ./server` does for its data; with
// lesson, that lesson's only (for a test whose data has only what that
// lesson reads).
func buildChecks(root, lesson string) error {
	args := []string{"run", "./build", "checks", "-root", root}
	if lesson != "" {
		args = append(args, "-lesson", lesson)
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = ".."
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("computing the checks: %v\n%s", err, b)
	}
	return nil
}

// writeLessonChecks writes the checks of one lesson (buildChecks).
func writeLessonChecks(t *testing.T, root, lesson string) {
	t.Helper()
	if err := buildChecks(root, lesson); err != nil {
		t.Fatal(err)
	}
}

// wrongAnswers returns the committed wrong answers, by exercise, as a
// JSON object for the page.
func wrongAnswers(t *testing.T) string {
	t.Helper()
	files, _ := filepath.Glob("../lessons/testdata/wrong/*.py")
	m := map[string]string{}
	for _, f := range files {
		m[strings.TrimSuffix(filepath.Base(f), ".py")] = readFile(t, f)
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// wrongHint is the pattern a wrong answer's hint must match: its
// file's first line, "# hint: PATTERN".
func wrongHint(t *testing.T, exercise string) *regexp.Regexp {
	t.Helper()
	first, _, _ := strings.Cut(readFile(t, filepath.Join("../lessons/testdata/wrong", exercise+".py")), "\n")
	return regexp.MustCompile(strings.TrimSpace(strings.TrimPrefix(first, "# hint:")))
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestExerciseInNotebook downloads lesson 00 as a notebook and opens it
// on the notebook page: its exercise cell is still one (the download
// keeps the exercise in the cell's metadata), checked as on the lesson's
// page, a wrong answer with a hint and the solution with ✓.
func TestExerciseInNotebook(t *testing.T) {
	requireChrome(t)
	root := flightsRoot(t, "small")
	writeLessonChecks(t, root, "00-overview")
	base := serveSite(t, buildDist(t), root)
	ctx := newBrowser(t, 5*time.Minute)
	var nb string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/lessons/00-overview?workers=2"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		chromedp.Evaluate(`window.burst.notebook().then((nb) => JSON.stringify(nb))`, &nb, awaitPromise),
	); err != nil {
		t.Fatal(err)
	}
	var parsed struct {
		Cells []struct {
			CellType string `json:"cell_type"`
			Metadata struct {
				Burst struct{ Exercise string }
			}
		}
	}
	json.Unmarshal([]byte(nb), &parsed)
	marked := 0
	for _, c := range parsed.Cells {
		if c.Metadata.Burst.Exercise == "overview" && c.CellType == "code" {
			marked++
		}
	}
	if marked != 1 {
		t.Fatalf("the downloaded notebook marks %d cells as the exercise overview, want 1", marked)
	}
	var got struct{ Wrong, Solution struct{ State, Text string } }
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/notebook.html?workers=2"),
		chromedp.WaitReady(`body`, chromedp.ByQuery),
		chromedp.Evaluate(`window.burst.openNotebook(`+nb+`, "00-overview.ipynb").then(() => true)`, nil, awaitPromise),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
		chromedp.Evaluate(`(async (wrong) => {
			const el = document.querySelector('[data-exercise="overview"]');
			const k = Number(el.dataset.cellIndex);
			for (let j = 0; j < k; j++) await window.burst.runCell(j).catch(() => {});
			const verdict = () => {
				const c = el.querySelector("[data-check]");
				return c ? {state: c.dataset.check, text: c.textContent} : {state: "", text: ""};
			};
			window.burst.setCode(k, wrong);
			await window.burst.runCell(k).catch(() => {});
			const w = verdict();
			window.burst.setCode(k, "%load solutions/overview.py");
			await window.burst.runCell(k);
			await window.burst.runCell(k);
			return {wrong: w, solution: verdict()};
		})(`+jsonString(readFile(t, "../lessons/testdata/wrong/overview.py"))+`)`, &got, awaitPromise),
	); err != nil {
		t.Fatal(err)
	}
	if hint := wrongHint(t, "overview"); got.Wrong.State != "fail" || !hint.MatchString(got.Wrong.Text) {
		t.Errorf("the wrong answer in the notebook: %+v, want fail matching %q", got.Wrong, hint)
	}
	if got.Solution.State != "pass" {
		t.Errorf("the solution in the notebook: %+v, want pass", got.Solution)
	}
}

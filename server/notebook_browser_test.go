package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The nbformat 4 JSON, as far as the test reads it.
type nbOutput struct {
	OutputType string         `json:"output_type"`
	Name       string         `json:"name"`
	Text       any            `json:"text"`
	Data       map[string]any `json:"data"`
	ExecCount  *int           `json:"execution_count"`
	EName      string         `json:"ename"`
	EValue     string         `json:"evalue"`
	Traceback  []string       `json:"traceback"`
}

type nbCell struct {
	CellType    string                    `json:"cell_type"`
	ID          string                    `json:"id"`
	Source      any                       `json:"source"`
	Metadata    map[string]any            `json:"metadata"`
	Outputs     []nbOutput                `json:"outputs"`
	ExecCount   *int                      `json:"execution_count"`
	Attachments map[string]map[string]any `json:"attachments"`
}

type notebookJSON struct {
	Cells         []nbCell       `json:"cells"`
	Metadata      map[string]any `json:"metadata"`
	NBFormat      int            `json:"nbformat"`
	NBFormatMinor int            `json:"nbformat_minor"`
}

// multiline joins nbformat's string-or-list-of-lines.
func multiline(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		var b strings.Builder
		for _, l := range v {
			s, _ := l.(string)
			b.WriteString(s)
		}
		return b.String()
	}
	return ""
}

func (c nbCell) source() string { return multiline(c.Source) }

// jupyterSkips are the lesson cells (by lesson and the cell's first line)
// whose numbers cannot be equal in Jupyter and in Burst, each with why.
var jupyterSkips = map[[2]string]string{
	{"00-overview", "from dask.distributed import Client"}:    "a Client's repr: the cluster's address, its dashboard link, the machine's cores and memory",
	{"01-delayed", "from dask.distributed import Client"}:     "a Client's repr: the cluster's address, its dashboard link, the machine's cores and memory",
	{"02-dataframe", "from dask.distributed import Client"}:   "a Client's repr: the cluster's address, its dashboard link, the machine's cores and memory",
	{"01-delayed", "z.visualize()"}:                           "a graph image: Burst draws it from JSON, Jupyter shows graphviz's PNG",
	{"01-delayed", "dinc = delayed(inc)"}:                     "a graph image (v.visualize())",
	{"02-dataframe", "df.visualize()"}:                        "a graph image",
	{"02-dataframe", "maxdelay.visualize()"}:                  "a graph image",
	{"02-dataframe", "dask.visualize(mean_delay, std_delay)"}: "a graph image",
	{"01-delayed", "future = client.submit(inc, 10)"}:         "a Future's repr: whether it is still pending or already finished depends on timing",
}

// Numbers in outputs, and what cannot be equal inside an otherwise
// comparable output.
var (
	numberRE = regexp.MustCompile(`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|\bnan\b|\bNaN\b|\binf\b`)
	// %time and %%time print the time taken.
	timingRE = regexp.MustCompile(`(?m)^(CPU times|Wall time):.*$`)
	// Dask's keys end in a token, a hash or a random UUID that differs
	// from one implementation and run to the other (Delayed('sum-3c2f…'),
	// Delayed('add-b075583c-2af6-…')).
	tokenRE = regexp.MustCompile(`\b([A-Za-z_][\w.]*)-(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`)
)

// outputNumbers returns the numbers a cell's outputs show: those of its
// results' text/plain and of its stdout, with timings and Dask's tokens
// taken out; and the names of the errors it raised.
func outputNumbers(outs []nbOutput) (nums []string, errs []string) {
	var text strings.Builder
	for _, o := range outs {
		switch o.OutputType {
		case "stream":
			if o.Name == "stdout" {
				text.WriteString(multiline(o.Text))
				text.WriteString("\n")
			}
		case "execute_result", "display_data":
			text.WriteString(multiline(o.Data["text/plain"]))
			text.WriteString("\n")
		case "error":
			errs = append(errs, o.EName)
		}
	}
	s := timingRE.ReplaceAllString(text.String(), "")
	s = tokenRE.ReplaceAllString(s, "$1-TOKEN")
	return numberRE.FindAllString(s, -1), errs
}

// sameNumber says whether two printed numbers are equal within the
// rounding of their printing.
func sameNumber(a, b string) bool {
	if a == b {
		return true
	}
	x, err1 := strconv.ParseFloat(strings.ToLower(a), 64)
	y, err2 := strconv.ParseFloat(strings.ToLower(b), 64)
	if err1 != nil || err2 != nil {
		return false
	}
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.IsNaN(x) && math.IsNaN(y)
	}
	return math.Abs(x-y) <= 1e-6*math.Max(math.Abs(x), math.Abs(y))+1e-9
}

// jupyter returns the command line of Debian's nbconvert, or skips the
// test (fails it in CI) when nbconvert, ipykernel or distributed are
// missing.
func requireJupyter(t *testing.T) {
	t.Helper()
	cmd := exec.Command("/usr/bin/python3", "-c", "import nbconvert, nbformat, ipykernel, distributed, pandas, graphviz")
	if out, err := cmd.CombinedOutput(); err != nil {
		msg := fmt.Sprintf("Debian's Jupyter is missing (apt-get install python3-nbconvert python3-ipykernel python3-distributed python3-graphviz graphviz): %v %s", err, out)
		if os.Getenv("BURST_REQUIRE_DASK") != "" || os.Getenv("BURST_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

// jupyterDir makes a folder to run a notebook in, with the lessons' data
// and solutions, and a kernel spec that runs Debian's /usr/bin/python3; it
// returns the folder and the environment nbconvert runs with (Jupyter's
// folders inside it, not the user's).
func jupyterDir(t *testing.T, root string) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(root, "data"), filepath.Join(dir, "data")); err != nil {
		t.Fatal(err)
	}
	sols, _ := filepath.Abs("../solutions")
	if err := os.Symlink(sols, filepath.Join(dir, "solutions")); err != nil {
		t.Fatal(err)
	}
	jup := filepath.Join(dir, ".jupyter")
	spec := filepath.Join(jup, "data", "kernels", "python3")
	if err := os.MkdirAll(spec, 0o755); err != nil {
		t.Fatal(err)
	}
	kernel := `{"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "Python 3 (ipykernel)", "language": "python"}`
	if err := os.WriteFile(filepath.Join(spec, "kernel.json"), []byte(kernel), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"PATH=/usr/bin:/bin",
		"JUPYTER_PATH="+filepath.Join(jup, "data"),
		"JUPYTER_DATA_DIR="+filepath.Join(jup, "data"),
		"JUPYTER_CONFIG_DIR="+filepath.Join(jup, "config"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(jup, "runtime"),
		"IPYTHONDIR="+filepath.Join(jup, "ipython"),
		"MPLCONFIGDIR="+filepath.Join(jup, "matplotlib"),
		"DASK_TEMPORARY_DIRECTORY="+filepath.Join(jup, "dask"),
		"PYTHONDONTWRITEBYTECODE=1",
	)
	return dir, env
}

// executeNotebook validates nb against nbformat's schema and runs it with
// nbconvert --execute in dir; it returns the executed notebook.
func executeNotebook(dir string, env []string, name string, nb []byte) (*notebookJSON, []byte, error) {
	in := filepath.Join(dir, name+".ipynb")
	if err := os.WriteFile(in, nb, 0o644); err != nil {
		return nil, nil, err
	}
	// Valid nbformat, and the task graphs' SVG is well-formed XML.
	validate := exec.Command("/usr/bin/python3", "-c", `import sys, nbformat, xml.etree.ElementTree as ET
nb = nbformat.read(sys.argv[1], as_version=4)
nbformat.validate(nb)
for c in nb.cells:
    for o in c.get("outputs", []):
        if "image/svg+xml" in o.get("data", {}):
            ET.fromstring(o["data"]["image/svg+xml"])
`, in)
	validate.Env = env
	if out, err := validate.CombinedOutput(); err != nil {
		return nil, nil, fmt.Errorf("the notebook is not valid nbformat 4: %v\n%s", err, out)
	}
	cmd := exec.Command("/usr/bin/python3", "-m", "nbconvert", "--to", "notebook", "--execute",
		"--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.kernel_name=python3",
		"--output", name+".executed.ipynb", in)
	cmd.Dir, cmd.Env = dir, env
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, nil, fmt.Errorf("nbconvert --execute: %v\n%s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, name+".executed.ipynb"))
	if err != nil {
		return nil, nil, err
	}
	var res notebookJSON
	return &res, b, json.Unmarshal(b, &res)
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// runEveryCell runs the page's cells in order as a learner does (a %load
// cell once more, with the solution it loaded) and returns the errors of
// cells that failed (but for those meant to), by cell number.
const runEveryCell = `(async () => {
	const errs = {};
	for (let k = 0; k < window.burst.cellCount(); k++) {
		let err = "";
		await window.burst.runCell(k).catch(e => { err = String(e); });
		if (window.burst.outputs(k).some(o => o.type === "set_next_input")) {
			await window.burst.runCell(k).catch(e => { err = String(e); });
		}
		const el = document.querySelector('[data-cell-index="' + k + '"]');
		if (el.hasAttribute("data-raises")) err = err ? "" : "expected an error";
		if (err) errs[k + 1] = err;
	}
	return JSON.stringify(errs);
})()`

// TestNotebooksInBrowser downloads lessons 00–02 from the page after
// running every cell, runs the notebooks in Debian's Jupyter (nbconvert
// --execute, pandas and Dask) and compares the numbers each cell shows;
// then opens the Dask tutorial's delayed notebook in the page and runs it.
func TestNotebooksInBrowser(t *testing.T) {
	requireChrome(t)
	requireJupyter(t)
	dist := buildDist(t)
	root := flightsRoot(t, "small")
	base := serveSite(t, dist, root)
	shots := os.Getenv("BURST_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	ctx := newBrowser(t, 10*time.Minute)
	consoleErrors := watchConsole(ctx)

	// Each lesson runs in a tab of its own, the external notebook in the
	// first, all at once: most of their time is the lessons' sleep(1)
	// calls. Jupyter runs a lesson's notebook as soon as Burst has
	// written it.
	lessons := []string{"00-overview", "01-delayed", "02-dataframe"}
	var wg sync.WaitGroup
	var executed02 []byte // lesson 02 as Jupyter ran it
	for _, name := range lessons {
		tab, cancel := chromedp.NewContext(ctx)
		defer cancel()
		tabErrors := watchConsole(tab)
		dir, env := jupyterDir(t, root)
		wg.Add(1)
		go func() {
			defer wg.Done()
			nbText, nb, ok := lessonNotebook(t, tab, base, name, shots)
			if errs := tabErrors(); len(errs) > 0 {
				t.Errorf("%s: console errors: %v", name, errs)
			}
			if !ok {
				return
			}
			t0 := time.Now()
			jup, raw, err := executeNotebook(dir, env, name, []byte(nbText))
			t.Logf("%s: nbconvert --execute took %.1fs", name, time.Since(t0).Seconds())
			if err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			compareNotebooks(t, name, nb, jup)
			if name == "02-dataframe" {
				executed02 = raw
			}
		}()
	}

	t0 := time.Now()
	external(t, ctx, base, shots)
	t.Logf("the external notebook opened and ran in %.1fs", time.Since(t0).Seconds())
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
	wg.Wait()
	if executed02 != nil {
		reopen(t, ctx, executed02)
	}
}

// reopen opens the notebook Jupyter executed (lesson 02, with graphviz's
// pictures, HTML tables and an error in IPython's colours) in the page: its
// outputs show before any cell runs, and it downloads again with them.
func reopen(t *testing.T, ctx context.Context, executed []byte) {
	t.Helper()
	var raw string
	if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`window.burst.openNotebook(%s, "02-dataframe.ipynb").then(async () => JSON.stringify({
		images: document.querySelectorAll("[data-notebook] img.output-image").length,
		tables: document.querySelectorAll("[data-notebook] table.dataframe").length,
		prompts: Array.from(document.querySelectorAll("[data-notebook] .cell-prompt")).filter(p => /^\[\d+\]:$/.test(p.textContent)).length,
		cells: window.burst.cellCount(),
		errors: Array.from(document.querySelectorAll("[data-notebook] .output-error")).map(e => e.textContent),
		download: !!document.querySelector("[data-download-notebook]").offsetParent,
		notebook: JSON.stringify(await window.burst.notebook()),
	}))`, strconv.Quote(string(executed))), &raw, awaitPromise)); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Images, Tables, Prompts, Cells int
		Errors                         []string
		Download                       bool
		Notebook                       string
	}
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		t.Fatal(err)
	}
	var orig, again struct {
		Cells []struct {
			Outputs []any `json:"outputs"`
		} `json:"cells"`
	}
	json.Unmarshal(executed, &orig)
	json.Unmarshal([]byte(got.Notebook), &again)
	if got.Images < 3 || got.Tables < 3 || got.Prompts != got.Cells || len(got.Errors) != 1 || strings.Contains(got.Errors[0], "\x1b[") ||
		!strings.Contains(got.Errors[0], "ValueError") || !got.Download {
		t.Errorf("the executed lesson 02 reopened: %d images, %d tables, %d of %d prompts numbered, errors %q, download button shown %v",
			got.Images, got.Tables, got.Prompts, got.Cells, got.Errors, got.Download)
	}
	if len(orig.Cells) != len(again.Cells) {
		t.Fatalf("reopened and downloaded again: %d cells, want %d", len(again.Cells), len(orig.Cells))
	}
	for i := range orig.Cells {
		if !reflect.DeepEqual(orig.Cells[i].Outputs, again.Cells[i].Outputs) {
			t.Errorf("cell %d's outputs changed on the way through the page:\n%v\nwant\n%v", i, again.Cells[i].Outputs, orig.Cells[i].Outputs)
		}
	}
}

// lessonNotebook opens lesson name in tab, runs every cell and returns
// the notebook the page downloads (its text and JSON), after checking it.
func lessonNotebook(t *testing.T, tab context.Context, base, name, shots string) (string, *notebookJSON, bool) {
	t0 := time.Now()
	if err := chromedp.Run(tab,
		network.Disable(),
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(base+"/lessons/"+name+"?workers=2"),
		chromedp.WaitVisible(`body[data-kernel="idle"]`, chromedp.ByQuery),
	); err != nil {
		t.Errorf("%s: %v", name, err)
		return "", nil, false
	}
	var errsJSON, nbText string
	var cellCount int
	if err := chromedp.Run(tab,
		chromedp.Evaluate(runEveryCell, &errsJSON, awaitPromise),
		chromedp.Evaluate(`window.burst.cellCount()`, &cellCount),
		chromedp.Evaluate(`window.burst.notebook().then(nb => JSON.stringify(nb))`, &nbText, awaitPromise),
	); err != nil {
		t.Errorf("%s: %v", name, err)
		return "", nil, false
	}
	if errsJSON != "{}" {
		t.Errorf("%s: cells failed in Burst: %s", name, errsJSON)
	}
	if name == "00-overview" {
		var png []byte
		if err := chromedp.Run(tab, chromedp.ScrollIntoView(`[data-download-notebook]`, chromedp.ByQuery), chromedp.CaptureScreenshot(&png)); err == nil {
			os.WriteFile(filepath.Join(shots, "notebook-lesson-toolbar.png"), png, 0o644)
		}
	}
	var nb notebookJSON
	if err := json.Unmarshal([]byte(nbText), &nb); err != nil {
		t.Errorf("%s: burst.notebook(): %v", name, err)
		return "", nil, false
	}
	t.Logf("%s: every cell run in Burst in %.1fs", name, time.Since(t0).Seconds())
	checkLessonNotebook(t, name, &nb, cellCount)
	return nbText, &nb, true
}

// checkLessonNotebook checks the notebook a lesson downloads as: nbformat
// 4.5 with ids, a Python 3 kernel, the lesson's Markdown and every cell,
// %load cells as IPython leaves them.
func checkLessonNotebook(t *testing.T, name string, nb *notebookJSON, cellCount int) {
	t.Helper()
	if nb.NBFormat != 4 || nb.NBFormatMinor != 5 {
		t.Errorf("%s: nbformat %d.%d, want 4.5", name, nb.NBFormat, nb.NBFormatMinor)
	}
	ks, _ := nb.Metadata["kernelspec"].(map[string]any)
	li, _ := nb.Metadata["language_info"].(map[string]any)
	if ks["name"] != "python3" || li["name"] != "python" {
		t.Errorf("%s: kernelspec %v, language_info %v", name, ks, li)
	}
	lesson, err := os.ReadFile("../lessons/" + name + ".md")
	if err != nil {
		t.Error(err)
		return
	}
	title, _, _ := strings.Cut(string(lesson), "\n")
	ids := map[string]bool{}
	code, loads := 0, 0
	var markdown strings.Builder
	for i, c := range nb.Cells {
		if c.ID == "" || ids[c.ID] {
			t.Errorf("%s: cell %d has id %q (missing or repeated)", name, i, c.ID)
		}
		ids[c.ID] = true
		switch c.CellType {
		case "markdown":
			markdown.WriteString(c.source() + "\n")
		case "code":
			code++
			src := c.source()
			if strings.Contains(string(lesson), "%load solutions/") && strings.HasPrefix(src, "# %load solutions/") {
				loads++
				if !strings.Contains(src, "\n") {
					t.Errorf("%s: the %%load cell %d has no code after its comment: %q", name, i, src)
				}
			}
			if strings.HasPrefix(strings.TrimSpace(src), "%load") {
				t.Errorf("%s: cell %d is still a %%load: %q", name, i, src)
			}
			if c.ExecCount == nil {
				t.Errorf("%s: cell %d was run but has no execution count: %q", name, i, src)
			}
		}
	}
	if code != cellCount {
		t.Errorf("%s: %d code cells in the notebook, %d in the page", name, code, cellCount)
	}
	if want := strings.Count(string(lesson), "\n%load solutions/"); loads != want {
		t.Errorf("%s: %d cells start with '# %%load solutions/', want %d", name, loads, want)
	}
	if !strings.HasPrefix(markdown.String(), title+"\n") {
		t.Errorf("%s: the first markdown cell does not start with the lesson's title %q", name, title)
	}
	// Every paragraph of the lesson outside code is in the markdown cells.
	prose := regexp.MustCompile("(?s)```.*?```").ReplaceAllString(string(lesson), "")
	for _, para := range strings.Split(prose, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" || strings.Contains(para, "```") || strings.Contains(para, "](") {
			continue
		}
		if !strings.Contains(markdown.String(), para) {
			t.Errorf("%s: the notebook's markdown lacks %q", name, para)
		}
	}
}

// compareNotebooks compares, cell by cell, the numbers Burst showed with
// those Jupyter printed, and that the same cells raised.
func compareNotebooks(t *testing.T, name string, burst, jup *notebookJSON) {
	t.Helper()
	if len(burst.Cells) != len(jup.Cells) {
		t.Errorf("%s: %d cells in Burst's notebook, %d in Jupyter's", name, len(burst.Cells), len(jup.Cells))
		return
	}
	var compared, numbers int
	var report []string
	for i := range burst.Cells {
		b, j := burst.Cells[i], jup.Cells[i]
		if b.CellType != "code" {
			continue
		}
		first, _, _ := strings.Cut(strings.TrimPrefix(b.source(), "%%time\n"), "\n")
		bn, be := outputNumbers(b.Outputs)
		jn, je := outputNumbers(j.Outputs)
		if why, ok := jupyterSkips[[2]string{name, first}]; ok {
			report = append(report, fmt.Sprintf("  skip %-40.40s %s", first, why))
			continue
		}
		if strings.Join(be, ",") != strings.Join(je, ",") {
			t.Errorf("%s cell %d (%s): Burst raised %v, Jupyter %v", name, i, first, be, je)
		}
		compared++
		numbers += len(bn)
		same := len(bn) == len(jn)
		for k := 0; same && k < len(bn); k++ {
			same = sameNumber(bn[k], jn[k])
		}
		if !same {
			t.Errorf("%s cell %d (%s): the numbers differ\nBurst:   %v\nJupyter: %v\nBurst's outputs:   %s\nJupyter's outputs: %s", name, i, first, bn, jn, outputsText(b.Outputs), outputsText(j.Outputs))
		}
		report = append(report, fmt.Sprintf("  %4d  %-40.40s %s", len(bn), first, strings.Join(bn, " ")))
	}
	t.Logf("%s: %d cells compared with Jupyter, %d numbers:\n%s", name, compared, numbers, strings.Join(report, "\n"))
}

func outputsText(outs []nbOutput) string {
	var b strings.Builder
	for _, o := range outs {
		switch o.OutputType {
		case "stream":
			fmt.Fprintf(&b, "[%s] %s", o.Name, multiline(o.Text))
		case "error":
			fmt.Fprintf(&b, "[error] %s: %s", o.EName, o.EValue)
		default:
			fmt.Fprintf(&b, "[%s] %s", o.OutputType, multiline(o.Data["text/plain"]))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// external opens the Dask tutorial's delayed notebook (copied byte for
// byte from github.com/dask/dask-tutorial) in the page and runs it: the
// cells that compute with delayed show CPython's numbers, a cell Burst
// refuses shows an error and the kernel lives on. Bad files are refused
// with a message and change nothing.
func external(t *testing.T, ctx context.Context, base, shots string) {
	t.Helper()
	file, err := os.ReadFile("../engine/kernel/testdata/external/dask-tutorial/03_dask.delayed.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	var src notebookJSON
	if err := json.Unmarshal(file, &src); err != nil {
		t.Fatal(err)
	}
	codeCells := 0
	for _, c := range src.Cells {
		if c.CellType == "code" {
			codeCells++
		}
	}
	open := func(text, name string) (string, error) {
		var res string
		err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`window.burst.openNotebook(%s, %q).then(r => "opened " + r.cells, e => "error: " + e.message)`, strconv.Quote(text), name), &res, awaitPromise))
		return res, err
	}
	// The index offers to open a notebook; so does every lesson.
	var n int
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`[data-open-notebook]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("[data-open-notebook]").length`, &n),
	); err != nil || n == 0 {
		t.Fatalf("the index has no Open notebook control: %v", err)
	}
	// Opening from the index goes to the scratch lesson.
	if res, err := open(string(file), "03_dask.delayed.ipynb"); err != nil || res != fmt.Sprintf("opened %d", len(src.Cells)) {
		t.Fatalf("openNotebook from the index: %q %v", res, err)
	}
	if err := chromedp.Run(ctx, chromedp.WaitVisible(`body[data-kernel="idle"] [data-notebook] .cell`, chromedp.ByQuery)); err != nil {
		t.Fatalf("the scratch lesson did not open: %v", err)
	}
	var state struct {
		Path     string `json:"path"`
		Cells    int    `json:"cells"`
		Markdown int    `json:"markdown"`
		Title    string `json:"title"`
		H1       string `json:"h1"`
		Scripts  int    `json:"scripts"`
		Notices  string `json:"notices"`
	}
	pageState := func() {
		t.Helper()
		var raw string
		if err := chromedp.Run(ctx, chromedp.Evaluate(`JSON.stringify({
			path: location.pathname,
			cells: window.burst.cellCount(),
			markdown: document.querySelectorAll("[data-notebook] .markdown-cell").length,
			title: document.querySelector("[data-lesson-title]").textContent,
			h1: (document.querySelector("[data-notebook] .markdown-cell h1") || {}).textContent || "",
			scripts: document.querySelectorAll("[data-notebook] script").length,
			notices: Array.from(document.querySelectorAll("[data-notices] .notice")).map(n => n.textContent).join(" | "),
		})`, &raw)); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(raw), &state); err != nil {
			t.Fatal(err)
		}
	}
	pageState()
	if state.Path != "/notebook.html" || state.Cells != codeCells || state.Markdown != len(src.Cells)-codeCells ||
		!strings.Contains(state.H1, "dask.delayed - parallelize any code") || state.Title != "03_dask.delayed.ipynb" {
		t.Errorf("the opened notebook: %+v; want %d code cells and %d markdown cells", state, codeCells, len(src.Cells)-codeCells)
	}
	// Bad files: a message, and the open notebook stays.
	bad := []struct{ text, want string }{
		{"this is not JSON", "not JSON"},
		{`{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}`, "nbformat 3"},
		{`{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": 7}]}`, "cell 1's source"},
	}
	for _, b := range bad {
		res, err := open(b.text, "bad.ipynb")
		if err != nil || !strings.HasPrefix(res, "error: ") || !strings.Contains(res, b.want) {
			t.Errorf("opening %q: %q %v, want an error saying %q", b.text, res, err, b.want)
		}
	}
	pageState()
	if state.Cells != codeCells || strings.Count(state.Notices, "Could not open bad.ipynb") != len(bad) || !strings.Contains(state.Notices, "Nothing was changed") {
		t.Errorf("after opening bad files: %+v", state)
	}
	// A file dropped on the page is opened: a bad one says so.
	var dropped string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(["{}"], "empty.ipynb", {type: "application/json"}));
		document.querySelector("main").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return new Promise(r => setTimeout(() => r(Array.from(document.querySelectorAll("[data-notices] .notice")).pop().textContent), 500));
	})()`, &dropped, awaitPromise)); err != nil || !strings.Contains(dropped, "Could not open empty.ipynb") {
		t.Errorf("dropping a bad file: %q %v", dropped, err)
	}
	// The scratch lesson survives a reload.
	if err := chromedp.Run(ctx,
		chromedp.Reload(),
		chromedp.WaitVisible(`body[data-kernel="idle"] [data-notebook] .cell`, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("reloading the scratch lesson: %v", err)
	}
	pageState()
	if state.Cells != codeCells || state.Title != "03_dask.delayed.ipynb" || state.Scripts != 0 {
		t.Errorf("after a reload: %+v", state)
	}
	var png []byte
	if err := chromedp.Run(ctx, chromedp.CaptureScreenshot(&png)); err == nil {
		os.WriteFile(filepath.Join(shots, "notebook-opened.png"), png, 0o644)
	}

	// Run every cell; those Burst refuses show an error, and the next
	// cells still run.
	var errsJSON string
	if err := chromedp.Run(ctx, chromedp.Evaluate(runEveryCell, &errsJSON, awaitPromise)); err != nil {
		t.Fatal(err)
	}
	var failed map[string]string
	json.Unmarshal([]byte(errsJSON), &failed)
	var nbText, kernelState string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.burst.notebook().then(nb => JSON.stringify(nb))`, &nbText, awaitPromise),
		chromedp.Evaluate(`document.body.dataset.kernel`, &kernelState),
	); err != nil {
		t.Fatal(err)
	}
	if kernelState != "idle" {
		t.Errorf("after running the notebook the kernel is %q", kernelState)
	}
	var nb notebookJSON
	if err := json.Unmarshal([]byte(nbText), &nb); err != nil {
		t.Fatal(err)
	}
	// What CPython prints for the cells that compute with delayed (the
	// sums of inc and double over the tutorial's data lists).
	want := []struct{ code, text string }{
		{"%%time\n# This actually runs our computation using a local thread pool\n\nz.compute()", "5"},
		{"total", "44"},
		{"@dask.delayed\ndef inc(x):\n    sleep(1)\n    return x + 1\n\n\nresults = []", "After computing : 44"},
		{"%time total.compute()", "90"},
		{"# ensure the results still match\nmean", "EWR"},
	}
	var report []string
	for _, w := range want {
		found := false
		for _, c := range nb.Cells {
			if c.CellType != "code" || c.source() != w.code && !strings.HasPrefix(c.source(), w.code+"\n") {
				continue
			}
			found = true
			out := outputsText(c.Outputs)
			if !strings.Contains(out, w.text) || strings.Contains(out, "[error]") {
				t.Errorf("external notebook, cell %q: %s, want %q", w.code, out, w.text)
			}
			report = append(report, fmt.Sprintf("  %-30.30q %s", w.code, strings.TrimSpace(out)))
		}
		if !found {
			t.Errorf("external notebook: no cell starts with %q", w.code)
		}
	}
	var refused []string
	k := 0
	for _, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		k++
		if failed[strconv.Itoa(k)] == "" {
			continue
		}
		first, _, _ := strings.Cut(c.source(), "\n")
		refused = append(refused, fmt.Sprintf("  cell %d %q: %s", k, first, failed[strconv.Itoa(k)]))
		var e *nbOutput
		for i := range c.Outputs {
			if c.Outputs[i].OutputType == "error" {
				e = &c.Outputs[i]
			}
		}
		if e == nil || e.EName == "" || e.EValue == "" || strings.HasPrefix(e.EName, "Kernel") {
			t.Errorf("external notebook, cell %d %q failed without a readable error: %+v", k, first, c.Outputs)
		}
	}
	t.Logf("external notebook (dask-tutorial 03_dask.delayed.ipynb): %d code cells, %d refused:\n%s\ndelayed results:\n%s",
		codeCells, len(refused), strings.Join(refused, "\n"), strings.Join(report, "\n"))
}

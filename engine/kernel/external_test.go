package kernel

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"burst/build/dataset"
)

// The external corpus (issue 18, acceptance 1): notebooks nobody here
// wrote — the public Dask tutorial and the code of pandas' "10 minutes to
// pandas" — run cell by cell in one kernel each and compared with what
// Debian's CPython printed (testdata/external/*/NAME.expect.json, written
// by testdata/external/gen.py). Every cell gets a class:
//
//	pass        the output equals CPython's (or, for a cell whose output
//	            differs from run to run, it ran without error)
//	refused     an error naming the construct or what is missing
//	wrong       it ran but printed something else
//	crash       InternalError, a panic, a hang, or an error naming nothing
//	needs-data  CPython could not run it here (no network, no data, an
//	            optional package Debian lacks, or too big for a test)
//
// and a scope: "in scope" when it needs only pandas, numpy, dask, sklearn
// and the standard modules of the issue; otherwise the reason.
// `go test -run TestExternal ./engine/kernel/ -update` rewrites
// testdata/external/STATUS.md.

// minExternalShare is the least share of in-scope cells (those CPython
// could run, pandas-missing ones apart, as issue 18 counts) that must
// pass: issue 18 asks for 0.90 (250 of 270 pass today, with pandas'
// getting started tutorials). A ratchet: raise it as the engine grows.
// minExternalStrictShare is the same with pandas-missing cells counted
// (63% today).
const (
	minExternalShare       = 0.92
	minExternalStrictShare = 0.66
)

// knownWrong lists the cells that print something other than CPython
// today, each with the engine bug; any other wrong cell fails the test,
// and so does a listed cell that passes (delete its line). The goal is an
// empty list.
var knownWrong = map[string]string{}

func init() {
	// Registered only when no other test file of the package has (a
	// package-level flag.Bool there runs before this).
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite testdata/external/STATUS.md")
	}
}

var externalNotebooks = []string{
	"dask-tutorial/00_overview.ipynb",
	"dask-tutorial/01_dataframe.ipynb",
	"dask-tutorial/02_array.ipynb",
	"dask-tutorial/03_dask.delayed.ipynb",
	"dask-tutorial/04_distributed.ipynb",
	"dask-tutorial/05_futures.ipynb",
	"pandas-10min/10min.ipynb",
	"pandas-intro/01_table_oriented.ipynb",
	"pandas-intro/02_read_write.ipynb",
	"pandas-intro/03_subset_data.ipynb",
	"pandas-intro/04_plotting.ipynb",
	"pandas-intro/05_add_columns.ipynb",
	"pandas-intro/06_calculate_statistics.ipynb",
	"pandas-intro/07_reshape_table_layout.ipynb",
	"pandas-intro/08_combine_dataframes.ipynb",
	"pandas-intro/09_timeseries.ipynb",
	"pandas-intro/10_text_data.ipynb",
}

// externalFixture is the JSON gen.py writes beside a notebook.
type externalFixture struct {
	Notebook string
	Versions map[string]string
	Cells    []struct {
		Cell    int
		Source  string
		Outputs [][2]string // [kind, text]: stream, result, display, error
		Env     string      // why CPython could not run the cell here
		Skipped bool        // not run at all (see gen.py)
		Check   string      // "output", or "runs" when only success is checked
		Why     string
	}
}

// externalResult is one cell's class.
type externalResult struct {
	Notebook, Source string
	Cell             int
	Class            string // pass, refused, wrong, crash, needs-data
	Scope            string // "" when in scope, else what it needs
	PandasMissing    bool
	Reason           string // the first error line, or what differs
	Group            string // the reason grouped for the report
}

// outOfScope names what a cell needs beyond the modules.
var outOfScope = []struct {
	re   *regexp.Regexp
	what string
}{
	{regexp.MustCompile(`\bzarr\b`), "zarr"},
	{regexp.MustCompile(`\bxarray\b|\bxr\.`), "xarray"},
	{regexp.MustCompile(`matplotlib|\bplt\.|\.plot\(`), "matplotlib"},
	{regexp.MustCompile(`\.visualize\(`), "graphviz (visualize)"},
	{regexp.MustCompile(`s3://`), "network (s3)"},
	{regexp.MustCompile(`parquet`), "parquet (pyarrow)"},
	{regexp.MustCompile(`excel|xlsx`), "excel (openpyxl)"},
	{regexp.MustCompile(`(?m)^\s*async\s|\bawait\b`), "async (refused by design)"},
	{regexp.MustCompile(`distributed\.security|\bSecurity\b`), "TLS (distributed.security)"},
	{regexp.MustCompile(`^%run prep\.py`), "network (prep.py)"},
}

// assigned finds the names a cell sets at top level: NAME = …, A, B = …,
// def NAME.
// comment matches a comment (one with no quote in it: near enough for
// telling which names a cell reads).
var comment = regexp.MustCompile(`(?m)#[^'"\n]*$`)

var assigned = regexp.MustCompile(`(?m)^(?:def\s+(\w+)|(\w+)\s*(?:,\s*\w+\s*)*=[^=]|(\w+)(?:\.\w+)*\[[^\n]*\]\s*=[^=])`)

// assignedNames returns the names src sets at top level, or changes: a
// cell that assigns to df["col"] or df.loc[...] sets df.
func assignedNames(src string) []string {
	var names []string
	for _, m := range assigned.FindAllStringSubmatch(src, -1) {
		names = append(names, m[1]+m[2]+m[3])
	}
	return names
}

// readsAny returns the name src reads (not a keyword argument's name)
// whose failed cell came first.
func readsAny(src string, names map[string]int) (string, bool) {
	best, found := "", false
	for name, at := range names {
		if regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\b\s*([^=\s]|==|$)`).MatchString(comment.ReplaceAllString(src, "")) && (!found || at < names[best] || at == names[best] && name < best) {
			best, found = name, true
		}
	}
	return best, found
}

// externalScope returns what beyond the modules the cell needs:
// a pattern above, or a name set by a cell that needed something.
func externalScope(src string, tainted map[string]string) string {
	for _, o := range outOfScope {
		if o.re.MatchString(src) {
			return o.what
		}
	}
	// In name order, so that the answer does not depend on map order.
	names := make([]string, 0, len(tainted))
	for name := range tainted {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).MatchString(comment.ReplaceAllString(src, "")) {
			return tainted[name]
		}
	}
	return ""
}

var (
	timeLine   = regexp.MustCompile(`(?m)^(CPU times|Wall time): .*$`)
	daskToken  = regexp.MustCompile(`\b[0-9a-f]{32}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b`)
	namesIt    = regexp.MustCompile(`'[^']+'|"[^"]+"|` + "`[^`]+`" + `|[\w.]+\(\)|\b[a-z_]+\.[A-Z]\w*|got \w+, want|No module named|not supported|has no attribute|not implemented|is not defined|unexpected keyword|not (yet )?(available|supported)|refused|cannot|can't|\.i?loc\b`)
	undefined  = regexp.MustCompile(`name '(\w+)' is not defined`)
	missing    = regexp.MustCompile(`has no attribute|unexpected keyword|not understood|not supported|invalid slice operand`)
	pandasType = regexp.MustCompile(`\b(category|DataFrame|Series|Index|DatetimeIndex|MultiIndex|RangeIndex|Categorical|Timestamp|GroupBy|DataFrameGroupBy|SeriesGroupBy|Resampler|CategoricalAccessor|DatetimeProperties|StringMethods|pandas|pd\.\w+|_LocIndexer|_iLocIndexer|_AtIndexer|_iAtIndexer)\b`)
)

// normalOutputs masks what differs by nature between two runs or two
// implementations of the same thing: timings, and the hashes and uuids of
// Dask keys (tokenized from each library's internals).
func normalOutputs(outs [][2]string) string {
	var b strings.Builder
	for _, o := range outs {
		t := timeLine.ReplaceAllString(o[1], "$1: …")
		t = daskToken.ReplaceAllString(t, "<token>")
		fmt.Fprintf(&b, "[%s]\n%s\n", o[0], strings.TrimRight(t, "\n"))
	}
	return b.String()
}

// runExternalCell runs code in k and returns its outputs as gen.py records
// CPython's (streams merged, errors as "Name: first line").
func runExternalCell(k *Kernel, code string) (outs [][2]string, crashed string) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	add := func(kind, text string) {
		if kind == "stream" && len(outs) > 0 && outs[len(outs)-1][0] == "stream" {
			outs[len(outs)-1][1] += text
			return
		}
		outs = append(outs, [2]string{kind, text})
	}
	func() {
		defer func() {
			if r := recover(); r != nil {
				crashed = fmt.Sprintf("panic: %v", r)
			}
		}()
		k.Execute(ctx, code, func(o Output) {
			switch o.Type {
			case "stream":
				if o.Name != "stderr" {
					add("stream", o.Text)
				}
			case "execute_result":
				text, _ := o.Data["text/plain"].(string)
				add("result", text)
			case "display_data":
				// The fixtures come from CPython without Jupyter's inline
				// backend, which shows no figures.
				text, _ := o.Data["text/plain"].(string)
				if strings.HasPrefix(text, "<Figure size ") {
					return
				}
				add("display", text)
			case "error":
				head := o.EName
				if first := strings.Split(o.EValue, "\n")[0]; first != "" {
					head += ": " + first
				}
				add("error", head)
			}
		})
	}()
	if ctx.Err() == context.DeadlineExceeded {
		crashed = "timed out after 60 s"
	}
	return outs, crashed
}

// firstError returns the first error line among outs ("" if none): a
// magic like %%time prints its timings after the error.
func firstError(outs [][2]string) string {
	for _, o := range outs {
		if o[0] == "error" {
			return o[1]
		}
	}
	return ""
}

// runExternalNotebook runs one notebook's cells in order in one kernel over
// the small flights dataset and classifies each.
func runExternalNotebook(t *testing.T, nb string) []externalResult {
	raw, err := os.ReadFile(filepath.Join("testdata", "external", strings.TrimSuffix(nb, ".ipynb")+".expect.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fx externalFixture
	if err := json.Unmarshal(raw, &fx); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := dataset.Flights(filepath.Join(dir, "data"), "small"); err != nil {
		t.Fatal(err)
	}
	// A notebook's own data files (pandas' tutorials read data/titanic.csv).
	own, _ := filepath.Glob(filepath.Join("testdata", "external", filepath.Dir(nb), "data", "*"))
	for _, f := range own {
		b, err := os.ReadFile(f)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "data", filepath.Base(f)), b, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	k := New(&NativeHost{Dir: dir, Workers: 2})
	tainted := map[string]string{} // name → what the cell that set it needed
	failedAt := map[string]int{}   // name → 1 + the result of the cell that should have set it and failed
	var results []externalResult
	for _, c := range fx.Cells {
		r := externalResult{Notebook: nb, Cell: c.Cell, Source: c.Source}
		r.Scope = externalScope(c.Source, tainted)
		if r.Scope != "" {
			for _, name := range assignedNames(c.Source) {
				tainted[name] = r.Scope
			}
		}
		if c.Skipped {
			r.Class, r.Reason, r.Group = "needs-data", c.Env, c.Env
			results = append(results, r)
			continue
		}
		got, crashed := runExternalCell(k, c.Source)
		burstErr, cpyErr := firstError(got), firstError(c.Outputs)
		switch {
		case crashed != "":
			r.Class, r.Reason, r.Group = "crash", crashed, crashed
		case strings.HasPrefix(burstErr, "InternalError") || strings.Contains(burstErr, "panic"):
			r.Class, r.Reason, r.Group = "crash", burstErr, burstErr
		case c.Env != "":
			r.Class, r.Reason = "needs-data", c.Env
			r.Group = regexp.MustCompile(`^depends on cell \d+`).ReplaceAllString(c.Env, "depends on a cell that needs data")
		case burstErr != "" && burstErr != cpyErr:
			r.Reason = burstErr
			if _, msg, _ := strings.Cut(burstErr, ": "); !namesIt.MatchString(msg) {
				r.Class, r.Group = "crash", "an error naming nothing: "+burstErr
				break
			}
			r.Class = "refused"
			r.Group = burstErr
			r.PandasMissing = pandasType.MatchString(burstErr) && missing.MatchString(burstErr)
			if m := undefined.FindStringSubmatch(burstErr); m != nil && failedAt[m[1]] > 0 {
				// It reads what an earlier failed cell should have set:
				// that cell's reason.
				name, root := m[1], results[failedAt[m[1]]-1]
				r.Reason = "reads " + name + ", which cell " + fmt.Sprint(root.Cell) + " did not set: " + r.Reason
				r.Group = "follows from: " + strings.TrimPrefix(root.Group, "follows from: ")
				r.PandasMissing = root.PandasMissing
			}
		case c.Check == "runs":
			if cpyErr != "" && burstErr == "" {
				r.Class, r.Reason, r.Group = "wrong", "ran; CPython gave "+cpyErr, "ran where CPython raised"
			} else {
				r.Class = "pass"
			}
		case normalOutputs(got) == normalOutputs(c.Outputs):
			r.Class = "pass"
		default:
			r.Class = "wrong"
			r.Reason = firstDifference(normalOutputs(got), normalOutputs(c.Outputs))
			r.Group = "prints something else"
			if burstErr != "" {
				r.Reason = burstErr + "; CPython: " + r.Reason
			}
			if name, ok := readsAny(c.Source, failedAt); ok {
				// It read what an earlier refused cell should have set
				// (an older value, or nothing): that cell's reason.
				root := results[failedAt[name]-1]
				r.Class, r.Reason = root.Class, "reads "+name+", which cell "+fmt.Sprint(root.Cell)+" did not set: "+r.Reason
				r.Group = "follows from: " + strings.TrimPrefix(root.Group, "follows from: ")
				r.PandasMissing = root.PandasMissing
			}
		}
		for _, name := range assignedNames(c.Source) {
			// A cell that ran (pass, or wrong output) did set its names.
			if r.Class == "pass" || r.Class == "wrong" {
				delete(failedAt, name)
			} else if _, ok := failedAt[name]; !ok {
				failedAt[name] = len(results) + 1
			}
		}
		results = append(results, r)
	}
	return results
}

// firstDifference names the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, a, b)
		}
	}
	return ""
}

func TestExternal(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the external notebooks (about a minute)")
	}
	all := make([][]externalResult, len(externalNotebooks))
	var wg sync.WaitGroup
	// Notebooks run side by side: most of the time is the tutorial's
	// sleep(1) calls.
	t.Run("notebooks", func(t *testing.T) {
		for i, nb := range externalNotebooks {
			i, nb := i, nb
			wg.Add(1)
			t.Run(nb, func(t *testing.T) {
				t.Parallel()
				defer wg.Done()
				all[i] = runExternalNotebook(t, nb)
			})
		}
	})
	wg.Wait()
	var results []externalResult
	for _, r := range all {
		results = append(results, r...)
	}
	for i, r := range results {
		if why, ok := knownWrong[fmt.Sprintf("%s %d", r.Notebook, r.Cell)]; ok && r.Class == "wrong" {
			results[i].Group = why
		}
	}
	st := externalStats(results)
	t.Logf("\n%s", st.summary)
	if u := flag.Lookup("update"); u != nil && u.Value.String() == "true" {
		if err := os.WriteFile(filepath.Join("testdata", "external", "STATUS.md"), []byte(externalStatus(results, st)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range results {
		if r.Class == "crash" {
			t.Errorf("%s cell %d crashed: %s\n%s", r.Notebook, r.Cell, r.Reason, r.Source)
		}
	}
	for _, r := range results {
		key := fmt.Sprintf("%s %d", r.Notebook, r.Cell)
		_, known := knownWrong[key]
		switch {
		case r.Class == "wrong" && !known:
			t.Errorf("%s cell %d prints something other than CPython: %s\n%s", r.Notebook, r.Cell, r.Reason, r.Source)
		case r.Class != "wrong" && known:
			t.Errorf("%s cell %d is %s now: delete it from knownWrong", r.Notebook, r.Cell, r.Class)
		}
	}
	if st.share < minExternalShare {
		t.Errorf("%.1f%% of the in-scope cells (pandas-missing apart) pass, want at least %.1f%%", 100*st.share, 100*minExternalShare)
	}
	if st.strict < minExternalStrictShare {
		t.Errorf("%.1f%% of the in-scope cells pass, want at least %.1f%%", 100*st.strict, 100*minExternalStrictShare)
	}
}

type externalSummary struct {
	summary       string
	share         float64 // pass / (in scope, runnable, pandas-missing apart)
	strict        float64 // pass / (in scope, runnable)
	passIn, inAll int
	pandasMissing int
}

var externalClasses = []string{"pass", "refused", "wrong", "crash", "needs-data"}

func externalStats(results []externalResult) externalSummary {
	var st externalSummary
	var b strings.Builder
	fmt.Fprintf(&b, "| notebook | cells | %s | in scope | in-scope pass | pandas-missing |\n|---|---|%s---|---|---|\n",
		strings.Join(externalClasses, " | "), strings.Repeat("---|", len(externalClasses)))
	byNB := map[string][]externalResult{}
	for _, r := range results {
		byNB[r.Notebook] = append(byNB[r.Notebook], r)
	}
	row := func(name string, rs []externalResult) {
		count := map[string]int{}
		in, inPass, pm := 0, 0, 0
		for _, r := range rs {
			count[r.Class]++
			if r.Scope == "" && r.Class != "needs-data" {
				in++
				if r.Class == "pass" {
					inPass++
				}
				if r.PandasMissing {
					pm++
				}
			}
		}
		fmt.Fprintf(&b, "| %s | %d |", name, len(rs))
		for _, c := range externalClasses {
			fmt.Fprintf(&b, " %d |", count[c])
		}
		fmt.Fprintf(&b, " %d | %d | %d |\n", in, inPass, pm)
	}
	for _, nb := range externalNotebooks {
		row(nb, byNB[nb])
	}
	row("**all**", results)
	for _, r := range results {
		if r.Scope == "" && r.Class != "needs-data" {
			if r.PandasMissing {
				st.pandasMissing++
				continue
			}
			st.inAll++
			if r.Class == "pass" {
				st.passIn++
			}
		}
	}
	if st.inAll > 0 {
		st.share = float64(st.passIn) / float64(st.inAll)
		st.strict = float64(st.passIn) / float64(st.inAll+st.pandasMissing)
	}
	fmt.Fprintf(&b, "\nIn scope, pandas-missing apart: %d of %d pass (%.1f%%); %d more cells are refused for a missing pandas function (directly or through a cell that was); counting them, %.1f%% pass.\n",
		st.passIn, st.inAll, 100*st.share, st.pandasMissing, 100*st.strict)
	st.summary = b.String()
	return st
}

// externalStatus renders STATUS.md.
func externalStatus(results []externalResult, st externalSummary) string {
	var b strings.Builder
	b.WriteString("# External corpus: status\n\n")
	b.WriteString("Written by `go test -run TestExternal ./engine/kernel/ -update`; the classes and the fixtures are described in\n")
	b.WriteString("`engine/kernel/external_test.go` and `gen.py`. \"in scope\" = needs only pandas, numpy, dask, sklearn and the\n")
	b.WriteString("standard modules of issue 18; needs-data cells (CPython could not run them here) are counted apart.\n\n")
	b.WriteString(st.summary)
	// Top reasons among in-scope cells that do not pass.
	groups := map[string]int{}
	for _, r := range results {
		if r.Scope == "" && r.Class != "pass" && r.Class != "needs-data" {
			groups[r.Class+": "+r.Group]++
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if groups[keys[i]] != groups[keys[j]] {
			return groups[keys[i]] > groups[keys[j]]
		}
		return keys[i] < keys[j]
	})
	b.WriteString("\n## Why in-scope cells do not pass\n\n| cells | reason |\n|---|---|\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "| %d | %s |\n", groups[k], mdCell(k))
	}
	b.WriteString("\n## Every cell that does not pass\n\n| notebook | cell | class | scope | first line of the cell | reason |\n|---|---|---|---|---|---|\n")
	for _, r := range results {
		if r.Class == "pass" {
			continue
		}
		scope := r.Scope
		if scope == "" {
			scope = "in scope"
			if r.PandasMissing {
				scope += " (pandas-missing)"
			}
		}
		first := strings.Split(strings.TrimSpace(r.Source), "\n")[0]
		fmt.Fprintf(&b, "| %s | %d | %s | %s | `%s` | %s |\n", r.Notebook, r.Cell, r.Class, scope, strings.ReplaceAll(first, "`", "'"), mdCell(r.Reason))
	}
	return b.String()
}

func mdCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

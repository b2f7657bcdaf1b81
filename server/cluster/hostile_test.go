package cluster

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

type hostile struct {
	name string
	plan string // JSON
	want string // in the refusal: the node and the reason
}

// hostileRoot adds what the path attacks aim at: a symlink to a file
// outside the data folder, a symlink to a folder outside it, and a file
// beside data/.
func hostileRoot(t testing.TB, root string) {
	t.Helper()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.csv"), []byte("a,b\n1,2\n"), 0o644)
	os.WriteFile(filepath.Join(root, "secret.csv"), []byte("a,b\n1,2\n"), 0o644)
	os.Symlink("/etc/passwd", filepath.Join(root, "data", "evil.csv"))
	os.Symlink(outside, filepath.Join(root, "data", "escape"))
}

// hostilePlans is the corpus of plans the server must refuse: unknown
// operations, code where names go, lambdas, dunders, paths that leave the
// data folder, oversized and deeply nested arguments, wrong types.
func hostilePlans(root string) []hostile {
	code := `"__import__('os').system('touch /tmp/pwned')"`
	deep := `{"op":"col","name":"fare_amount"}`
	for range 100 {
		deep = `{"op":"not","operand":` + deep + `}`
	}
	var many []string
	for i := range 1001 {
		many = append(many, fmt.Sprintf("%q", fmt.Sprintf("c%d", i)))
	}
	var huge []string
	for i := range 7000 {
		huge = append(huge, fmt.Sprintf("%q", fmt.Sprintf("column_%d", i)))
	}
	groupby := `{"op":"groupby","by":"passenger_count","input":` + rc + `}`
	lit := func(v string) string {
		return compute(`{"op":"filter","input":` + rc + `,"where":{"op":"eq","left":{"op":"col","name":"fare_amount"},"right":{"op":"lit","value":` + v + `}}}`)
	}
	return []hostile{
		{"unknown op eval", compute(`{"op":"eval","input":` + rc + `,"expr":` + code + `}`), `node 2 (op "eval", at plan.input): unknown operation`},
		{"dunder op at the root", `{"op":"__import__","input":` + rc + `}`, `node 1 (op "__import__", at plan): unknown operation`},
		{"getattr op", compute(`{"op":"getattr","input":` + rc + `,"name":"__class__"}`), `node 2 (op "getattr", at plan.input): unknown operation`},
		{"apply with a lambda", compute(`{"op":"apply","input":` + rc + `,"func":"lambda r: r"}`), `node 2 (op "apply", at plan.input): unknown operation`},
		{"map_partitions", compute(`{"op":"map_partitions","input":` + rc + `,"func":"os.system"}`), `node 2 (op "map_partitions", at plan.input): unknown operation`},
		{"code as a column name", compute(`{"op":"column","input":` + rc + `,"column":` + code + `}`), `node 2 (op "column", at plan.input): column: "__import__('os').system('touch /tmp/pwned')" is not a plain column name`},
		{"code as a group-by key", compute(`{"op":"mean","input":{"op":"groupby","input":` + rc + `,"by":["os.system('x')"]}}`), `node 3 (op "groupby", at plan.input.input): by: "os.system('x')" is not a plain column name`},
		{"lambda as a filter", compute(`{"op":"filter","input":` + rc + `,"where":"lambda r: r.fare_amount > 0"}`), `node 4 (at plan.input.where): expected an operation object`},
		{"lambda as an aggregation", compute(`{"op":"agg","input":` + groupby + `,"func":"lambda x: x.sum()"}`), `node 2 (op "agg", at plan.input): aggregation "lambda x: x.sum()" is not one of`},
		{"dunder aggregation", compute(`{"op":"agg","input":` + groupby + `,"func":{"tip_amount":"__class__"}}`), `node 2 (op "agg", at plan.input): aggregation "__class__" is not one of`},
		{"dunder column", compute(`{"op":"column","input":` + rc + `,"column":"__class__"}`), `node 2 (op "column", at plan.input): column: "__class__" is not a plain column name`},
		{"dunder assigned column", compute(`{"op":"assign","input":` + rc + `,"columns":{"__dict__":{"op":"col","name":"fare_amount"}}}`), `node 2 (op "assign", at plan.input): columns: "__dict__" is not a plain column name`},
		{"code in col", compute(`{"op":"expr","input":` + rc + `,"expr":{"op":"col","name":"fare_amount.__class__.__mro__"}}`), `node 4 (op "col", at plan.input.expr): name: "fare_amount.__class__.__mro__" is not a plain column name`},
		{"absolute path", readCSV(`"path":"/etc/passwd"`), `node 2 (op "read_csv", at plan.input): "/etc/passwd": paths are relative`},
		{"dot-dot path", readCSV(`"path":"data/../../../etc/passwd"`), `node 2 (op "read_csv", at plan.input): "data/../../../etc/passwd": no ".."`},
		{"dot-dot beside data", readCSV(`"path":"data/../secret.csv"`), `node 2 (op "read_csv", at plan.input): "data/../secret.csv": no ".."`},
		{"leading dot-dot", readCSV(`"path":"../data/nyctaxi/yellow_tripdata_2019-01.csv"`), `node 2 (op "read_csv", at plan.input): "../data/nyctaxi/yellow_tripdata_2019-01.csv": paths are relative`},
		{"symlink to a file outside", readCSV(`"path":"data/evil.csv"`), `node 2 (op "read_csv", at plan.input): "data/evil.csv": data/evil.csv leads outside the data folder`},
		{"symlink to a folder outside", readCSV(`"path":"data/escape/*.csv"`), `node 2 (op "read_csv", at plan.input): "data/escape/*.csv": data/escape/secret.csv leads outside the data folder`},
		{"glob reaching a symlink", readCSV(`"path":"data/*.csv"`), `leads outside the data folder`},
		{"file URL", readCSV(`"path":"file:///etc/passwd"`), `node 2 (op "read_csv", at plan.input): "file:///etc/passwd": URLs are not read on the cluster`},
		{"s3 URL", readCSV(`"path":"s3://bucket/key.csv"`), `node 2 (op "read_csv", at plan.input): "s3://bucket/key.csv": URLs are not read on the cluster`},
		{"URL with credentials", readCSV(`"path":"http://user:pw@example.com/x.csv"`), `node 2 (op "read_csv", at plan.input): "http://user:pw@example.com/x.csv": URLs are not read on the cluster`},
		{"loopback URL", readCSV(`"path":"http://127.0.0.1:8080/data/x.csv"`), `node 2 (op "read_csv", at plan.input): "http://127.0.0.1:8080/data/x.csv": URLs are not read on the cluster`},
		{"metadata URL", readCSV(`"path":["data/nyctaxi/yellow_tripdata_2019-01.csv","http://169.254.169.254/latest/meta-data/"]`), `node 2 (op "read_csv", at plan.input): "http://169.254.169.254/latest/meta-data/": URLs are not read on the cluster`},
		{"two literals", compute(`{"op":"expr","input":` + rc + `,"expr":{"op":"pow","left":{"op":"lit","value":10},"right":{"op":"lit","value":20000000}}}`), `node 4 (op "pow", at plan.input.expr): an operation on two literals is not sent to the cluster`},
		{"huge exponent", compute(`{"op":"expr","input":` + rc + `,"expr":{"op":"pow","left":{"op":"col","name":"fare_amount"},"right":{"op":"lit","value":9223372036854775807}}}`), `node 4 (op "pow", at plan.input.expr): a literal exponent is a number from -64 to 64, not 9223372036854775807`},
		{"string repetition", compute(`{"op":"expr","input":` + rc + `,"expr":{"op":"mul","left":{"op":"lit","value":"` + strings.Repeat("x", 1000) + `"},"right":{"op":"col","name":"VendorID"}}}`), `node 4 (op "mul", at plan.input.expr): a string literal can only be added to a column or compared with one`},
		{"home path", readCSV(`"path":"~/.ssh/id_rsa"`), `node 2 (op "read_csv", at plan.input): "~/.ssh/id_rsa": paths are relative`},
		{"pickle as a path", readCSV(`"path":"gASVIAAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOUjAJpZJSFlFKULg=="`), `node 2 (op "read_csv", at plan.input): "gASVIAAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOUjAJpZJSFlFKULg==": paths are relative`},
		{"object in a path list", readCSV(`"path":["data/nyctaxi/yellow_tripdata_2019-01.csv",{"__reduce__":"os.system"}]`), `node 2 (op "read_csv", at plan.input): path must be a string or a list of strings, not an object`},
		{"oversized path", readCSV(`"path":"data/` + strings.Repeat("a", 5000) + `.csv"`), `node 2 (op "read_csv", at plan.input): path longer than 1024 characters`},
		{"too many columns", compute(`{"op":"columns","input":` + rc + `,"columns":[` + strings.Join(many, ",") + `]}`), `node 2 (op "columns", at plan.input): columns must list 1 to 1000 column names`},
		{"oversized plan", compute(`{"op":"columns","input":` + rc + `,"columns":[` + strings.Join(huge, ",") + `]}`), `at most 65536 bytes are accepted`},
		{"deep nesting", compute(`{"op":"filter","input":` + rc + `,"where":` + deep + `}`), `node 66 (op "not", at plan.input.where` + strings.Repeat(".operand", 62) + `): nested deeper than 64 operations`},
		{"deep JSON", compute(strings.Repeat("[", 5000) + strings.Repeat("]", 5000)), `nested deeper than 64 operations`},
		{"not JSON", `{"op":"compute","input":` + rc, `not valid JSON`},
		{"huge head", compute(`{"op":"head","input":` + rc + `,"n":1000000000}`), `node 2 (op "head", at plan.input): n must be an integer from 0 to 10000`},
		{"head n as a string", compute(`{"op":"head","input":` + rc + `,"n":"10"}`), `node 2 (op "head", at plan.input): n must be an integer`},
		{"head n fractional", compute(`{"op":"head","input":` + rc + `,"n":10.5}`), `node 2 (op "head", at plan.input): n must be an integer`},
		{"dtype as code", readCSV(`"path":"data/nyctaxi/yellow_tripdata_2019-01.csv","dtype":{"fare_amount":"np.float64"}`), `node 2 (op "read_csv", at plan.input): dtype of "fare_amount": "np.float64" is not one of`},
		{"dtype as an object", readCSV(`"path":"data/nyctaxi/yellow_tripdata_2019-01.csv","dtype":{"fare_amount":{"__class__":"type"}}`), `node 2 (op "read_csv", at plan.input): dtype of "fare_amount": {"__class__":"type"} is not one of`},
		{"converters kwarg", readCSV(`"path":"data/nyctaxi/yellow_tripdata_2019-01.csv","converters":{"fare_amount":"lambda s: s"}`), `node 2 (op "read_csv", at plan.input): unexpected field "converters"`},
		{"engine kwarg", readCSV(`"path":"data/nyctaxi/yellow_tripdata_2019-01.csv","engine":"python"`), `node 2 (op "read_csv", at plan.input): unexpected field "engine"`},
		{"object literal", lit(`{"__reduce__":["os.system",["id"]]}`), `node 6 (op "lit", at plan.input.where.right): a literal is a number, string, true, false or null, not an object`},
		{"list literal", lit(`[1,2,3]`), `node 6 (op "lit", at plan.input.where.right): a literal is a number, string, true, false or null, not a list`},
		{"overflowing literal", lit(`1e999`), `node 6 (op "lit", at plan.input.where.right): number literal out of range`},
		{"oversized literal", lit(`"` + strings.Repeat("x", 3000) + `"`), `node 6 (op "lit", at plan.input.where.right): string literal longer than 1024 characters`},
		{"bad date", compute(`{"op":"filter","input":` + rc + `,"where":{"op":"gt","left":{"op":"col","name":"tpep_pickup_datetime"},"right":{"op":"lit","value":"2019-13-45","type":"datetime"}}}`), `node 6 (op "lit", at plan.input.where.right): "2019-13-45" is not a valid date`},
		{"parse_dates as a boolean", readCSV(`"path":"data/nyctaxi/yellow_tripdata_2019-01.csv","parse_dates":true`), `node 2 (op "read_csv", at plan.input): parse_dates must be a list of column names, not a boolean`},
		{"usecols with code", readCSV(`"path":"data/nyctaxi/yellow_tripdata_2019-01.csv","usecols":["fare_amount","exec('x')"]`), `node 2 (op "read_csv", at plan.input): usecols: "exec('x')" is not a plain column name`},
		{"blocksize as a command", readCSV(`"path":"data/nyctaxi/yellow_tripdata_2019-01.csv","blocksize":"1; rm -rf /"`), `node 2 (op "read_csv", at plan.input): blocksize "1; rm -rf /" is not a size`},
		{"no compute at the root", rc, `node 1 (at plan): a plan ends in compute or persist`},
		{"compute inside", compute(compute(rc)), `node 2 (op "compute", at plan.input): compute can only be the last operation of a plan`},
		{"op as a number", compute(`{"op":5}`), `node 2 (at plan.input): missing "op" (a string)`},
		{"plan as a list", `[` + rc + `]`, `node 1 (at plan): expected an operation object like {"op": ...}, got a list`},
		{"plan as code", `"dd.read_csv('/etc/passwd').compute()"`, `node 1 (at plan): expected an operation object like {"op": ...}, got a string`},
		{"dunder persist name", `{"op":"persist","name":"__builtins__","input":` + rc + `}`, `node 1 (op "persist", at plan): name must be an identifier`},
		{"unknown persisted", compute(`{"op":"sum","input":{"op":"persisted","name":"secret"}}`), `node 3 (op "persisted", at plan.input.input): no persisted collection named "secret" in this session`},
		{"empty group-by", compute(`{"op":"mean","input":{"op":"groupby","input":` + rc + `,"by":[]}}`), `node 3 (op "groupby", at plan.input.input): by must list 1 to 16 column names`},
		{"long op name", compute(`{"op":"` + strings.Repeat("a", 1000) + `"}`), `node 2 (op "` + strings.Repeat("a", 64) + `…", at plan.input): unknown operation`},
		{"frame as a filter", compute(`{"op":"filter","input":` + rc + `,"where":` + rc + `}`), `node 2 (op "filter", at plan.input): expected an expression (col, lit, arithmetic, comparison), got a frame`},
		{"head of a group-by", compute(`{"op":"head","n":5,"input":` + groupby + `}`), `node 2 (op "head", at plan.input): its input is a groupby; it takes a frame or series`},
		{"nunique of a frame", compute(`{"op":"nunique","input":` + rc + `}`), `node 2 (op "nunique", at plan.input): nunique takes a column (series), not a frame`},
		{"unexpected field on compute", `{"op":"compute","input":` + rc + `,"scheduler":"processes"}`, `node 1 (op "compute", at plan): unexpected field "scheduler"`},
	}
}

// TestHostilePlansRefused runs the corpus through the server's check
// alone (no Python needed); TestDaskCluster runs it through the API and
// the bridge too, and checks that the cluster ran nothing.
func TestHostilePlansRefused(t *testing.T) {
	root := taxiRoot(t, 0.0005)
	hostileRoot(t, root)
	corpus := hostilePlans(root)
	if len(corpus) < 30 {
		t.Fatalf("only %d hostile plans", len(corpus))
	}
	for i, h := range corpus {
		p, err := CheckPlan([]byte(h.plan), root, map[string]string{})
		if err == nil {
			t.Errorf("plan %d (%s) was accepted: %s", i, h.name, p.JSON)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "ValueError: plan refused: ") || !strings.Contains(msg, h.want) {
			t.Errorf("plan %d (%s):\n got %s\nwant …%s…", i, h.name, msg, h.want)
		}
	}
}

// hostileOnCluster sends the corpus through the API and, past the
// server's check, straight to the bridge: both refuse every plan, naming
// the same node, and the cluster's workers run no task meanwhile.
func hostileOnCluster(t *testing.T, c *daskCluster, m *Manager, srv *httptest.Server, root string) {
	hostileRoot(t, root)
	sid, _ := openSession(t, srv)
	defer call(t, "DELETE", srv.URL+"/api/cluster/session?session="+sid, nil)
	before, beforeT := c.executed(t)
	p, err := m.bridges[c.Addr].current(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range hostilePlans(root) {
		// Through the API: refused by the server's check.
		code, out := call(t, "POST", srv.URL+"/api/cluster/plan", fmt.Sprintf(`{"session": %q, "plan": %s}`, sid, h.plan))
		msg, _ := out["error"].(string)
		if code != 400 || out["kind"] != "refused" || !strings.HasPrefix(msg, "ValueError: plan refused: ") || !strings.Contains(msg, h.want) {
			t.Errorf("plan %d (%s): %d %v; want a refusal containing %q", i, h.name, code, out, h.want)
			continue
		}
		// Straight to the bridge, past the server's check: refused
		// again, naming the same node.
		if !json.Valid([]byte(h.plan)) || len(h.plan) > MaxPlanBytes || checkNesting([]byte(h.plan)) != nil {
			continue // Python never sees what the server cannot decode
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := m.bridges[c.Addr].call(ctx, p, map[string]any{"op": "check", "plan": json.RawMessage(h.plan)})
		cancel()
		pmsg := fmt.Sprint(err)
		if err == nil || !strings.HasPrefix(pmsg, "ValueError: plan refused: ") || nodeOf(pmsg) != nodeOf(msg) {
			t.Errorf("plan %d (%s): the bridge says %v; the server said %q", i, h.name, err, msg)
		}
	}
	after, afterT := c.executed(t)
	// The workers' counts decide; the scheduler's transitions may still
	// move as earlier sessions' results are released, so they are only
	// reported.
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("hostile plans ran tasks: executed %v → %v, scheduler transitions %d → %d", before, after, beforeT, afterT)
	}
	t.Logf("%d hostile plans refused by the server and the bridge; tasks executed per worker stayed at %v; scheduler transitions %d → %d", len(hostilePlans(root)), after, beforeT, afterT)
}

// TestAbuse runs what issue 20 found against its own loopback cluster:
// literal arithmetic the bridge evaluated, results gathered before their
// size was checked, abandoned plans that stalled other sessions, and
// requests from other origins; then the corpus of plan and API cases, with
// a normal plan answering after each.
func TestAbuse(t *testing.T) {
	requireDask(t)
	root := taxiRoot(t, 0.02)
	hostileRoot(t, root)
	c := startCluster(t, 2)
	m, srv := newServer(t, []string{c.Addr}, root, Options{Python: python})
	sid, _ := openSession(t, srv)
	defer call(t, "DELETE", srv.URL+"/api/cluster/session?session="+sid, nil)
	one := map[string]any{"op": "read_csv", "path": "data/nyctaxi/yellow_tripdata_2019-01.csv", "dtype": map[string]string{"passenger_count": "float64", "tolls_amount": "float64"}}
	small := map[string]any{"op": "compute", "input": map[string]any{"op": "max", "input": map[string]any{"op": "column", "column": "fare_amount", "input": one}}}
	if code, out := runPlan(t, srv, sid, small); code != 200 {
		t.Fatalf("a normal plan: %d %v", code, out)
	}
	// A slow plan: every file in 64 kB blocks, a grouped std (4 s alone).
	slow := map[string]any{"op": "compute", "input": map[string]any{"op": "std", "input": map[string]any{"op": "column", "column": "tip_amount", "input": map[string]any{
		"op": "groupby", "by": "PULocationID", "input": map[string]any{"op": "read_csv", "path": "data/nyctaxi/yellow_tripdata_2019-*.csv", "blocksize": 1 << 16,
			"dtype": map[string]string{"passenger_count": "float64", "tolls_amount": "float64"}}}}}}

	t.Run("literals", func(t *testing.T) {
		// pow(10, 20000000) froze the shared bridge for 16 s; a 1 kB
		// string times 10⁶ took it to 1.3 GB. Both checkers refuse them.
		filter := func(right string) string {
			return compute(`{"op":"filter","input":` + rc + `,"where":{"op":"gt","left":{"op":"col","name":"fare_amount"},"right":` + right + `}}`)
		}
		cases := []struct{ plan, want string }{
			{filter(`{"op":"pow","left":{"op":"lit","value":10},"right":{"op":"lit","value":20000000}}`), `node 6 (op "pow", at plan.input.where.right): an operation on two literals is not sent to the cluster`},
			{filter(`{"op":"mul","left":{"op":"lit","value":"` + strings.Repeat("x", 1000) + `"},"right":{"op":"lit","value":1000000}}`), `node 6 (op "mul", at plan.input.where.right): an operation on two literals`},
			{filter(`{"op":"pow","left":{"op":"col","name":"fare_amount"},"right":{"op":"lit","value":9223372036854775807}}`), `node 6 (op "pow", at plan.input.where.right): a literal exponent is a number from -64 to 64, not 9223372036854775807`},
			{filter(`{"op":"mul","left":{"op":"col","name":"store_and_fwd_flag"},"right":{"op":"lit","value":"` + strings.Repeat("x", 1000) + `"}}`), `node 6 (op "mul", at plan.input.where.right): a string literal can only be added to a column or compared with one`},
		}
		for i, tc := range cases {
			t0 := time.Now()
			code, out := call(t, "POST", srv.URL+"/api/cluster/plan", fmt.Sprintf(`{"session": %q, "plan": %s, "timeout": 5}`, sid, tc.plan))
			if msg, _ := out["error"].(string); code != 400 || !strings.Contains(msg, tc.want) {
				t.Errorf("case %d: %d %v (%v); want 400 and …%s…", i, code, out, time.Since(t0), tc.want)
			}
			// Past the server's check, the bridge refuses it too.
			p, _ := m.bridges[c.Addr].current(context.Background())
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			_, err := m.bridges[c.Addr].call(ctx, p, map[string]any{"op": "check", "plan": json.RawMessage(tc.plan)})
			cancel()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("case %d: the bridge says %v; want …%s…", i, err, tc.want)
			}
		}
		// A string column repeated past the bound: only the bridge knows
		// the column's dtype.
		rep := filter(`{"op":"mul","left":{"op":"col","name":"store_and_fwd_flag"},"right":{"op":"lit","value":1000000}}`)
		code, out := call(t, "POST", srv.URL+"/api/cluster/plan", fmt.Sprintf(`{"session": %q, "plan": %s, "timeout": 5}`, sid, rep))
		if msg, _ := out["error"].(string); code != 400 || !strings.Contains(msg, "repeating the strings of a column 1000000 times") {
			t.Errorf("string repetition: %d %v", code, out)
		}
		if code, out := runPlan(t, srv, sid, small); code != 200 {
			t.Errorf("a normal plan after: %d %v", code, out)
		}
	})

	t.Run("result-size", func(t *testing.T) {
		// compute() of a whole frame over the row limit is refused after
		// counting rows on the workers: the bridge never holds the frame.
		m, srv := newServer(t, []string{c.Addr}, root, Options{Python: python})
		sid, _ := openSession(t, srv)
		defer call(t, "DELETE", srv.URL+"/api/cluster/session?session="+sid, nil)
		if code, out := runPlan(t, srv, sid, small); code != 200 { // imports dask.dataframe
			t.Fatalf("%d %v", code, out)
		}
		pid := m.BridgePID(c.Addr)
		before := peakRSS(t, pid)
		all := map[string]any{"op": "read_csv", "path": "data/nyctaxi/yellow_tripdata_2019-*.csv", "dtype": map[string]string{"passenger_count": "float64", "tolls_amount": "float64"}}
		code, out := runPlan(t, srv, sid, map[string]any{"op": "compute", "input": all})
		msg, _ := out["error"].(string)
		if code != 422 || !strings.HasPrefix(msg, "ValueError: the result has ") || !strings.Contains(msg, "rows; at most 100000 come back from the cluster") {
			t.Errorf("the whole frame: %d %v", code, out)
		}
		after := peakRSS(t, pid)
		t.Logf("refused %q; the bridge's peak memory %d → %d MB", msg, before>>20, after>>20)
		if after-before > 20<<20 {
			t.Errorf("the bridge's peak memory grew by %d MB for a refused result: it pulled the frame", (after-before)>>20)
		}
		// Under the limit, the same path brings the rows back.
		code, out = runPlan(t, srv, sid, map[string]any{"op": "compute", "input": map[string]any{"op": "filter", "input": one,
			"where": map[string]any{"op": "gt", "left": map[string]any{"op": "col", "name": "fare_amount"}, "right": map[string]any{"op": "lit", "value": 50}}}})
		if r, _ := out["result"].(map[string]any); code != 200 || r["type"] != "frame" || len(r["data"].([]any)) != 18 {
			t.Errorf("a filtered frame: %d %v", code, out)
		}
	})

	t.Run("fairness", func(t *testing.T) {
		// One session abandons 70 slow plans (its requests canceled by the
		// client, as Interrupt does); another session's plan takes no more
		// than twice its time alone.
		m, srv := newServer(t, []string{c.Addr}, root, Options{Python: python})
		a, _ := openSession(t, srv)
		b, _ := openSession(t, srv)
		defer call(t, "DELETE", srv.URL+"/api/cluster/session?session="+a, nil)
		defer call(t, "DELETE", srv.URL+"/api/cluster/session?session="+b, nil)
		victim := taxiPlan()
		timed := func() time.Duration {
			t0 := time.Now()
			if code, out := runPlan(t, srv, b, victim); code != 200 {
				t.Fatalf("session b: %d %v", code, out)
			}
			return time.Since(t0)
		}
		timed() // warm up
		var alone []float64
		for range 3 {
			alone = append(alone, timed().Seconds())
		}
		body, _ := json.Marshal(map[string]any{"session": a, "plan": slow, "timeout": 120})
		abandon := func(after time.Duration) int {
			ctx, cancel := context.WithTimeout(context.Background(), after)
			defer cancel()
			req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/api/cluster/plan", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return 0 // abandoned
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		t0 := time.Now()
		if code := abandon(time.Minute); code != 200 {
			t.Fatalf("the slow plan alone: %d", code)
		}
		slowAlone := time.Since(t0)
		var wg sync.WaitGroup
		var mu sync.Mutex
		codes := map[int]int{}
		for i := range 70 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				time.Sleep(time.Duration(i) * 20 * time.Millisecond)
				code := abandon(time.Duration(200+i%5*100) * time.Millisecond)
				mu.Lock()
				codes[code]++
				mu.Unlock()
			}()
		}
		time.Sleep(500 * time.Millisecond) // the first ones are running and waiting
		// The median of three, as alone: the abandoned plans come for
		// about two seconds, and a task already running on the cluster
		// finishes even when its plan is cancelled.
		var withs []float64
		for range 3 {
			withs = append(withs, timed().Seconds())
		}
		with := time.Duration(median(withs) * float64(time.Second))
		wg.Wait()
		then := timed()
		ma := median(alone)
		t.Logf("session b's taxi plan alone %v (median %.3fs), with 70 abandoned slow plans (%.1fs each alone) from session a %v (median %.3fs), after them %.3fs; a's answers %v (0: abandoned)",
			round3(alone), ma, slowAlone.Seconds(), round3(withs), with.Seconds(), then.Seconds(), codes)
		if with.Seconds() > 2*ma {
			t.Errorf("session b's plan took %.3fs beside a's abandoned plans, %.3fs alone: more than twice", with.Seconds(), ma)
		}
		if then.Seconds() > 2*ma {
			t.Errorf("session b's plan took %.3fs after a's abandoned plans, %.3fs alone", then.Seconds(), ma)
		}
		// Session a itself answers a trivial plan at once.
		t0 = time.Now()
		if code, out := runPlan(t, srv, a, small); code != 200 || time.Since(t0) > 5*time.Second {
			t.Errorf("session a's next plan: %d %v after %v", code, out, time.Since(t0))
		}
		// The bridge let go of every abandoned plan.
		p, _ := m.bridges[c.Addr].current(context.Background())
		p.pmu.Lock()
		pending := len(p.pending)
		p.pmu.Unlock()
		if pending != 0 {
			t.Errorf("%d requests still pending in the bridge", pending)
		}
	})

	t.Run("heartbeat", func(t *testing.T) {
		// The event stream says it is alive between events (item 9).
		old := eventHeartbeat.Swap(int64(100 * time.Millisecond))
		defer eventHeartbeat.Store(old)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/api/cluster/events?session="+sid, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if sc.Text() == ": keep-alive" {
				return
			}
		}
		t.Errorf("no heartbeat on the event stream: %v", sc.Err())
	})

	t.Run("corpus", func(t *testing.T) { abuseCorpus(t, m, srv, sid, small, slow) })
}

// apiCase is one hostile request and what the API must answer: the
// status, the error's message (a Python exception, as the cell shows it)
// and, for 405, the Allow header.
type apiCase struct {
	name         string
	method, path string            // SID in path or body stands for the test's session
	header       map[string]string // "Host" sets the request's Host
	body         string
	status       int
	want         string
	allow        string
	// do, when set, runs a compound case instead and returns the status
	// and message of the request that matters.
	do func(t *testing.T) (int, string)
}

// abuseCorpus sends the API cases, then the hostile plans, through the
// server, each followed by a normal plan that must still answer.
func abuseCorpus(t *testing.T, m *Manager, srv *httptest.Server, sid string, small, slow map[string]any) {
	planBody := func(plan string) string { return `{"session":"SID","plan":` + plan + `}` }
	slowJSON, _ := json.Marshal(slow)
	json0 := map[string]string{"Content-Type": "application/json"}
	with := func(kv ...string) map[string]string {
		h := map[string]string{"Content-Type": "application/json"}
		for i := 0; i < len(kv); i += 2 {
			h[kv[i]] = kv[i+1]
		}
		return h
	}
	filter := func(right string) string {
		return compute(`{"op":"filter","input":` + rc + `,"where":{"op":"gt","left":{"op":"col","name":"fare_amount"},"right":` + right + `}}`)
	}
	cases := []apiCase{
		// Item 6: other sites' pages, DNS rebinding, simple requests.
		{name: "text/plain session open (a page's simple request)", method: "POST", path: "/api/cluster/session", header: map[string]string{"Content-Type": "text/plain"}, body: `{}`, status: 415, want: `ValueError: the request's Content-Type is "text/plain"; the cluster API takes application/json`},
		{name: "form-encoded session open", method: "POST", path: "/api/cluster/session", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, body: `a=1`, status: 415, want: `the cluster API takes application/json`},
		{name: "multipart plan", method: "POST", path: "/api/cluster/plan", header: map[string]string{"Content-Type": "multipart/form-data; boundary=x"}, body: planBody(compute(rc)), status: 415, want: `the cluster API takes application/json`},
		{name: "text/plain DELETE", method: "DELETE", path: "/api/cluster/session?session=SID", header: map[string]string{"Content-Type": "text/plain;charset=UTF-8"}, body: `x`, status: 415, want: `the cluster API takes application/json`},
		{name: "the issue's evil request", method: "POST", path: "/api/cluster/session", header: map[string]string{"Content-Type": "text/plain", "Origin": "http://evil.example", "Host": "evil.example"}, body: `{}`, status: 403, want: `PermissionError: this server does not answer for the host "evil.example"`},
		{name: "another site's page", method: "POST", path: "/api/cluster/session", header: with("Origin", "http://evil.example"), body: `{}`, status: 403, want: `PermissionError: a page from "http://evil.example" may not use this server's cluster API`},
		{name: "another site's page reading events", method: "GET", path: "/api/cluster/events?session=SID", header: map[string]string{"Origin": "https://evil.example"}, status: 403, want: `PermissionError: a page from "https://evil.example"`},
		{name: "another port is another origin", method: "POST", path: "/api/cluster/plan", header: with("Origin", "http://127.0.0.1:1"), body: planBody(compute(rc)), status: 403, want: `PermissionError: a page from "http://127.0.0.1:1"`},
		{name: "opaque origin", method: "POST", path: "/api/cluster/plan", header: with("Origin", "null"), body: planBody(compute(rc)), status: 403, want: `PermissionError: a page from "null"`},
		{name: "cross-site fetch without Origin", method: "POST", path: "/api/cluster/session", header: with("Sec-Fetch-Site", "cross-site"), body: `{}`, status: 403, want: `PermissionError: another site's page may not use this server's cluster API`},
		{name: "DNS rebinding", method: "POST", path: "/api/cluster/plan", header: with("Host", "rebind.attacker.example:8080"), body: planBody(compute(rc)), status: 403, want: `PermissionError: this server does not answer for the host "rebind.attacker.example:8080"`},
		{name: "DNS rebinding, listing", method: "GET", path: "/api/cluster", header: map[string]string{"Host": "attacker.example"}, status: 403, want: `does not answer for the host`},
		{name: "per-client session limit", do: func(t *testing.T) (int, string) {
			var opened []string
			defer func() {
				for _, id := range opened {
					call(t, "DELETE", srv.URL+"/api/cluster/session?session="+id, nil)
				}
			}()
			for range 20 {
				code, out := call(t, "POST", srv.URL+"/api/cluster/session", map[string]any{})
				if code != 200 {
					msg, _ := out["error"].(string)
					if len(opened) != m.opts.MaxClientSessions-1 { // the test's session is the 8th
						t.Errorf("refused after %d sessions", len(opened))
					}
					return code, msg
				}
				opened = append(opened, out["session"].(string))
			}
			return 200, ""
		}, status: 429, want: `RuntimeError: you have 8 sessions open on tcp://`},
		// Item 14: methods and routes.
		{name: "PUT plan", method: "PUT", path: "/api/cluster/plan", header: json0, body: `{}`, status: 405, want: `ValueError: method PUT not allowed here; /api/cluster/plan takes POST`, allow: "POST"},
		{name: "GET plan", method: "GET", path: "/api/cluster/plan", status: 405, want: `method GET not allowed`, allow: "POST"},
		{name: "PATCH session", method: "PATCH", path: "/api/cluster/session", header: json0, body: `{}`, status: 405, want: `method PATCH not allowed`, allow: "POST, DELETE"},
		{name: "POST events", method: "POST", path: "/api/cluster/events?session=SID", header: json0, body: `{}`, status: 405, want: `method POST not allowed`, allow: "GET"},
		{name: "no such route", method: "GET", path: "/api/cluster/../../etc/passwd", status: 404, want: `ValueError: no such API`},
		// Requests.
		{name: "no such session", method: "POST", path: "/api/cluster/plan", header: json0, body: `{"session":"nope","plan":` + compute(rc) + `}`, status: 404, want: `KeyError: no cluster session "nope"`},
		{name: "huge session id", method: "DELETE", path: "/api/cluster/session?session=" + strings.Repeat("a", 4000), status: 404, want: `KeyError: no cluster session`},
		{name: "events of no session", method: "GET", path: "/api/cluster/events?session=nope", status: 404, want: `KeyError: no cluster session "nope"`},
		{name: "plan not JSON", method: "POST", path: "/api/cluster/plan", header: json0, body: `{"session":`, status: 400, want: `ValueError: plan refused: the request is not valid JSON`},
		{name: "request without a plan", method: "POST", path: "/api/cluster/plan", header: json0, body: `{"session":"SID"}`, status: 400, want: `ValueError: plan refused: the request has no "plan"`},
		{name: "oversized request", method: "POST", path: "/api/cluster/plan", header: json0, body: `{"session":"SID","plan":"` + strings.Repeat("x", 80<<10) + `"}`, status: 400, want: `the request is over 69632 bytes`},
		{name: "unconfigured scheduler", method: "POST", path: "/api/cluster/session", header: json0, body: `{"address":"tcp://169.254.169.254:8786"}`, status: 503, want: `ValueError: this server is not connected to tcp://169.254.169.254:8786`},
		// Item 3: literals.
		{name: "pow of two literals", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(filter(`{"op":"pow","left":{"op":"lit","value":10},"right":{"op":"lit","value":20000000}}`)), status: 400, want: `node 6 (op "pow", at plan.input.where.right): an operation on two literals is not sent to the cluster`},
		{name: "nested literal arithmetic", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(filter(`{"op":"add","left":{"op":"neg","operand":{"op":"lit","value":1}},"right":{"op":"lit","value":2}}`)), status: 400, want: `an operation on two literals`},
		{name: "exponent near 2**63", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(filter(`{"op":"pow","left":{"op":"col","name":"fare_amount"},"right":{"op":"lit","value":9223372036854775000}}`)), status: 400, want: `a literal exponent is a number from -64 to 64`},
		{name: "computed exponent", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(filter(`{"op":"pow","left":{"op":"col","name":"fare_amount"},"right":{"op":"neg","operand":{"op":"lit","value":3}}}`)), status: 400, want: `a literal exponent is a number from -64 to 64, not an expression`},
		{name: "1 kB string times a million", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(filter(`{"op":"mul","left":{"op":"lit","value":"` + strings.Repeat("x", 1000) + `"},"right":{"op":"lit","value":1000000}}`)), status: 400, want: `an operation on two literals`},
		{name: "string column times a million", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(filter(`{"op":"mul","left":{"op":"col","name":"store_and_fwd_flag"},"right":{"op":"lit","value":1000000}}`)), status: 400, want: `ValueError: plan refused: repeating the strings of a column 1000000 times`},
		// Item 6: no URLs, no links out.
		{name: "loopback URL", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(readCSV(`"path":"http://127.0.0.1:8786/x.csv"`)), status: 400, want: `"http://127.0.0.1:8786/x.csv": URLs are not read on the cluster`},
		{name: "cloud metadata URL", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(readCSV(`"path":"http://169.254.169.254/latest/meta-data/iam"`)), status: 400, want: `URLs are not read on the cluster`},
		{name: "link out of the data folder", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(readCSV(`"path":"data/evil.csv"`)), status: 400, want: `data/evil.csv leads outside the data folder`},
		// Item 5: the result's size, checked on the workers.
		{name: "compute of the whole frame", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(compute(`{"op":"read_csv","path":"data/nyctaxi/yellow_tripdata_2019-*.csv","dtype":{"passenger_count":"float64","tolls_amount":"float64"}}`)), status: 422, want: `ValueError: the result has 219871 rows; at most 100000 come back from the cluster`},
		{name: "a Python error", method: "POST", path: "/api/cluster/plan", header: json0, body: planBody(compute(`{"op":"sum","input":{"op":"column","column":"no_such_column","input":` + rc + `}}`)), status: 422, want: `KeyError: `},
		// Item 3 and 4: timeouts and abandoned plans.
		{name: "a plan past its timeout", method: "POST", path: "/api/cluster/plan", header: json0, body: `{"session":"SID","timeout":0.5,"plan":` + string(slowJSON) + `}`, status: 504, want: `TimeoutError: the cluster at tcp://`},
		{name: "an abandoned plan", do: func(t *testing.T) (int, string) {
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/api/cluster/plan", strings.NewReader(`{"session":"`+sid+`","plan":`+string(slowJSON)+`}`))
			req.Header.Set("Content-Type", "application/json")
			_, err := http.DefaultClient.Do(req)
			return 0, fmt.Sprint(err)
		}, status: 0, want: `context deadline exceeded`},
		{name: "more plans than the session's queue", do: func(t *testing.T) (int, string) {
			ctx, cancel := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			defer wg.Wait()
			defer cancel()
			for range 1 + m.opts.MaxQueuedPlans {
				wg.Add(1)
				go func() {
					defer wg.Done()
					req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/api/cluster/plan", strings.NewReader(`{"session":"`+sid+`","plan":`+string(slowJSON)+`}`))
					req.Header.Set("Content-Type", "application/json")
					if resp, err := http.DefaultClient.Do(req); err == nil {
						resp.Body.Close()
					}
				}()
			}
			m.mu.Lock()
			s := m.sessions[sid]
			m.mu.Unlock()
			waitFor(t, 10*time.Second, "the session's queue to fill", func() bool { return int(s.queued.Load()) == 1+m.opts.MaxQueuedPlans })
			code, out := runPlan(t, srv, sid, small)
			msg, _ := out["error"].(string)
			// Interrupted: the waiting plans leave, the running one is
			// canceled on the cluster.
			cancel()
			waitFor(t, 10*time.Second, "the canceled plans to let go", func() bool { return s.queued.Load() == 0 })
			return code, msg
		}, status: 429, want: `RuntimeError: this session has a plan running and 4 waiting already`},
		// Positive: a JSON type with parameters, a same-origin page.
		{name: "JSON with a charset, same origin", method: "POST", path: "/api/cluster/plan", header: with("Content-Type", "application/json; charset=utf-8", "Origin", "ORIGIN"), body: planBody(compute(`{"op":"count","input":{"op":"column","column":"VendorID","input":` + rc + `}}`)), status: 200},
	}
	for i, hc := range cases {
		t0 := time.Now()
		code, msg, allow := 0, "", ""
		if hc.do != nil {
			code, msg = hc.do(t)
		} else {
			fill := func(s string) string {
				return strings.ReplaceAll(strings.ReplaceAll(s, "SID", sid), "ORIGIN", srv.URL)
			}
			req, _ := http.NewRequest(hc.method, srv.URL+fill(hc.path), strings.NewReader(fill(hc.body)))
			for k, v := range hc.header {
				if k == "Host" {
					req.Host = v
				} else {
					req.Header.Set(k, fill(v))
				}
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("case %d (%s): %v", i, hc.name, err)
			}
			var out map[string]any
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			json.Unmarshal(b, &out)
			code, allow = resp.StatusCode, resp.Header.Get("Allow")
			msg, _ = out["error"].(string)
			if code == 200 && hc.status == 200 && out["result"] == nil {
				t.Errorf("case %d (%s): no result in %s", i, hc.name, b)
			}
		}
		if code != hc.status || !strings.Contains(msg, hc.want) || allow != hc.allow {
			t.Errorf("case %d (%s): %d %q (Allow %q); want %d …%s… (Allow %q)", i, hc.name, code, msg, allow, hc.status, hc.want, hc.allow)
		}
		took := time.Since(t0)
		t0 = time.Now()
		if code, out := runPlan(t, srv, sid, small); code != 200 {
			t.Errorf("after case %d (%s): a normal plan: %d %v", i, hc.name, code, out)
		} else if d := time.Since(t0); d > 10*time.Second {
			t.Errorf("after case %d (%s): a normal plan took %v", i, hc.name, d)
		}
		t.Logf("case %d (%s): %d in %v", i, hc.name, code, took.Round(time.Millisecond))
	}
	// The hostile plans through the API, each followed by a normal plan.
	plans := hostilePlans("")
	for i, h := range plans {
		code, out := call(t, "POST", srv.URL+"/api/cluster/plan", fmt.Sprintf(`{"session": %q, "plan": %s}`, sid, h.plan))
		if msg, _ := out["error"].(string); code != 400 || !strings.Contains(msg, h.want) {
			t.Errorf("plan %d (%s): %d %v; want 400 …%s…", i, h.name, code, out, h.want)
		}
		if code, out := runPlan(t, srv, sid, small); code != 200 {
			t.Errorf("after plan %d (%s): a normal plan: %d %v", i, h.name, code, out)
		}
	}
	t.Logf("%d API cases and %d hostile plans, each followed by a normal plan that answered", len(cases), len(plans))
}

// peakRSS is a process's peak resident memory (VmHWM), in bytes.
func peakRSS(t testing.TB, pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb)
			return kb << 10
		}
	}
	t.Fatal("no VmHWM")
	return 0
}

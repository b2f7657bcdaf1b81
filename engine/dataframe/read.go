package dataframe

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"sync"

	"burst/engine/csv"
	"burst/engine/files"
	"burst/engine/frame"
	"burst/engine/graph"
)

// sampleBytes is how much of the first file read_csv reads to learn the
// columns and dtypes, as Dask's default sample=256000.
const sampleBytes = 256000

// sampleRows is how many rows of the sample give the dtypes, as Dask's
// default sample_rows=10: a column whose first rows hold only integers is
// int64 even when a later file has a missing value there, which is the
// "Mismatched dtypes" lesson.
const sampleRows = 10

// DefaultBlocksize is Dask's default: files larger than this are split.
const DefaultBlocksize = 64_000_000

// Sizer is an FS that knows file sizes; read_csv splits big files into
// blocks only on one.
type Sizer interface {
	Size(name string) (int64, error)
}

type readParams struct {
	Path    string      `json:"path"`
	Options csv.Options `json:"options"`
	// Off and Len select a block of the file: whole lines starting after
	// the first newline at or after Off (or at 0), up to the first line
	// ending at or after Off+Len. Len 0 reads the whole file.
	Off int64 `json:"off,omitempty"`
	Len int64 `json:"len,omitempty"`
	// Meta is the columns and dtypes the sample found: every partition is
	// made to agree, or the task fails as Dask's does.
	Columns []string      `json:"columns"`
	DTypes  []frame.DType `json:"dtypes"`
}

// ReadCSV returns a DataFrame over the files matching pattern. Columns and
// dtypes come from a sample of the first file, as in Dask.
func ReadCSV(fs files.FS, pattern string, opt csv.Options, blocksize int64) (*Collection, error) {
	names, err := fs.Glob(pattern)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("OSError: %s resolved to no files", pattern)
	}
	return ReadCSVFiles(fs, names, opt, blocksize)
}

// ReadCSVFiles is ReadCSV over a list of file names: one partition per
// file, or per block of blocksize bytes when fs knows sizes.
func ReadCSVFiles(fs files.FS, names []string, opt csv.Options, blocksize int64) (*Collection, error) {
	sample, err := fs.ReadRange(names[0], 0, sampleBytes)
	if err != nil {
		return nil, err
	}
	if len(sample) == sampleBytes {
		// Parse whole lines only.
		if i := bytes.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	sampleOpt := opt
	sampleOpt.NRows = sampleRows
	head, err := csv.Read(names[0], sample, &sampleOpt)
	if err != nil {
		return nil, err
	}
	meta := head.Head(0)
	sizes := make([]int64, len(names))
	if s, ok := fs.(Sizer); ok && blocksize > 0 {
		if sizes, err = fileSizes(s, names); err != nil {
			return nil, err
		}
	}
	var tasks []readParams
	for i, n := range names {
		p := readParams{Path: n, Options: opt, Columns: meta.Names()}
		for _, c := range meta.Columns {
			p.DTypes = append(p.DTypes, c.DType())
		}
		size := sizes[i]
		if size <= blocksize || blocksize <= 0 {
			tasks = append(tasks, p)
			continue
		}
		for _, b := range blocks(size, blocksize) {
			q := p
			q.Off, q.Len = b[0], b[1]
			tasks = append(tasks, q)
		}
	}
	name := "read-csv-" + graph.Tokenize("read-csv", tasks)
	g := make(graph.Graph, len(tasks))
	for i, p := range tasks {
		k := graph.PartKey(name, i)
		g[k] = &graph.Task{Key: k, Stages: []graph.Stage{graph.NewStage("read-csv", p)}}
	}
	return &Collection{Graph: g, Name: name, NParts: len(tasks), Meta: meta}, nil
}

// blocks splits size bytes into blocks as Dask's read_bytes does: the
// block size shrinks so that the blocks come out even.
func blocks(size, blocksize int64) [][2]int64 {
	bs := float64(blocksize)
	if size%blocksize != 0 && size > blocksize {
		bs = float64(size) / float64(size/blocksize)
	}
	place := 0.0
	offs := []int64{0}
	for float64(size)-place > bs*2-1 {
		place += bs
		offs = append(offs, int64(place))
	}
	out := make([][2]int64, len(offs))
	for i, o := range offs {
		end := size
		if i+1 < len(offs) {
			end = offs[i+1]
		}
		out[i] = [2]int64{o, end - o}
	}
	return out
}

func opReadCSV(env *graph.Env, p readParams, _ []graph.Value) (graph.Value, error) {
	var data []byte
	var err error
	if p.Len == 0 {
		// The reader copies what it keeps, so the file's buffer goes
		// back for the next read.
		var release func()
		data, release, err = files.Borrow(env.FS, p.Path)
		if err == nil {
			defer release()
		}
	} else {
		data, err = readBlock(env.FS, p.Path, p.Off, p.Len)
	}
	if err != nil {
		return nil, err
	}
	f, err := csv.Read(p.Path, data, &p.Options)
	if err != nil {
		return nil, err
	}
	return coerce(p.Path, f, p.Columns, p.DTypes)
}

// fileSizes asks for the sizes of names at once, eight at a time: in the
// browser each is a request to the server, and one after another they
// were most of read_csv's time.
func fileSizes(s Sizer, names []string) ([]int64, error) {
	sizes := make([]int64, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	slots := make(chan struct{}, 8)
	for i, n := range names {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			sizes[i], errs[i] = s.Size(n)
			<-slots
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the first file's error, as one by one
		}
	}
	return sizes, nil
}

// readBlock returns the header line of name followed by the whole lines of
// its block [off, off+n).
func readBlock(fs files.FS, name string, off, n int64) ([]byte, error) {
	const step = 1 << 16
	var header []byte
	for l := int64(step); ; l *= 2 {
		b, err := fs.ReadRange(name, 0, l)
		if err != nil {
			return nil, err
		}
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			header = b[:i+1]
			break
		}
		if int64(len(b)) < l {
			return b, nil // one line, no newline
		}
	}
	// As Dask's read_bytes: a block starts after the first newline at or
	// after its offset (a line starting right at the offset belongs to the
	// block before) and ends with the line that holds its last byte.
	start := off
	if off == 0 {
		start = int64(len(header))
	}
	b, err := fs.ReadRange(name, start, off+n-start)
	if err != nil {
		return nil, err
	}
	if off > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return header, nil
		}
		b = b[i+1:]
	}
	for end := off + n; ; {
		more, err := fs.ReadRange(name, end, step)
		if err != nil {
			return nil, err
		}
		if i := bytes.IndexByte(more, '\n'); i >= 0 {
			b = append(b, more[:i+1]...)
			break
		}
		b = append(b, more...)
		if len(more) < step {
			break
		}
		end += int64(len(more))
	}
	out := make([]byte, 0, len(header)+len(b))
	return append(append(out, header...), b...), nil
}

// coerce makes a partition's columns agree with the meta from the sample:
// ints widen to floats silently; a float where the sample saw ints, or
// text where it saw numbers, is Dask's "Mismatched dtypes" error, which
// tells the learner which dtype= to pass.
func coerce(path string, f *frame.Frame, names []string, dtypes []frame.DType) (*frame.Frame, error) {
	if len(names) == 0 {
		return f, nil
	}
	if f.Rows == 0 && len(f.Columns) == len(names) {
		// An empty file has no values to infer from: it takes the dtypes
		// of the sample.
		for i := range f.Columns {
			t := dtypes[i]
			a, err := frame.AsType(f.Columns[i].Data, t)
			if err == nil {
				f.Columns[i].Data = a
			}
		}
		return f, nil
	}
	if len(f.Columns) != len(names) {
		return nil, fmt.Errorf("ValueError: %s: the columns in this file (%s) do not match the first file's (%s)", path, strings.Join(f.Names(), ", "), strings.Join(names, ", "))
	}
	type bad struct {
		col          string
		found, wants frame.DType
	}
	var bads []bad
	for i, c := range f.Columns {
		if c.Name != names[i] {
			return nil, fmt.Errorf("ValueError: %s: the columns in this file (%s) do not match the first file's (%s)", path, strings.Join(f.Names(), ", "), strings.Join(names, ", "))
		}
		found, want := c.DType(), dtypes[i]
		if found == want {
			continue
		}
		obj := func(d frame.DType) bool { return d == frame.Object }
		switch {
		case found == frame.Float64 && want == frame.Int64, obj(found) != obj(want), (found == frame.Datetime) != (want == frame.Datetime):
			bads = append(bads, bad{c.Name, found, want})
		default:
			a, err := frame.AsType(c.Data, want)
			if err != nil {
				bads = append(bads, bad{c.Name, found, want})
				continue
			}
			f.Columns[i].Data = a
		}
	}
	if len(bads) == 0 {
		return f, nil
	}
	sort.Slice(bads, func(i, j int) bool { return bads[i].col < bads[j].col })
	rows := [][3]string{{"Column", "Found", "Expected"}}
	for _, b := range bads {
		rows = append(rows, [3]string{b.col, string(b.found), string(b.wants)})
	}
	var w [3]int
	for _, r := range rows {
		for i, s := range r {
			w[i] = max(w[i], len(s))
		}
	}
	line := fmt.Sprintf("+-%s-+-%s-+-%s-+\n", strings.Repeat("-", w[0]), strings.Repeat("-", w[1]), strings.Repeat("-", w[2]))
	var b strings.Builder
	b.WriteString("ValueError: Mismatched dtypes found in `pd.read_csv`/`pd.read_table`.\n\n")
	b.WriteString(line)
	for i, r := range rows {
		fmt.Fprintf(&b, "| %-*s | %-*s | %-*s |\n", w[0], r[0], w[1], r[1], w[2], r[2])
		if i == 0 {
			b.WriteString(line)
		}
	}
	b.WriteString(line)
	fmt.Fprintf(&b, "\n(in %s)\n\nUsually this is due to dask's dtype inference failing, and\n*may* be fixed by specifying dtypes manually by adding:\n\n", path)
	for i, x := range bads {
		prefix, suffix := "       ", ",\n"
		if i == 0 {
			prefix = "dtype={"
		}
		if i == len(bads)-1 {
			suffix = "}\n"
		}
		want := x.found
		if x.found == frame.Int64 || x.wants == frame.Object {
			want = x.wants
		}
		if x.found == frame.Float64 && x.wants == frame.Object {
			want = frame.Object
		}
		fmt.Fprintf(&b, "%s'%s': '%s'%s", prefix, x.col, want, suffix)
	}
	b.WriteString("\nto the call to `read_csv`/`read_table`.")
	return nil, fmt.Errorf("%s", b.String())
}

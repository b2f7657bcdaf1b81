// Package csv reads CSV bytes into frames as pandas' read_csv (C engine,
// default options) does: dtypes inferred per column, empty and NA strings
// as missing, parse_dates combining columns, forced dtypes.
//
// It works on the bytes directly: fields are located once, then each
// column is converted straight into a typed buffer without allocating a
// string per field.
package csv

import (
	"fmt"
	"slices"

	"github.com/apache/arrow/go/v15/arrow"

	"burst/engine/frame"
)

// DateSpec asks for a datetime column. With one source column and Name
// equal to it (pandas parse_dates=["col"]) the column is parsed in place.
// With several (parse_dates={"Date": [0, 1, 2]}) the columns are joined with
// a space, parsed, inserted at the front as Name, and the sources dropped.
type DateSpec struct {
	Name    string
	Columns []string // source columns by name …
	Indices []int    // … or by position in the header (0-based)
}

// Options are read_csv's options.
type Options struct {
	ParseDates []DateSpec
	DType      map[string]frame.DType // forced dtypes per column
	NAValues   []string               // extra NA strings
	UseCols    []string               // nil: all columns
	NRows      int                    // read at most this many rows; 0: all
	// Project, when not nil, names the only result columns to build (names
	// after parse_dates): the engine's column projection, which skips
	// converting what no later step uses. Not a pandas option.
	Project []string `json:",omitempty"`
}

var defaultNA = []string{"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"}

// Read parses a whole CSV file (header first). name is used in errors.
func Read(name string, data []byte, opt *Options) (*frame.Frame, error) {
	if opt == nil {
		opt = &Options{}
	}
	t, err := newTable(name, data)
	if err != nil {
		return nil, err
	}
	t.setNA(opt.NAValues)
	col := map[string]int{}
	for i, h := range t.header {
		col[h] = i
	}
	for c := range opt.DType {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s: dtype names column %q, which is not in the file", name, c)
		}
	}
	for _, c := range opt.UseCols {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("ValueError: %s: usecols names column %q, which is not in the file", name, c)
		}
	}
	projected := func(name string) bool { return opt.Project == nil || slices.Contains(opt.Project, name) }

	// Plan the result: combined date columns first, then the file's
	// columns that are neither date sources nor left out. Only the fields
	// of the columns the plan converts are recorded while tokenizing.
	type dates struct {
		name string
		idx  []int
	}
	var front []dates
	source := make([]bool, len(t.header)) // a source of a combined date
	inPlace := map[int]bool{}
	for _, ds := range opt.ParseDates {
		idx := slices.Clone(ds.Indices)
		for _, c := range ds.Columns {
			i, ok := col[c]
			if !ok {
				return nil, fmt.Errorf("ValueError: %s: parse_dates names column %q, which is not in the file", name, c)
			}
			idx = append(idx, i)
		}
		for _, i := range idx {
			if i < 0 || i >= len(t.header) {
				return nil, fmt.Errorf("ValueError: %s: parse_dates position %d is out of range (the file has %d columns)", name, i, len(t.header))
			}
		}
		if len(idx) == 1 && t.header[idx[0]] == ds.Name {
			inPlace[idx[0]] = true
			continue
		}
		for _, i := range idx {
			source[i] = true
		}
		if projected(ds.Name) {
			front = append(front, dates{ds.Name, idx})
		}
	}
	plain := make([]bool, len(t.header)) // converted as a column of its own
	for i, h := range t.header {
		plain[i] = !source[i] && (len(opt.UseCols) == 0 || slices.Contains(opt.UseCols, h)) && projected(h)
	}
	record := slices.Clone(plain)
	for _, d := range front {
		for _, i := range d.idx {
			record[i] = true
		}
	}
	if err := t.tokenize(record, opt.NRows); err != nil {
		return nil, err
	}

	var cols []frame.Column
	for _, d := range front {
		a, err := t.dates(d.idx)
		if err != nil {
			return nil, err
		}
		cols = append(cols, frame.Column{Name: d.name, Data: a})
	}
	for i, h := range t.header {
		if !plain[i] {
			continue
		}
		var a arrow.Array
		var err error
		if inPlace[i] {
			a, err = t.dates([]int{i})
		} else {
			a, err = t.column(i, opt.DType[h])
		}
		if err != nil {
			return nil, err
		}
		cols = append(cols, frame.Column{Name: h, Data: a})
	}
	f, err := frame.New(cols)
	if err != nil {
		return nil, err
	}
	f.Rows = t.rows
	return f, nil
}

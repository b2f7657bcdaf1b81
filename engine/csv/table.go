package csv

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// table is a tokenized file, column by column: field r of column c spans
// data[start[c][r]:end[c][r]], and start -1 marks a field missing from a
// short row. Only the columns a read converts are recorded.
type table struct {
	name   string
	data   []byte
	quoted bool // the data holds a quote: tokenized by the general path
	header []string
	pos    int // where the first row starts
	line   int // its line number

	start, end [][]int32
	rows       int
	// lines holds the line number of each row when rows and lines do not
	// run in step (blank lines, quoted newlines); otherwise row r is on
	// line firstLine+r.
	lines     []int32
	firstLine int

	na              map[string]bool
	naFirst, naLast [256]bool // first and last bytes of the NA strings
	naNumber        bool      // some NA string reads as a number ("-999")
}

// newTable reads the header. Quoted files are unescaped into a private copy
// of the data.
func newTable(name string, data []byte) (*table, error) {
	if len(data) > math.MaxInt32 {
		return nil, fmt.Errorf("%s: %d bytes is too much for one partition; read it with a blocksize", name, len(data))
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := checkUTF8(data); err != nil {
		return nil, err
	}
	t := &table{name: name, data: data, line: 1}
	if bytes.IndexByte(data, '"') >= 0 {
		t.quoted = true
		t.data = append([]byte(nil), data...) // unescaping writes in place
	}
	for {
		if t.pos >= len(t.data) {
			return nil, fmt.Errorf("EmptyDataError: %s: No columns to parse from file", name)
		}
		fs, fe, err := t.readRow(nil, nil)
		if err != nil {
			return nil, err
		}
		if t.blank(fs, fe) {
			continue
		}
		for i := range fs {
			t.header = append(t.header, string(t.data[fs[i]:fe[i]]))
		}
		return t, nil
	}
}

// setNA sets the strings read as missing: pandas' defaults and extra.
func (t *table) setNA(extra []string) {
	t.na = map[string]bool{}
	for _, s := range append(defaultNA, extra...) {
		t.na[s] = true
		if s != "" {
			t.naFirst[s[0]] = true
			t.naLast[s[len(s)-1]] = true
		}
		if x, ok := parseFloat([]byte(s)); ok && x == x {
			t.naNumber = true
		}
	}
}

// isNA reports whether a present field is missing. Most fields fail the
// first- or last-byte test (numbers end in digits) and skip the lookup.
func (t *table) isNA(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	if !t.naFirst[b[0]] || !t.naLast[b[len(b)-1]] {
		return false
	}
	return t.na[string(b)]
}

// field returns field r of column c; false when the row was too short.
func (t *table) field(r, c int) ([]byte, bool) {
	s := t.start[c][r]
	if s < 0 {
		return nil, false
	}
	return t.data[s:t.end[c][r]], true
}

// lineOf returns the line number of row r, for errors.
func (t *table) lineOf(r int) int {
	if t.lines != nil {
		return int(t.lines[r])
	}
	return t.firstLine + r
}

// tokenize finds the fields of every row (at most nrows, when above 0),
// keeping those of the columns marked in record.
func (t *table) tokenize(record []bool, nrows int) error {
	// A guess at the number of rows: the arrays grow if it is short.
	// (Counting the newlines first cost more than half of tokenizing in
	// WebAssembly, where bytes.Count is a plain loop.)
	est := nrows
	if est <= 0 {
		est = (len(t.data)-t.pos)/48 + 16
	}
	t.start = make([][]int32, len(t.header))
	t.end = make([][]int32, len(t.header))
	for c, ok := range record {
		if ok {
			t.start[c] = make([]int32, 0, est)
			t.end[c] = make([]int32, 0, est)
		}
	}
	t.firstLine = t.line
	if t.quoted {
		return t.tokenizeQuoted(record, nrows)
	}
	return t.tokenizeFast(record, nrows)
}

// tokenizeQuoted handles any file, one row at a time.
func (t *table) tokenizeQuoted(record []bool, nrows int) error {
	t.lines = []int32{}
	var fs, fe []int32
	for t.pos < len(t.data) && (nrows <= 0 || t.rows < nrows) {
		line := t.line
		var err error
		if fs, fe, err = t.readRow(fs, fe); err != nil {
			return err
		}
		if t.blank(fs, fe) {
			continue
		}
		if len(fs) > len(t.header) {
			return t.ragged(line, len(fs))
		}
		for c, ok := range record {
			if !ok {
				continue
			}
			s, e := int32(-1), int32(-1)
			if c < len(fs) {
				s, e = fs[c], fe[c]
			}
			t.start[c] = append(t.start[c], s)
			t.end[c] = append(t.end[c], e)
		}
		t.lines = append(t.lines, int32(line))
		t.rows++
	}
	return nil
}

func (t *table) ragged(line, saw int) error {
	return fmt.Errorf("ParserError: %s: Error tokenizing data. C error: Expected %d fields in line %d, saw %d", t.name, len(t.header), line, saw)
}

// blank reports whether a row is an empty line (skipped, as pandas does).
func (t *table) blank(fs, fe []int32) bool {
	return len(fs) == 1 && fe[0] == fs[0] && (fs[0] == 0 || t.data[fs[0]-1] != '"')
}

// readRow returns the fields of the row at t.pos, unescaping quoted ones.
func (t *table) readRow(fs, fe []int32) ([]int32, []int32, error) {
	fs, fe = fs[:0], fe[:0]
	data := t.data
	pos := t.pos
	startLine := t.line
	for {
		if pos < len(data) && data[pos] == '"' {
			w := pos
			s := pos
			pos++
			for {
				if pos >= len(data) {
					return nil, nil, fmt.Errorf("ParserError: %s: Error tokenizing data. C error: EOF inside string starting at row %d", t.name, startLine-1)
				}
				c := data[pos]
				if c == '"' {
					if pos+1 < len(data) && data[pos+1] == '"' {
						data[w] = '"'
						w++
						pos += 2
						continue
					}
					pos++
					break
				}
				if c == '\n' {
					t.line++
				}
				data[w] = c
				w++
				pos++
			}
			fs, fe = append(fs, int32(s)), append(fe, int32(w))
			for pos < len(data) && data[pos] != ',' && data[pos] != '\n' {
				pos++ // text after the closing quote is dropped
			}
		} else {
			s := pos
			for pos < len(data) && data[pos] != ',' && data[pos] != '\n' {
				pos++
			}
			e := pos
			if e > s && data[e-1] == '\r' && (pos >= len(data) || data[pos] == '\n') {
				e-- // a CRLF line end
			}
			fs, fe = append(fs, int32(s)), append(fe, int32(e))
		}
		if pos >= len(data) || data[pos] == '\n' {
			t.pos = min(pos+1, len(data))
			t.line++
			return fs, fe, nil
		}
		pos++ // the comma
	}
}

// tokenizeFast handles files without quotes. It looks at eight bytes at a
// time: a word's commas and newlines come out as a bit mask, and only
// those positions are visited. Fields go row by row into a small buffer
// that stays in cache, and a block of rows at a time is copied out to the
// columns: writing every column's arrays field by field was slower than
// the scan itself.
func (t *table) tokenizeFast(record []bool, nrows int) error {
	// 512 rows, fewer when rows are very wide (a 10 MB line of
	// millions of fields): the buffer stays about 8 MB at most.
	block := 512
	data := t.data
	ncol := len(t.header)
	st, en := t.start, t.end
	// slot[c] is column c's place among the recorded columns, or -1;
	// a buffer row holds (start, end) of each recorded field.
	slot := make([]int, ncol+1) // +1: the field past the last column
	width := 0
	for c := range slot {
		slot[c] = -1
		if c < ncol && record[c] {
			slot[c] = width
			width++
		}
	}
	stride := 2 * width
	block = max(1, min(block, (2<<20)/max(stride, 1)))
	buf := make([]int32, block*stride+2)
	base, br := 0, 0 // first row of the block, rows in it
	flush := func() {
		for c, ok := range record {
			if !ok {
				continue
			}
			st[c], en[c] = slices.Grow(st[c], br)[:base+br], slices.Grow(en[c], br)[:base+br]
			sc, ec := st[c][base:], en[c][base:]
			k := 2 * slot[c]
			for r := range sc {
				sc[r], ec[r] = buf[k], buf[k+1]
				k += stride
			}
		}
		base += br
		br = 0
	}
	c := 0     // column of the current field
	s := t.pos // start of the current field
	line := t.line
	// newline ends the row at p (p == len(data): a last line without
	// newline) and reports whether to stop.
	newline := func(p int) (bool, error) {
		e := p
		if e > s && data[e-1] == '\r' {
			e--
		}
		if c == 0 && e == s { // a blank line
			if t.lines == nil {
				t.lines = make([]int32, base+br)
				for r := range t.lines {
					t.lines[r] = int32(t.firstLine + r)
				}
			}
			line++
			return false, nil
		}
		if c >= ncol {
			return true, t.ragged(line, c+1)
		}
		if k := slot[c]; k >= 0 {
			buf[br*stride+2*k], buf[br*stride+2*k+1] = int32(s), int32(e)
		}
		for c++; c < ncol; c++ { // a short row: the rest is missing
			if k := slot[c]; k >= 0 {
				buf[br*stride+2*k], buf[br*stride+2*k+1] = -1, -1
			}
		}
		if t.lines != nil {
			t.lines = append(t.lines, int32(line))
		}
		br++
		line++
		if br == block {
			flush()
		}
		return nrows > 0 && base+br >= nrows, nil
	}
	finish := func() {
		flush()
		t.rows = base
	}
	const ones = 0x0101010101010101
	for i := t.pos; i < len(data); i += 8 {
		var w uint64
		if i+8 <= len(data) {
			w = binary.LittleEndian.Uint64(data[i:])
		} else {
			var tail [8]byte // zeros are neither commas nor newlines
			copy(tail[:], data[i:])
			w = binary.LittleEndian.Uint64(tail[:])
		}
		for m := zeroBytes(w^(',')*ones) | zeroBytes(w^('\n')*ones); m != 0; m &= m - 1 {
			p := i + bits.TrailingZeros64(m)>>3
			if data[p] == ',' {
				if c < ncol {
					if k := slot[c]; k >= 0 {
						j := br*stride + 2*k
						buf[j], buf[j+1] = int32(s), int32(p)
					}
				}
				c++
				s = p + 1
				continue
			}
			stop, err := newline(p)
			if err != nil {
				return err
			}
			c, s = 0, p+1
			if stop {
				finish()
				return nil
			}
		}
	}
	if s < len(data) || c > 0 {
		if _, err := newline(len(data)); err != nil {
			return err
		}
	}
	finish()
	return nil
}

// zeroBytes returns a mask with the high bit set in each byte of w that
// is zero, exactly (no false positives from borrows).
func zeroBytes(w uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	return ^((w&low7 + low7) | w | low7)
}

// checkUTF8 returns pandas' UnicodeDecodeError for bytes that are not
// UTF-8 (a UTF-16 file, binary data).
func checkUTF8(data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	p := 0
	for p < len(data) {
		r, n := utf8.DecodeRune(data[p:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		p += n
	}
	b := data[p]
	why := "invalid continuation byte"
	need := 0
	switch {
	case b >= 0xc2 && b <= 0xdf:
		need = 2
	case b >= 0xe0 && b <= 0xef:
		need = 3
	case b >= 0xf0 && b <= 0xf4:
		need = 4
	default:
		why = "invalid start byte"
	}
	if need > 0 && p+need > len(data) {
		why = "unexpected end of data"
		for _, c := range data[p+1:] {
			if c < 0x80 || c > 0xbf {
				why = "invalid continuation byte"
			}
		}
	}
	return fmt.Errorf("UnicodeDecodeError: 'utf-8' codec can't decode byte 0x%02x in position %d: %s", b, p, why)
}

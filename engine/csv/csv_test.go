package csv

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v15/arrow/array"

	"burst/build/dataset"
	"burst/engine/frame"
)

type expectCase struct {
	Text    string `json:"text"`
	Options struct {
		DType      map[string]string `json:"dtype"`
		ParseDates json.RawMessage   `json:"parse_dates"`
		UseCols    []string          `json:"usecols"`
		NAValues   []string          `json:"na_values"`
	} `json:"options"`
	Columns []struct {
		Name   string `json:"name"`
		DType  string `json:"dtype"`
		Values []any  `json:"values"`
	} `json:"columns"`
}

func (c *expectCase) opts(t *testing.T) *Options {
	o := &Options{UseCols: c.Options.UseCols, NAValues: c.Options.NAValues}
	if len(c.Options.DType) > 0 {
		o.DType = map[string]frame.DType{}
		for k, v := range c.Options.DType {
			dt, err := frame.ParseDType(v)
			if err != nil {
				t.Fatal(err)
			}
			o.DType[k] = dt
		}
	}
	if len(c.Options.ParseDates) > 0 {
		var list []string
		var dict map[string][]int
		if json.Unmarshal(c.Options.ParseDates, &list) == nil {
			for _, n := range list {
				o.ParseDates = append(o.ParseDates, DateSpec{Name: n, Columns: []string{n}})
			}
		} else if err := json.Unmarshal(c.Options.ParseDates, &dict); err == nil {
			for n, idx := range dict {
				o.ParseDates = append(o.ParseDates, DateSpec{Name: n, Indices: idx})
			}
		}
	}
	return o
}

// TestMatchesPandas compares every case with what pandas 1.5 returned.
func TestMatchesPandas(t *testing.T) {
	b, err := os.ReadFile("testdata/expect.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases map[string]*expectCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			f, err := Read(name+".csv", []byte(c.Text), c.opts(t))
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Columns) != len(c.Columns) {
				t.Fatalf("columns %v, pandas has %d", f.Names(), len(c.Columns))
			}
			for i, want := range c.Columns {
				got := f.Columns[i]
				if got.Name != want.Name || string(got.DType()) != want.DType {
					t.Errorf("column %d: %s %s, pandas %s %s", i, got.Name, got.DType(), want.Name, want.DType)
					continue
				}
				if got.Data.Len() != len(want.Values) {
					t.Fatalf("%s: %d rows, pandas %d", got.Name, got.Data.Len(), len(want.Values))
				}
				for r, wv := range want.Values {
					if !sameValue(got.Data, r, wv) {
						t.Errorf("%s[%d] = %s, pandas %v", got.Name, r, got.Data.ValueStr(r), wv)
					}
				}
			}
		})
	}
}

func sameValue(a any, r int, want any) bool {
	switch a := a.(type) {
	case *array.Float64:
		v := a.Value(r)
		if want == nil {
			return math.IsNaN(v)
		}
		return v == want.(float64)
	case *array.Int64:
		return want != nil && a.Value(r) == int64(want.(float64))
	case *array.Boolean:
		return want != nil && a.Value(r) == want.(bool)
	case *array.String:
		if want == nil {
			return a.IsNull(r)
		}
		return a.IsValid(r) && a.Value(r) == want.(string)
	case *array.Timestamp:
		if want == nil {
			return a.IsNull(r)
		}
		return int64(a.Value(r)) == int64(want.(float64))
	}
	return false
}

func TestErrorsNameTheProblem(t *testing.T) {
	for _, c := range []struct {
		text string
		opt  *Options
		want []string
	}{
		{"", nil, []string{"f.csv", "No columns to parse"}},
		{"a,b\n1,2\n3,4,5\n", nil, []string{"f.csv", "line 3", "Expected 2 fields", "saw 3"}},
		{"a,b\n1,x\n", &Options{DType: map[string]frame.DType{"b": frame.Float64}}, []string{"f.csv", "line 2", `"b"`, `"x"`}},
		{"a\n1\n\n", &Options{DType: map[string]frame.DType{"nope": frame.Float64}}, []string{"nope"}},
		{"a\n1\n", &Options{ParseDates: []DateSpec{{Name: "D", Columns: []string{"zz"}}}}, []string{"zz"}},
		{"a\n\"open\n", nil, []string{"ParserError: f.csv: Error tokenizing data. C error: EOF inside string starting at row 1"}},
		{"\xff\xfea\x00\n\x001\x00\n\x00", nil, []string{"UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"}},
		{"a\n1\xe9\n", nil, []string{"UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 3: invalid continuation byte"}},
	} {
		_, err := Read("f.csv", []byte(c.text), c.opt)
		if err == nil {
			t.Errorf("%q: no error", c.text)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: error %q lacks %q", c.text, err, w)
			}
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("a,b\n1,2\n"))
	f.Add([]byte("a,\"b\"\"\"\r\n\"x\ny\",2.5\n,,,\n"))
	f.Add([]byte("a,b,c\n1\n\n2,3,4\r\n5,6"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read("fuzz.csv", data, &Options{ParseDates: []DateSpec{{Name: "D", Indices: []int{0}}}})
		Read("fuzz.csv", data, nil)
		// Without quotes, the word-at-a-time tokenizer and the general one
		// find the same fields on the same lines.
		if bytes.IndexByte(data, '"') >= 0 {
			return
		}
		fast, err1 := newTable("fuzz.csv", data)
		slow, err2 := newTable("fuzz.csv", data)
		if (err1 == nil) != (err2 == nil) || err1 != nil {
			return
		}
		slow.quoted = true
		record := make([]bool, len(fast.header))
		for i := range record {
			record[i] = i%2 == 0
		}
		err1, err2 = fast.tokenize(record, 0), slow.tokenize(record, 0)
		if (err1 == nil) != (err2 == nil) || (err1 != nil && err1.Error() != err2.Error()) {
			t.Fatalf("errors differ: fast %v, general %v", err1, err2)
		}
		if err1 != nil {
			return
		}
		if fast.rows != slow.rows {
			t.Fatalf("rows: fast %d, general %d", fast.rows, slow.rows)
		}
		for r := range fast.rows {
			if fast.lineOf(r) != slow.lineOf(r) {
				t.Fatalf("row %d: line %d, general %d", r, fast.lineOf(r), slow.lineOf(r))
			}
			for c, ok := range record {
				if !ok {
					continue
				}
				a, okA := fast.field(r, c)
				b, okB := slow.field(r, c)
				if okA != okB || !bytes.Equal(a, b) {
					t.Fatalf("row %d column %d: %q %v, general %q %v", r, c, a, okA, b, okB)
				}
			}
		}
	})
}

// BenchmarkRead reads a flights-like file; compare MB/s with pandas.
func BenchmarkRead(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Year,Month,DayofMonth,DepTime,UniqueCarrier,TailNum,DepDelay,Origin,Cancelled\n")
	for i := 0; sb.Len() < 20<<20; i++ {
		dep := ""
		if i%50 != 0 {
			dep = string(rune('0'+i%10)) + "5"
		}
		sb.WriteString("1995,3,14,1530,UA,N123" + string(rune('A'+i%26)) + "," + dep + ",EWR,0\n")
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := Read("bench.csv", data, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFlights reads a year of the generated NYC flights data (18 MB)
// as lesson 02 does, whole and projected to the columns of a group-by.
func BenchmarkFlights(b *testing.B) {
	paths, err := dataset.Flights(b.TempDir(), "full")
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		b.Fatal(err)
	}
	lesson := Options{
		ParseDates: []DateSpec{{Name: "Date", Indices: []int{0, 1, 2}}},
		DType:      map[string]frame.DType{"TailNum": frame.Object, "CRSElapsedTime": frame.Float64, "Cancelled": frame.Bool},
	}
	projected := lesson
	projected.Project = []string{"DepDelay", "Origin"}
	for _, bc := range []struct {
		name string
		opt  *Options
	}{{"default", nil}, {"lesson", &lesson}, {"projected", &projected}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for range b.N {
				if _, err := Read("1990.csv", data, bc.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package frame

import (
	"fmt"
	"testing"
)

// numpy 1.24's argsort(kind="quicksort") and pandas 1.5's
// sort_values(ascending=False) of the same 40 values with many ties, as
// value_counts sorts counts: the tie order is numpy's introsort's, not a
// stable sort's.
func TestCountSortTies(t *testing.T) {
	v := []int64{1, 3, 2, 2, 0, 3, 3, 1, 0, 4, 2, 1, 1, 3, 2, 2, 0, 3, 3, 1, 0, 4, 2, 1, 1, 3, 2, 2, 0, 3, 3, 1, 0, 4, 2, 1, 1, 3, 2, 2}
	asc := []int{32, 4, 28, 8, 20, 16, 0, 36, 35, 31, 24, 23, 19, 11, 12, 7, 26, 2, 34, 3, 27, 22, 39, 10, 38, 14, 15, 5, 37, 1, 17, 13, 30, 29, 6, 18, 25, 33, 21, 9}
	desc := []int{9, 21, 33, 13, 25, 29, 30, 5, 6, 37, 1, 18, 17, 15, 22, 39, 14, 27, 34, 10, 38, 3, 2, 26, 31, 35, 36, 0, 24, 23, 19, 12, 11, 7, 28, 32, 16, 8, 4, 20}
	if got := nargsort(v, nil, true); fmt.Sprint(got) != fmt.Sprint(asc) {
		t.Errorf("argsort\ngot  %v\nwant %v", got, asc)
	}
	if got := nargsort(v, nil, false); fmt.Sprint(got) != fmt.Sprint(desc) {
		t.Errorf("sort_values(ascending=False)\ngot  %v\nwant %v", got, desc)
	}
}

// Dask's order: each partition's groups sorted, then first appearance.
func TestGroupOrderChunks(t *testing.T) {
	p1 := &Frame{Rows: 3, Columns: []Column{{"k", Strings([]string{"JFK", "EWR", "JFK"}, nil)}, {"v", Int64s([]int64{1, 2, 3})}}}
	p2 := &Frame{Rows: 3, Columns: []Column{{"k", Strings([]string{"LGA", "ABQ", "EWR"}, nil)}, {"v", Int64s([]int64{4, 5, 6})}}}
	aggs := []Agg{{Column: "v", How: "sum", Name: "v"}}
	for _, c := range []struct{ order, want string }{
		{OrderChunks, `["EWR" "JFK" "ABQ" "LGA"] [8 4 5 4]`},
		{OrderFirst, `["JFK" "EWR" "LGA" "ABQ"] [4 8 4 5]`},
		{OrderSorted, `["ABQ" "EWR" "JFK" "LGA"] [5 8 4 4]`},
	} {
		var parts []*Frame
		for _, p := range []*Frame{p1, p2} {
			f, err := GroupChunk(p, []string{"k"}, aggs)
			if err != nil {
				t.Fatal(err)
			}
			if c.order == OrderChunks {
				f = SortByIndex(f)
			}
			parts = append(parts, f)
		}
		out, err := GroupAggOrder(parts, []string{"k"}, aggs, 1, c.order, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(out.Index[0].Data, " ", out.Columns[0].Data); got != c.want {
			t.Errorf("%q: got %s, want %s", c.order, got, c.want)
		}
	}
}

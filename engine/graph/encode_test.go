package graph

import (
	"encoding/json"
	"reflect"
	"testing"
)

// AppendJSON writes what encoding/json writes, read back the same.
func TestTaskAppendJSON(t *testing.T) {
	tasks := []*Task{
		{Key: "('read-csv-0123abcd', 3)", Stages: []Stage{NewStage("read", map[string]any{"path": "data/x.csv", "n": 3})}},
		{Key: "sum-\"quoted\"\\ \n\t\x01 naïve \xff", Deps: []Key{"a", "b\x1f"}, Stages: []Stage{{Op: "add", Args: []int{0, 1}}, {Op: "neg", Params: json.RawMessage(`{"x": [1, 2]}`)}}},
		{Key: "no-stages"},
	}
	for _, task := range tasks {
		want, err := json.Marshal(task)
		if err != nil {
			t.Fatal(err)
		}
		got := task.AppendJSON(nil)
		var a, b any
		if err := json.Unmarshal(got, &a); err != nil {
			t.Fatalf("%s: %v", got, err)
		}
		json.Unmarshal(want, &b)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("AppendJSON:\n%s\nencoding/json:\n%s", got, want)
		}
	}
}

func BenchmarkTaskJSON(b *testing.B) {
	task := &Task{Key: "('inc-0123456789abcdef', 17)", Stages: []Stage{NewStage("delayed", map[string]any{"fn": map[string]any{"source": "def inc(x):\n    return x + 1\n", "name": "inc"}, "args": []any{map[string]any{"int": "17"}}})}}
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			json.Marshal(task)
		}
	})
	b.Run("AppendJSON", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf = task.AppendJSON(buf[:0])
		}
	})
}

package session

import (
	"burst/engine/graph"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

// Graph is a task graph shown by visualize(): the page draws it, natively
// it prints a summary.
type Graph struct {
	Unhashable
	g    graph.Graph
	keys []graph.Key
}

// VisualizeAll is the graph of the collections in args (looked for in
// lists, tuples and dicts), as dask.visualize shows it.
func VisualizeAll(args starlark.Tuple) *Graph {
	var gs []graph.Graph
	var keys []graph.Key
	Walk(args, func(c Collection) {
		gs = append(gs, c.DaskGraph())
		keys = append(keys, c.DaskKeys()...)
	})
	return Visualize(gs, keys)
}

// Visualize is the graph of keys in gs, for display.
func Visualize(gs []graph.Graph, keys []graph.Key) *Graph {
	g, err := graph.Cull(graph.Merge(gs...), keys)
	if err != nil {
		g = graph.Merge(gs...)
	}
	return &Graph{g: g, keys: keys}
}

func (g *Graph) layers() []string {
	seen := map[string]bool{}
	var out []string
	for k := range g.g {
		p := k.Prefix()
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

func (g *Graph) String() string {
	plural := func(n int, s string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, s)
		}
		return fmt.Sprintf("%d %ss", n, s)
	}
	return fmt.Sprintf("<Task graph: %s in %s (%s)>", plural(len(g.g), "task"), plural(len(g.layers()), "layer"), strings.Join(g.layers(), ", "))
}

func (g *Graph) Type() string { return "Graph" }

// GraphJSON is the graph for the page: tasks with their key prefix and
// dependencies.
func (g *Graph) GraphJSON() any {
	type node struct {
		ID     string   `json:"id"`
		Prefix string   `json:"prefix"`
		Deps   []string `json:"deps,omitempty"`
	}
	var nodes []node
	for k, t := range g.g {
		n := node{ID: string(k), Prefix: k.Prefix()}
		for _, d := range t.Deps {
			n.Deps = append(n.Deps, string(d))
		}
		nodes = append(nodes, n)
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })
	var outs []string
	for _, k := range g.keys {
		outs = append(outs, string(k))
	}
	b, _ := json.Marshal(map[string]any{"nodes": nodes, "outputs": outs})
	var v any
	json.Unmarshal(b, &v)
	return v
}

package kernel

import (
	"burst/engine/lib/dask"
	"burst/engine/lib/pandas"
	"sort"
	"testing"

	"go.starlark.net/starlark"
)

// Every function of Burst's modules and every method of its types has a
// docstring for help(x) and x?.
func TestEverythingDocumented(t *testing.T) {
	k := New(&NativeHost{Dir: t.TempDir()})
	var missing []string
	for path, m := range k.mods() {
		for name, v := range m.Members {
			if _, ok := v.(*starlark.Builtin); !ok {
				continue
			}
			if path == "distributed" {
				path = "dask.distributed"
			}
			if k.docs[path+"."+name] == "" {
				missing = append(missing, path+"."+name)
			}
		}
	}
	for name, v := range k.builtin {
		if _, ok := v.(*starlark.Builtin); ok && name[0] != '_' && k.docs[name] == "" {
			missing = append(missing, name)
		}
	}
	var methods []string
	methods = append(methods, pandas.FrameMethods()...)
	methods = append(methods, pandas.SeriesMethods()...)
	methods = append(methods, pandas.GroupMethods()...)
	methods = append(methods, (&dask.Future{}).AttrNames()...)
	methods = append(methods, (&dask.Delayed{}).AttrNames()...)
	methods = append(methods, dask.ClientMethods()...)
	for _, m := range methods {
		if k.methodDocs[m] == "" && k.docs["Client."+m] == "" && m != "key" && m != "status" && m != "dask" {
			missing = append(missing, "method "+m)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d without a docstring: %v", len(missing), missing)
	}
}

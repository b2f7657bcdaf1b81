package sklearn

import (
	"burst/engine/lib/dask"
	"burst/engine/session"
	"fmt"

	"go.starlark.net/starlark"
)

// joblibBackend is an active joblib.parallel_backend: its name and the
// values it scattered to the cluster on entry (scatter=[X, y]), by
// identity, so that the fits find them already on the workers.
type joblibBackend struct {
	name    string
	scatter []starlark.Value
	futures []*dask.Future
	prev    *joblibBackend
	st      *state
	nJobs   starlark.Value
}

func (b *joblibBackend) String() string {
	return fmt.Sprintf("<joblib.parallel_backend %q>", b.name)
}
func (b *joblibBackend) Type() string         { return "parallel_backend" }
func (b *joblibBackend) Freeze()              {}
func (b *joblibBackend) Truth() starlark.Bool { return true }
func (b *joblibBackend) Hash() (uint32, error) {
	return 0, fmt.Errorf("TypeError: unhashable type: 'parallel_backend'")
}

// Enter activates the backend; with "dask" it needs a Client and
// scatters the values listed in scatter= to its workers now, once.
func (b *joblibBackend) Enter(th *starlark.Thread) (starlark.Value, error) {
	if b.name == "dask" {
		c := dask.StateOf(b.st.s).Client()
		if c == nil || c.Cluster() == nil {
			return nil, fmt.Errorf("ValueError: To use Joblib with Dask first create a Dask Client\n\n    from dask.distributed import Client\n    client = Client()\nor\n    client = Client('scheduler-address:8786')")
		}
		for _, v := range b.scatter {
			f, err := c.Scatter(v)
			if err != nil {
				return nil, err
			}
			b.futures = append(b.futures, f)
		}
	}
	b.prev = b.st.joblib
	b.st.joblib = b
	return starlark.Tuple{starlark.String(b.name), starlark.None}, nil
}

// Exit restores the previous backend and lets the scattered values go.
func (b *joblibBackend) Exit(*starlark.Thread) error {
	b.st.joblib = b.prev
	b.futures = nil
	return nil
}

// joblibModule is joblib as scikit-learn's users meet it:
// parallel_backend chooses where n_jobs' work runs.
func (st *state) joblibModule() *Module {
	return &Module{Name: "joblib", Members: starlark.StringDict{
		"__version__": starlark.String("1.2.0"),
		"parallel_backend": builtin("parallel_backend", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var name string
			var nJobs, scatter starlark.Value = starlark.MakeInt(-1), starlark.None
			var rest []starlark.Tuple
			for _, kv := range kwargs {
				switch string(kv[0].(starlark.String)) {
				case "scatter":
					scatter = kv[1]
				case "n_jobs":
					nJobs = kv[1]
				case "backend":
					s, _ := starlark.AsString(kv[1])
					name = s
				default:
					rest = append(rest, kv) // inner_max_num_threads and backend options: accepted, unused
				}
			}
			_ = rest
			if len(args) > 0 {
				s, ok := starlark.AsString(args[0])
				if !ok {
					return nil, fmt.Errorf("TypeError: parallel_backend: backend must be a string, got %s", session.TypeName(args[0]))
				}
				name = s
			}
			if len(args) > 1 {
				nJobs = args[1]
			}
			switch name {
			case "dask", "loky", "threading", "multiprocessing", "sequential":
			case "":
				return nil, fmt.Errorf("TypeError: parallel_backend() missing 1 required positional argument: 'backend'")
			default:
				return nil, fmt.Errorf("ValueError: Invalid backend: %s, expected one of ['dask', 'loky', 'multiprocessing', 'sequential', 'threading']", name)
			}
			jb := &joblibBackend{name: name, st: st, nJobs: nJobs}
			if scatter != starlark.None {
				if name != "dask" {
					return nil, fmt.Errorf("TypeError: parallel_backend: scatter is an option of the dask backend only")
				}
				l, ok := scatter.(*starlark.List)
				if !ok {
					return nil, fmt.Errorf("TypeError: scatter must be a list of the data to send to the workers once, e.g. scatter=[X, y]")
				}
				for i := range l.Len() {
					jb.scatter = append(jb.scatter, l.Index(i))
				}
			}
			return jb, nil
		}),
	}}
}

// joblibClient is the Client parallel fits run on: the active Client
// (the dask backend requires one), else a pool of the host's workers
// started for n_jobs=-1, as joblib starts worker processes.
func (st *state) joblibClient() (*dask.Client, error) {
	d := dask.StateOf(st.s)
	if c := d.Client(); c != nil && c.Cluster() != nil {
		return c, nil
	}
	if st.joblib != nil && st.joblib.name == "dask" {
		return nil, fmt.Errorf("ValueError: To use Joblib with Dask first create a Dask Client")
	}
	return d.Pool()
}

// scattered returns the Future of v on c: the one the joblib backend
// scattered on entry if v is one of those values, else v scattered now.
func (st *state) scattered(c *dask.Client, v starlark.Value) (*dask.Future, error) {
	if b := st.joblib; b != nil && c == dask.StateOf(st.s).Client() {
		for i, s := range b.scatter {
			if s == v && i < len(b.futures) {
				return b.futures[i], nil
			}
		}
	}
	return c.Scatter(v)
}

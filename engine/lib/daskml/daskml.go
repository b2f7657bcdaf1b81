// Package daskml is dask_ml in cells: KMeans over dask arrays, k-means||
// and Lloyd's iterations as one task per block on the workers that hold
// the blocks.
package daskml

import (
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"sort"

	"go.starlark.net/starlark"

	"burst/engine/graph"
	"burst/engine/lib/dasharray"
	"burst/engine/lib/dask"
	"burst/engine/lib/numpy"
	"burst/engine/lib/sklearn"
	mlcluster "burst/engine/ml/cluster"
	"burst/engine/ml/mat"
	"burst/engine/ml/rng"
	"burst/engine/ndarray"
	"burst/engine/sched"
	"burst/engine/session"
)

// daskKMeansClass is dask_ml.cluster.KMeans: k-means|| initialisation and
// Lloyd's iterations over the blocks of a dask array, every pass one task
// per block on the workers that hold the blocks. It is not registered
// with the other estimators: its name is scikit-learn's KMeans's, which
// keeps that one's place when estimators travel to workers.
var daskKMeansClass = &sklearn.EstimatorClass{
	Name: "KMeans", Module: "dask_ml.cluster.k_means",
	Doc: "Scalable KMeans for clustering, as dask-ml's: k-means|| initialisation and Lloyd's algorithm, each pass one task per block of a dask array.",
	Params: []sklearn.ParamSpec{
		{Name: "n_clusters", Def: starlark.MakeInt(8)}, {Name: "init", Def: starlark.String("k-means||")}, {Name: "oversampling_factor", Def: starlark.MakeInt(2)},
		{Name: "max_iter", Def: starlark.MakeInt(300)}, {Name: "tol", Def: starlark.Float(0.0001)}, {Name: "precompute_distances", Def: starlark.String("auto")},
		{Name: "random_state", Def: starlark.None}, {Name: "copy_x", Def: starlark.True}, {Name: "n_jobs", Def: starlark.MakeInt(1)}, {Name: "algorithm", Def: starlark.String("full")},
		{Name: "init_max_iter", Def: starlark.None}, {Name: "n_init", Def: starlark.String("auto")},
	},
	Fit: fitDaskKMeans,
	Methods: map[string]sklearn.EstimatorMethod{
		"predict": {Doc: "The index of the nearest cluster centre of each row of X, as a dask array.", Fn: daskKMeansPredict},
	},
}

// kmeansParams is the operation "kmeans": one block's share of a pass.
type kmeansParams struct {
	// Kind: "dist" (each row's squared distance to the nearest of
	// Centers; with a second input, the smaller of that and the row's
	// earlier distance), "sum" (the sum of such distances, the only
	// input), "sample" (k-means|| oversampling: the rows drawn with
	// probability Factor·d²/Phi, uniforms from a RandomState seeded with
	// Seed; the second input holds d²), "lloyd" (sums and counts per
	// nearest centre, and the sums of d² and d), "labels" (the nearest
	// centre of each row), "distance" (the sum of the distances to the
	// labelled centres; the second input holds the labels), "take"
	// (Rows).
	Kind    string    `json:"kind"`
	Centers []float64 `json:"centers,omitempty"`
	K       int       `json:"k,omitempty"`
	Factor  float64   `json:"factor,omitempty"`
	Phi     float64   `json:"phi,omitempty"`
	Seed    []uint32  `json:"seed,omitempty"`
	Rows    []int     `json:"rows,omitempty"`
}

func init() {
	graph.Register("kmeans", func(_ *graph.Env, raw json.RawMessage, in []graph.Value) (graph.Value, error) {
		var p kmeansParams
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, err
		}
		arrays := make([]*ndarray.Array, len(in))
		for i, v := range in {
			a, err := dasharray.BlockArray(v)
			if err != nil {
				return nil, err
			}
			arrays[i] = a
		}
		if p.Kind == "sum" {
			return starlark.Float(sumInOrder(arrays[0].AsFloat64s())), nil
		}
		a := arrays[0]
		if a.DType() != ndarray.Float64 {
			a = a.AsType(ndarray.Float64)
		}
		X, err := a.Dense()
		if err != nil {
			return nil, err
		}
		var C *mat.Dense
		if p.K > 0 {
			C = &mat.Dense{Rows: p.K, Cols: len(p.Centers) / p.K, Data: p.Centers}
		}
		return kmeansBlock(p, X, C, arrays[1:])
	})
}

// sumInOrder adds xs one after another (dask-ml's costs are sums over
// blocks; within a block the order is the rows').
func sumInOrder(xs []float64) float64 {
	s := 0.0
	for _, v := range xs {
		s += v
	}
	return s
}

// kmeansBlock runs one block's share of a pass: tight loops over the
// block's float64s (engine/ml/cluster), small results.
func kmeansBlock(p kmeansParams, X, C *mat.Dense, more []*ndarray.Array) (graph.Value, error) {
	n := X.Rows
	switch p.Kind {
	case "take":
		return numpy.NewArray(ndarray.FromDense(X.SelectRows(p.Rows))), nil
	case "distance":
		labels := more[0].AsInt64s()
		s := 0.0
		for i := range n {
			s += math.Sqrt(sqDistRow(X.Row(i), C.Row(int(labels[i]))))
		}
		return starlark.Float(s), nil
	case "sample":
		d2 := more[0].AsFloat64s()
		rs, err := rng.NewFromArray(p.Seed)
		if err != nil {
			return nil, err
		}
		draws := make([]float64, n)
		rs.FillRandomSample(draws)
		var picked []int
		for i, d := range d2 {
			// dask-ml: p = oversampling_factor * distances / denom;
			// picked = p > draws.
			if p.Factor*d/p.Phi > draws[i] {
				picked = append(picked, i)
			}
		}
		idx := make([]int64, len(picked))
		for j, i := range picked {
			idx[j] = int64(i)
		}
		rows := X.SelectRows(picked)
		return starlark.Tuple{numpy.NewArray(ndarray.FromInt64s(idx, len(idx))), numpy.NewArray(ndarray.FromFloat64s(rows.Data, len(picked), X.Cols))}, nil
	}
	labels := make([]int64, n)
	d2 := make([]float64, n)
	total := mlcluster.Nearest(X, C, labels, d2)
	switch p.Kind {
	case "dist":
		if len(more) > 0 {
			// The distance to the nearest of all candidates is the
			// smaller of the distances to the earlier ones and to the
			// new ones: min is exact, so this is dask-ml's recomputed
			// distance to the bit.
			for i, old := range more[0].AsFloat64s() {
				d2[i] = min(d2[i], old)
			}
		}
		return numpy.NewArray(ndarray.FromFloat64s(d2, n)), nil
	case "labels":
		return numpy.NewArray(ndarray.FromInt64s(labels, n)), nil
	case "lloyd":
		k, d := C.Rows, C.Cols
		out := make([]float64, k*d+k+2)
		sums := &mat.Dense{Rows: k, Cols: d, Data: out[:k*d]}
		mlcluster.Sums(X, nil, labels, sums, out[k*d:k*d+k])
		root := 0.0
		for _, v := range d2 {
			root += math.Sqrt(v)
		}
		out[k*d+k], out[k*d+k+1] = total, root
		return numpy.NewArray(ndarray.FromFloat64s(out, len(out))), nil
	}
	return nil, fmt.Errorf("kmeans: unknown kind %q", p.Kind)
}

func sqDistRow(a, b []float64) float64 {
	s := 0.0
	for j, v := range a {
		d := v - b[j]
		s += d * d
	}
	return s
}

// kmeansInput converts fit's X to a 2-D float64 dask array with whole
// rows in every block; a numpy array is one block.
func kmeansInput(v starlark.Value) (*dasharray.DaskArray, error) {
	x, ok := v.(*dasharray.DaskArray)
	if !ok {
		a, err := sklearn.DenseX(v)
		if err != nil {
			return nil, err
		}
		r, err := dasharray.FromArray(nil, starlark.NewBuiltin("from_array", nil), starlark.Tuple{sklearn.DenseArray(a), starlark.MakeInt(-1)}, nil)
		if err != nil {
			return nil, err
		}
		x = r.(*dasharray.DaskArray)
	}
	switch {
	case x.NDim() == 1:
		return nil, fmt.Errorf("ValueError: Expected 2D array, got 1D array instead. Reshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.")
	case x.NDim() != 2:
		return nil, fmt.Errorf("ValueError: Found array with dim %d. Estimator expected <= 2.", x.NDim())
	case len(x.Chunks()[1]) > 1:
		return nil, fmt.Errorf("ValueError: Chunking is only allowed on the first axis. Use 'array.rechunk({1: array.shape[1]})' to rechunk to a single block along the second axis.")
	case x.Shape()[0] == 0:
		return nil, fmt.Errorf("ValueError: Found array with 0 sample(s) (shape=%s) while a minimum of 1 is required.", ndarray.ShapeString(x.Shape()))
	}
	if x.DType() != ndarray.Float64 {
		x = x.Blockwise("astype", dasharray.Params{Kind: "astype", DType: "float64"}, ndarray.Float64)
	}
	return x, nil
}

// kmeansRun runs the passes of one fit on the Client's scheduler, or on
// a scheduler of the host's local workers made for the fit.
type kmeansRun struct {
	ss  *session.Session
	x   *dasharray.DaskArray
	s   *sched.Scheduler
	own bool
	// offsets are the first row of each block.
	offsets []int
	// kept holds the tasks whose results stay on the workers between
	// passes (the rows' distances during k-means||).
	kept graph.Graph
	// also holds tasks a pass may depend on that others keep (labels).
	also graph.Graph
}

func newKMeansRun(ss *session.Session, x *dasharray.DaskArray) (*kmeansRun, error) {
	r := &kmeansRun{ss: ss, x: x}
	if c := ss.Cluster(); c != nil && c.Scheduler() != nil {
		r.s = c.Scheduler()
	} else if c, err := ss.Pool(); err == nil && c.Scheduler() != nil {
		// No Client: the workers that compute without one, where an
		// array persisted without a Client is.
		r.s = c.Scheduler()
	} else if s, ok := ss.Host().Local().(*sched.Scheduler); ok {
		r.s, r.own = s, true
	} else {
		return nil, fmt.Errorf("RuntimeError: KMeans needs a scheduler: start a Client first")
	}
	off := 0
	for _, c := range x.Chunks()[0] {
		r.offsets = append(r.offsets, off)
		off += c
	}
	return r, nil
}

func (r *kmeansRun) close() {
	var keys []graph.Key
	for k := range r.kept {
		keys = append(keys, k)
	}
	r.release(keys)
	if r.own {
		r.s.Close()
	}
}

// tasks adds to a copy of x's graph (and of the tasks kept) one task
// per block (of the blocks in which, all when nil) running the params
// each gets, on block i of X and on the keys deps(i) gives.
func (r *kmeansRun) tasks(prefix string, which []int, params func(i int) kmeansParams, deps func(i int) []graph.Key) (graph.Graph, []graph.Key) {
	name := prefix + "-" + dask.NewToken()
	g := graph.Merge(r.x.DaskGraph(), r.kept, r.also)
	if which == nil {
		for i := range r.offsets {
			which = append(which, i)
		}
	}
	keys := make([]graph.Key, 0, len(which))
	for _, i := range which {
		key := dasharray.BlockKey(name, []int{i})
		d := []graph.Key{dasharray.BlockKey(r.x.Name(), []int{i, 0})}
		if deps != nil {
			d = deps(i)
		}
		g[key] = &graph.Task{Key: key, Deps: d, Stages: []graph.Stage{graph.NewStage("kmeans", params(i))}}
		keys = append(keys, key)
	}
	return g, keys
}

// pass runs one task per block and returns their values in block order.
func (r *kmeansRun) pass(prefix string, which []int, params func(i int) kmeansParams, deps func(i int) []graph.Key) ([]graph.Value, error) {
	g, keys := r.tasks(prefix, which, params, deps)
	return r.s.Compute(r.ss.Context(), g, keys)
}

// keep runs one task per block and keeps the results where they were
// computed, for later passes; release lets them go.
func (r *kmeansRun) keep(prefix string, params func(i int) kmeansParams, deps func(i int) []graph.Key) ([]graph.Key, error) {
	g, keys := r.tasks(prefix, nil, params, deps)
	if err := dask.SubmitGraph(r.s, g, keys); err != nil {
		return nil, err
	}
	if err := r.s.Wait(r.ss.Context(), keys); err != nil {
		r.s.Release(keys)
		return nil, err
	}
	if r.kept == nil {
		r.kept = graph.Graph{}
	}
	for _, k := range keys {
		r.kept[k] = g[k]
	}
	return keys, nil
}

func (r *kmeansRun) release(keys []graph.Key) {
	r.s.Release(keys)
	for _, k := range keys {
		delete(r.kept, k)
	}
}

// centersParams puts centres in a pass's parameters.
func centersParams(kind string, C *mat.Dense) kmeansParams {
	return kmeansParams{Kind: kind, Centers: C.Data, K: C.Rows}
}

// sumFloats adds the blocks' numbers in block order.
func sumFloats(vs []graph.Value) float64 {
	s := 0.0
	for _, v := range vs {
		f, _ := starlark.AsFloat(v.(starlark.Value))
		s += f
	}
	return s
}

// stateData is dask.utils.random_state_data(n, rs): n seeds of 624
// words, one for each block's RandomState, as dask.array.random draws
// them.
func stateData(rs *rng.RandomState, n int) [][]uint32 {
	out := make([][]uint32, n)
	for i := range out {
		out[i] = make([]uint32, 624)
		for j := range out[i] {
			out[i][j] = rs.Uint32()
		}
	}
	return out
}

// rows fetches rows of X by global position (sorted), a task per block
// holding some.
func (r *kmeansRun) rows(pos []int) (*mat.Dense, error) {
	byBlock := map[int][]int{}
	var which []int
	for _, p := range pos {
		b := sort.SearchInts(r.offsets, p+1) - 1
		if byBlock[b] == nil {
			which = append(which, b)
		}
		byBlock[b] = append(byBlock[b], p-r.offsets[b])
	}
	vals, err := r.pass("kmeans-take", which, func(i int) kmeansParams {
		return kmeansParams{Kind: "take", Rows: byBlock[i]}
	}, nil)
	if err != nil {
		return nil, err
	}
	d := r.x.Shape()[1]
	out := mat.New(0, d)
	for _, v := range vals {
		a, err := dasharray.BlockArray(v)
		if err != nil {
			return nil, err
		}
		out.Data = append(out.Data, a.Float64s()...)
		out.Rows += a.Shape()[0]
	}
	return out, nil
}

// scalableInit is dask-ml's init_scalable (k-means||): row 0 as the first
// candidate; round(log φ) rounds (at most init_max_iter) in which every
// row joins the candidates with probability oversampling_factor·d²/φ;
// then scikit-learn's KMeans on the candidates, seeded from the dask
// RandomState, for the k centres.
func (r *kmeansRun) scalableInit(K int, factor float64, maxIter *int, nInit int, rs *rng.RandomState) (*mat.Dense, error) {
	cand, err := r.rows([]int{0})
	if err != nil {
		return nil, err
	}
	picked := map[int][]float64{0: cand.Row(0)}
	// Each block's rows keep their squared distance to the nearest
	// candidate on the worker; a round measures only the new candidates.
	// dask-ml measures all of them every round, with the same result.
	var dist []graph.Key
	measure := func(C *mat.Dense) (float64, error) {
		prev := dist
		keys, err := r.keep("kmeans-init-distance", func(int) kmeansParams { return centersParams("dist", C) }, func(i int) []graph.Key {
			d := []graph.Key{dasharray.BlockKey(r.x.Name(), []int{i, 0})}
			if prev != nil {
				d = append(d, prev[i])
			}
			return d
		})
		if err != nil {
			return 0, err
		}
		if prev != nil {
			r.release(prev)
		}
		dist = keys
		costs, err := r.pass("kmeans-init-cost", nil, func(int) kmeansParams { return kmeansParams{Kind: "sum"} },
			func(i int) []graph.Key { return []graph.Key{dist[i]} })
		if err != nil {
			return 0, err
		}
		return sumFloats(costs), nil
	}
	phi, err := measure(cand)
	if err != nil {
		return nil, err
	}
	if math.IsNaN(phi) || math.IsInf(phi, 0) {
		return nil, fmt.Errorf("ValueError: Input contains NaN, infinity or a value too large for dtype('float64').")
	}
	rounds := 0
	if phi != 0 {
		rounds = int(math.RoundToEven(rng.Log(phi)))
	}
	if maxIter != nil {
		rounds = min(rounds, *maxIter)
	}
	d := r.x.Shape()[1]
	for round := 0; round < rounds; round++ {
		seeds := stateData(rs, len(r.offsets))
		vals, err := r.pass("kmeans-init-sample", nil, func(i int) kmeansParams {
			return kmeansParams{Kind: "sample", Factor: factor, Phi: phi, Seed: seeds[i]}
		}, func(i int) []graph.Key { return []graph.Key{dasharray.BlockKey(r.x.Name(), []int{i, 0}), dist[i]} })
		if err != nil {
			return nil, err
		}
		fresh := mat.New(0, d)
		for b, v := range vals {
			t := v.(starlark.Tuple)
			idx, err := dasharray.BlockArray(t[0])
			if err != nil {
				return nil, err
			}
			rows, err := dasharray.BlockArray(t[1])
			if err != nil {
				return nil, err
			}
			fs := rows.Float64s()
			for j, i := range idx.Int64s() {
				p := r.offsets[b] + int(i)
				if _, seen := picked[p]; !seen {
					picked[p] = fs[j*d : (j+1)*d]
					fresh.Data = append(fresh.Data, picked[p]...)
					fresh.Rows++
				}
			}
		}
		// The candidates in the order of their rows, as X[sorted(c_idx)].
		pos := make([]int, 0, len(picked))
		for p := range picked {
			pos = append(pos, p)
		}
		sort.Ints(pos)
		cand = mat.New(0, d)
		for _, p := range pos {
			cand.Data = append(cand.Data, picked[p]...)
			cand.Rows++
		}
		if round+1 < rounds && fresh.Rows > 0 {
			if phi, err = measure(fresh); err != nil {
				return nil, err
			}
		}
	}
	if cand.Rows < K {
		// Too few candidates: dask-ml adds rows drawn at random.
		need := K - cand.Rows
		seed := stateData(rs, 1)[0]
		rs2, err := rng.NewFromArray(seed)
		if err != nil {
			return nil, err
		}
		locs, err := rs2.Choice(int64(r.x.Shape()[0]), need, false, nil)
		if err != nil {
			return nil, sklearn.PyValueError(err)
		}
		pos := make([]int, len(locs))
		for i, l := range locs {
			pos[i] = int(l)
		}
		sort.Ints(pos)
		extra, err := r.rows(pos)
		if err != nil {
			return nil, err
		}
		cand.Data = append(cand.Data, extra.Data...)
		cand.Rows += extra.Rows
		return cand, nil
	}
	// rng2 = random_state.randint(0, np.iinfo("i4").max - 1, chunks=())
	seed := stateData(rs, 1)[0]
	rs2, err := rng.NewFromArray(seed)
	if err != nil {
		return nil, err
	}
	rng2, _ := rs2.Randint(0, math.MaxInt32-1)
	p := mlcluster.DefaultParams()
	p.K, p.NInit = K, nInit
	res, err := mlcluster.Fit(cand, p, sklearn.RNGSource{R: rng.New(uint32(rng2))})
	if err != nil {
		return nil, sklearn.PyValueError(err)
	}
	return res.Centers, nil
}

// daskKMeansParams are the parameters fit reads.
type daskKMeansParams struct {
	K, MaxIter, NInit int
	Init              starlark.Value
	Factor, Tol       float64
	InitMaxIter       *int
}

func readDaskKMeans(th *starlark.Thread, e *sklearn.Estimator) (daskKMeansParams, error) {
	var p daskKMeansParams
	var err error
	if p.K, err = e.IntParam("n_clusters"); err != nil || p.K < 1 {
		return p, e.Invalid("n_clusters", "an int in the range [1, inf)")
	}
	if p.MaxIter, err = e.IntParam("max_iter"); err != nil || p.MaxIter < 1 {
		return p, e.Invalid("max_iter", "an int in the range [1, inf)")
	}
	if p.Factor, err = e.FloatParam("oversampling_factor"); err != nil || p.Factor <= 0 {
		return p, e.Invalid("oversampling_factor", "a number in the range (0, inf)")
	}
	if p.Tol, err = e.FloatParam("tol"); err != nil || p.Tol < 0 {
		return p, e.Invalid("tol", "a float in the range [0.0, inf)")
	}
	if v := e.Param("init_max_iter"); v != starlark.None {
		n, err := e.IntParam("init_max_iter")
		if err != nil {
			return p, e.Invalid("init_max_iter", "an int or None")
		}
		p.InitMaxIter = &n
	}
	// n_init is scikit-learn's, for the KMeans on the candidates.
	switch v := e.Param("n_init").(type) {
	case starlark.String:
		switch v {
		case "auto":
			p.NInit = 1
		case "warn":
			sklearn.Warn(th, "FutureWarning: The default value of `n_init` will change from 10 to 'auto' in 1.4. Set the value of `n_init` explicitly to suppress the warning")
			p.NInit = 10
		default:
			return p, e.Invalid("n_init", "a str among {'auto', 'warn'} or an int in the range [1, inf)")
		}
	default:
		if p.NInit, err = e.IntParam("n_init"); err != nil || p.NInit < 1 {
			return p, e.Invalid("n_init", "a str among {'auto', 'warn'} or an int in the range [1, inf)")
		}
	}
	if _, err := e.StringParam("algorithm", "full"); err != nil {
		return p, err
	}
	p.Init = e.Param("init")
	return p, nil
}

// fitDaskKMeans is dask-ml's KMeans.fit: initial centres (k-means|| by
// default), then Lloyd's iterations until the centres move less than tol
// (the squared norm of the change, as dask-ml compares it) or max_iter.
// Every pass is a task per block on the workers holding the blocks; the
// kernel only adds up their small results.
func fitDaskKMeans(th *starlark.Thread, e *sklearn.Estimator, Xv, _ starlark.Value) error {
	p, err := readDaskKMeans(th, e)
	if err != nil {
		return err
	}
	X, err := kmeansInput(Xv)
	if err != nil {
		return err
	}
	n, d := X.Shape()[0], X.Shape()[1]
	run, err := newKMeansRun(session.Of(th), X)
	if err != nil {
		return err
	}
	defer run.close()

	var centers *mat.Dense
	switch init := p.Init.(type) {
	case starlark.String:
		switch init {
		case "k-means||":
			rs, err := sklearn.RandomState(e.Param("random_state"))
			if err != nil {
				return err
			}
			if centers, err = run.scalableInit(p.K, p.Factor, p.InitMaxIter, p.NInit, rs); err != nil {
				return err
			}
		case "k-means++":
			rs, err := sklearn.RandomState(e.Param("random_state"))
			if err != nil {
				return err
			}
			every := make([]int, n)
			for i := range every {
				every[i] = i
			}
			all, err := run.rows(every)
			if err != nil {
				return err
			}
			if all.Rows < p.K {
				return fmt.Errorf("ValueError: n_samples=%d should be >= n_clusters=%d.", all.Rows, p.K)
			}
			centers = mlcluster.PlusPlus(all, nil, p.K, sklearn.RNGSource{R: rs})
		case "random":
			rs, err := sklearn.RandomState(e.Param("random_state"))
			if err != nil {
				return err
			}
			idx := make([]int64, p.K)
			if err := rs.FillRandint(idx, 0, int64(n)); err != nil {
				return sklearn.PyValueError(err)
			}
			pos := make([]int, p.K)
			for i, v := range idx {
				pos[i] = int(v)
			}
			sort.Ints(pos)
			if centers, err = run.rows(pos); err != nil {
				return err
			}
		default:
			return fmt.Errorf("ValueError: 'init' must be one of {'k-means||', 'k-means++', 'random'}, got %s", init)
		}
	default:
		a, err := sklearn.DenseX(p.Init)
		if err != nil {
			return fmt.Errorf("TypeError: 'init' must be an array or str, got %s", session.TypeName(p.Init))
		}
		if a.Rows != p.K {
			return fmt.Errorf("ValueError: Number of centers in provided 'init' (%d) does not match 'n_clusters' (%d)", a.Rows, p.K)
		}
		if a.Cols != d {
			return fmt.Errorf("ValueError: Number of features in the provided 'init' (%d) do not match the number of features in 'X'", a.Cols)
		}
		centers = &mat.Dense{Rows: a.Rows, Cols: a.Cols, Data: append([]float64(nil), a.Data...)}
	}

	// Lloyd's iterations.
	K := centers.Rows
	var shift, sq, root float64
	last := centers // the centres of the last pass
	iter := 0
	for iter < p.MaxIter {
		iter++
		vals, err := run.pass("kmeans-lloyd", nil, func(int) kmeansParams { return centersParams("lloyd", centers) }, nil)
		if err != nil {
			return err
		}
		last = centers
		sums := make([]float64, K*d)
		counts := make([]float64, K)
		sq, root = 0, 0
		for _, v := range vals {
			a, err := dasharray.BlockArray(v)
			if err != nil {
				return err
			}
			f := a.Float64s()
			for j := range sums {
				sums[j] += f[j]
			}
			for c := range counts {
				counts[c] += f[K*d+c]
			}
			sq += f[K*d+K]
			root += f[K*d+K+1]
		}
		next := mat.New(K, d)
		shift = 0
		for c := 0; c < K; c++ {
			// counts = da.maximum(counts, 1): an empty cluster's centre
			// becomes the origin, as in dask-ml.
			cnt := max(counts[c], 1)
			for j := 0; j < d; j++ {
				v := sums[c*d+j] / cnt
				next.Data[c*d+j] = v
				diff := centers.Data[c*d+j] - v
				shift += diff * diff
			}
		}
		if shift < p.Tol {
			break
		}
		centers = next
	}
	if math.IsNaN(sq) || math.IsInf(sq, 0) {
		return fmt.Errorf("ValueError: Input contains NaN, infinity or a value too large for dtype('float64').")
	}

	// The labels: those of the last pass; when the centres still moved
	// (more than 1e-7), those of the final centres, and dask-ml's inertia
	// is then the sum of the distances, not of their squares.
	labelCenters, inertia := last, sq
	if shift > 1e-7 {
		labelCenters = centers
	}
	labels, err := run.labels(labelCenters)
	if err != nil {
		return err
	}
	if shift > 1e-7 {
		run.also = labels.DaskGraph()
		vals, err := run.pass("kmeans-distance", nil, func(int) kmeansParams { return centersParams("distance", centers) },
			func(i int) []graph.Key {
				return []graph.Key{dasharray.BlockKey(X.Name(), []int{i, 0}), dasharray.BlockKey(labels.Name(), []int{i})}
			})
		if err != nil {
			return err
		}
		inertia = sumFloats(vals)
	}
	e.Model = centers
	e.Fitted = starlark.StringDict{
		"cluster_centers_": sklearn.DenseArray(centers),
		"labels_":          labels,
		"inertia_":         starlark.Float(inertia),
		"n_iter_":          starlark.MakeInt(iter),
		"n_features_in_":   starlark.MakeInt(d),
	}
	return nil
}

// labels computes the label blocks against C and keeps them: on the
// Client's workers, released when the array is no longer used; without
// a Client, in the kernel.
func (r *kmeansRun) labels(C *mat.Dense) (*dasharray.DaskArray, error) {
	g, keys := r.tasks("kmeans-labels", nil, func(int) kmeansParams { return centersParams("labels", C) }, nil)
	// Named as dask-ml's labels_ (labels.astype(np.int32)) prints.
	name := "astype-" + dask.NewToken()
	out := graph.Graph{}
	for i, key := range keys {
		t := *g[key]
		t.Key = dasharray.BlockKey(name, []int{i})
		g[t.Key] = &t
		delete(g, key)
		keys[i] = t.Key
	}
	chunks := [][]int{r.x.Chunks()[0]}
	if r.own {
		vals, err := r.s.Compute(r.ss.Context(), g, keys)
		if err != nil {
			return nil, err
		}
		for i, key := range keys {
			out[key] = graph.LiteralTask(key, vals[i])
		}
		return dasharray.New(name, out, chunks, ndarray.Int64), nil
	}
	if err := dask.SubmitGraph(r.s, g, keys); err != nil {
		return nil, err
	}
	if err := r.s.Wait(r.ss.Context(), keys); err != nil {
		r.s.Release(keys)
		return nil, err
	}
	for _, key := range keys {
		out[key] = g[key]
	}
	x := dasharray.New(name, graph.Merge(r.x.DaskGraph(), out), chunks, ndarray.Int64)
	runtime.AddCleanup(x, func(s *sched.Scheduler) { s.Release(keys) }, r.s)
	return x, nil
}

// daskKMeansPredict is predict(X): the nearest centre of each row, a
// dask array computed block by block when needed.
func daskKMeansPredict(th *starlark.Thread, e *sklearn.Estimator, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var Xv starlark.Value
	if err := starlark.UnpackArgs("predict", args, kwargs, "X", &Xv); err != nil {
		return nil, err
	}
	if err := e.CheckFitted(); err != nil {
		return nil, err
	}
	X, err := kmeansInput(Xv)
	if err != nil {
		return nil, err
	}
	C := e.Model.(*mat.Dense)
	if X.Shape()[1] != C.Cols {
		return nil, fmt.Errorf("ValueError: X has %d features, but KMeans is expecting %d features as input.", X.Shape()[1], C.Cols)
	}
	name := "astype-" + graph.Tokenize("kmeans-predict", X.Name(), C.Data)
	g := graph.Merge(X.DaskGraph())
	stage := graph.NewStage("kmeans", centersParams("labels", C))
	for i := range X.Chunks()[0] {
		key := dasharray.BlockKey(name, []int{i})
		g[key] = &graph.Task{Key: key, Deps: []graph.Key{dasharray.BlockKey(X.Name(), []int{i, 0})}, Stages: []graph.Stage{stage}}
	}
	return dasharray.New(name, g, [][]int{X.Chunks()[0]}, ndarray.Int64), nil
}

// docs are dask_ml's docstrings.
var docs = map[string]string{
	"dask_ml.cluster.KMeans": "KMeans(n_clusters=8, init='k-means||', oversampling_factor=2, max_iter=300, tol=0.0001, random_state=None, init_max_iter=None, n_init='auto')\n\nScalable k-means, as dask-ml's: k-means|| picks candidate centres from every block in a few passes, scikit-learn's KMeans reduces them to n_clusters, then Lloyd's iterations improve them, each pass one task per block of the dask array on the workers that hold it. Fitted: cluster_centers_, labels_ (a dask array), inertia_, n_iter_.",
}

// Library is dask_ml: the module dask_ml.cluster with KMeans.
var Library = session.Library{Modules: modules, Docs: docs}

func modules(*session.Session) map[string]*session.Module {
	cl := &session.Module{Name: "dask_ml.cluster", Members: starlark.StringDict{
		"KMeans": sklearn.NewType(daskKMeansClass),
	}}
	return map[string]*session.Module{
		"dask_ml.cluster": cl,
		"dask_ml": {Name: "dask_ml", Members: starlark.StringDict{
			"__version__": starlark.String("2023.3.24"),
			"cluster":     cl,
		}},
	}
}

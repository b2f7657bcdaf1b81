package ndarray

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The fixtures in testdata are written by testdata/gen.py with numpy
// 1.24; their arrays come from a generator repeated here exactly.

type gen struct{ s uint64 }

func (g *gen) next() uint64 {
	g.s += 0x9E3779B97F4A7C15
	z := g.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

func (g *gen) uniform() float64 { return float64(g.next()>>11) * (1.0 / 9007199254740992.0) }
func (g *gen) intn(n int) int   { return int(g.next() % uint64(n)) }
func (g *gen) normal() float64 {
	return ((g.uniform() + g.uniform()) + (g.uniform() + g.uniform())) - 2.0
}

func scale(x float64, k int) float64 {
	if k >= 0 {
		return x * math.Pow10(k)
	}
	return x / math.Pow10(-k)
}

// pyRound is Python's round(x, d).
func pyRound(x float64, d int) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', d, 64), 64)
	return v
}

var (
	specials  = []float64{0.0, math.Copysign(0, -1), 1.5, 2.0, 0.1, 1e-05, 123456.789}
	nonfinite = []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0.0}
)

// generated repeats gen.py's make and array.
func generated(kind string, shape []int, seed uint64) *Array {
	g := &gen{s: seed}
	n := size(shape)
	k, _ := strconv.Atoi(kind[1:])
	if n == 0 {
		switch kind[0] {
		case 'f':
			return New(Float64, shape...)
		case 'i':
			return New(Int64, shape...)
		}
		return New(Bool, shape...)
	}
	switch kind[0] {
	case 'f':
		v := make([]float64, n)
		e := g.intn(26) - 12
		switch k {
		case 0:
			for j := range v {
				v[j] = g.normal()
			}
		case 1:
			for j := range v {
				v[j] = scale(g.normal(), e)
			}
		case 2:
			d := g.intn(4)
			for j := range v {
				v[j] = pyRound(g.normal()*10.0, d)
			}
		case 3:
			for j := range v {
				v[j] = math.Floor(g.uniform()*2000.0) - 1000
			}
		case 4:
			for j := range v {
				u := g.uniform()
				v[j] = scale(u, g.intn(16)-6)
			}
		case 5:
			for j := range v {
				v[j] = scale(g.normal(), e)
			}
			for c := 0; c < max(1, n/5); c++ {
				v[g.intn(n)] = math.NaN()
			}
		case 6:
			for j := range v {
				v[j] = g.normal()
			}
			for c := 0; c < max(1, n/5); c++ {
				v[g.intn(n)] = math.Inf(1)
			}
			for c := 0; c < max(1, n/7); c++ {
				v[g.intn(n)] = math.Inf(-1)
			}
		case 7:
			e2 := g.intn(14) - 5
			for j := range v {
				v[j] = scale(pyRound(g.uniform()*2.0-1.0, 2), e2)
			}
		case 8:
			for j := range v {
				v[j] = specials[g.intn(len(specials))]
			}
		case 9:
			for j := range v {
				v[j] = nonfinite[g.intn(len(nonfinite))]
			}
		case 10:
			for j := range v {
				v[j] = g.normal() / 1000.0
			}
		default:
			for j := range v {
				v[j] = pyRound(g.uniform()*99.0+1.0, 1)
			}
		}
		return FromFloat64s(v, shape...)
	case 'i':
		v := make([]int64, n)
		switch k {
		case 0:
			for j := range v {
				v[j] = int64(g.intn(20) - 10)
			}
		case 1:
			m := uint64(math.Pow10(1 + g.intn(11)))
			for j := range v {
				v[j] = int64(g.next() % m)
			}
		case 2:
			for j := range v {
				v[j] = int64(g.next()>>2) - (1 << 61)
			}
		default:
			for j := range v {
				v[j] = int64(g.intn(100005) - 5)
			}
		}
		return FromInt64s(v, shape...)
	}
	v := make([]bool, n)
	for j := range v {
		v[j] = g.next()&1 == 1
	}
	return FromBools(v, shape...)
}

type formatCase struct {
	Kind   string   `json:"kind"`
	Shape  []int    `json:"shape"`
	Seed   uint64   `json:"seed"`
	Values []string `json:"values"`
	Ints   []int64  `json:"ints"`
	Repr   string   `json:"repr"`
	Str    string   `json:"str"`
}

func (c formatCase) array(t *testing.T) *Array {
	switch {
	case c.Values != nil:
		v := make([]float64, len(c.Values))
		for k, s := range c.Values {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatal(err)
			}
			v[k] = f
		}
		return FromFloat64s(v, c.Shape...)
	case c.Ints != nil:
		return FromInt64s(c.Ints, c.Shape...)
	}
	return generated(c.Kind, c.Shape, c.Seed)
}

func TestFormatMatchesNumpy(t *testing.T) {
	b, err := os.ReadFile("testdata/format.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []formatCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, c := range cases {
		a := c.array(t)
		if got := a.Repr(); got != c.Repr {
			bad++
			if bad < 10 {
				t.Errorf("repr of %s %v seed %d:\n%s\nwant:\n%s", c.Kind, c.Shape, c.Seed, got, c.Repr)
			}
		}
		if got := a.Str(); got != c.Str {
			bad++
			if bad < 10 {
				t.Errorf("str of %s %v seed %d:\n%s\nwant:\n%s", c.Kind, c.Shape, c.Seed, got, c.Str)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d outputs differ", bad, 2*len(cases))
	}
	t.Logf("%d arrays", len(cases))
}

type result struct {
	DType  string `json:"dtype"`
	Shape  []int  `json:"shape"`
	Head   []any  `json:"head"`
	SHA256 string `json:"sha256"`
}

// digest is the SHA-256 of an array's bytes, as numpy's tobytes().
func digest(a *Array) string {
	h := sha256.New()
	var buf [8]byte
	switch a.dtype {
	case Float64:
		for _, v := range a.f {
			if v != v {
				v = math.Float64frombits(0x7ff8000000000000) // np.nan, as gen.py writes every NaN
			}
			binary.LittleEndian.PutUint64(buf[:], math.Float64bits(v))
			h.Write(buf[:])
		}
	case Int64:
		for _, v := range a.i {
			binary.LittleEndian.PutUint64(buf[:], uint64(v))
			h.Write(buf[:])
		}
	default:
		for _, v := range a.b {
			if v {
				h.Write([]byte{1})
			} else {
				h.Write([]byte{0})
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestReductionsMatchNumpy(t *testing.T) {
	b, err := os.ReadFile("testdata/reduce.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Kind  string                       `json:"kind"`
		Shape []int                        `json:"shape"`
		Seed  uint64                       `json:"seed"`
		R     map[string]map[string]result `json:"r"`
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	names := map[string]Reduction{"sum": Sum, "mean": Mean, "var": Var, "std": Std, "min": Min, "max": Max,
		"argmin": ArgMin, "argmax": ArgMax, "prod": Prod, "any": Any, "all": All, "std1": Std}
	checked := 0
	for _, c := range cases {
		a := generated(c.Kind, c.Shape, c.Seed)
		for ax, rs := range c.R {
			var axis *int
			if ax != "None" {
				n, _ := strconv.Atoi(ax)
				axis = &n
			}
			for name, want := range rs {
				ddof := 0
				if name == "std1" {
					ddof = 1
				}
				got, err := a.Reduce(names[name], axis, ddof)
				if err != nil {
					t.Errorf("%s %v axis %s %s: %v", c.Kind, c.Shape, ax, name, err)
					continue
				}
				checked++
				if got.dtype.String() != want.DType || !sameShape(got.shape, want.Shape) || digest(got) != want.SHA256 {
					head := []any{}
					for k := 0; k < min(3, got.Size()); k++ {
						if got.dtype == Float64 {
							head = append(head, strconv.FormatFloat(got.f[k], 'x', -1, 64))
						} else {
							head = append(head, got.Item(k))
						}
					}
					t.Errorf("%s %v axis %s %s: got %s %v %v, want %s %v %v", c.Kind, c.Shape, ax, name, got.dtype, got.shape, head, want.DType, want.Shape, want.Head)
				}
			}
		}
	}
	t.Logf("%d reductions", checked)
}

func checkResult(t *testing.T, what string, got *Array, err error, want result) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if got.dtype.String() != want.DType || !sameShape(got.shape, want.Shape) || digest(got) != want.SHA256 {
		head := []any{}
		for k := 0; k < min(3, got.Size()); k++ {
			if got.dtype == Float64 {
				head = append(head, strconv.FormatFloat(got.f[k], 'x', -1, 64))
			} else {
				head = append(head, got.Item(k))
			}
		}
		t.Errorf("%s: got %s %v %v, want %s %v %v", what, got.dtype, got.shape, head, want.DType, want.Shape, want.Head)
	}
}

// checkClose compares the first values of a result with numpy's within
// two units in the last place: exp, log and pow come from different math
// libraries (numpy's AVX-512 loops or glibc; Go's math package).
func checkClose(t *testing.T, what string, got *Array, err error, want result) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if got.dtype.String() != want.DType || !sameShape(got.shape, want.Shape) {
		t.Errorf("%s: got %s %v, want %s %v", what, got.dtype, got.shape, want.DType, want.Shape)
		return
	}
	for k, h := range want.Head {
		w, _ := strconv.ParseFloat(h.(string), 64)
		g := got.f[k]
		if g == w || g != g && w != w {
			continue
		}
		ulp := 2 * math.Abs(math.Nextafter(w, math.Inf(1))-w)
		if strings.HasPrefix(what, "power") {
			// Go's math.Pow is a few units off for non-integer powers.
			ulp = math.Abs(w) * 2e-14
		}
		if math.Abs(g-w) > ulp {
			t.Errorf("%s[%d]: got %v, want %v", what, k, g, w)
		}
	}
}

func TestOpsMatchNumpy(t *testing.T) {
	b, err := os.ReadFile("testdata/ops.json")
	if err != nil {
		t.Fatal(err)
	}
	var fx struct {
		Ops []struct {
			X, Y []json.RawMessage
			R    map[string]result
		}
		Ranges []struct {
			Fn       string    `json:"fn"`
			Args     []float64 `json:"args"`
			Int      bool      `json:"int"`
			Num      int       `json:"num"`
			Endpoint bool      `json:"endpoint"`
			R        result    `json:"r"`
		}
		Sorts []struct {
			Kind    string `json:"kind"`
			N       int    `json:"n"`
			Seed    uint64 `json:"seed"`
			Argsort result `json:"argsort"`
			Sort    result `json:"sort"`
		}
	}
	if err := json.Unmarshal(b, &fx); err != nil {
		t.Fatal(err)
	}
	arg := func(raw []json.RawMessage) *Array {
		var kind string
		var shape []int
		var seed uint64
		json.Unmarshal(raw[0], &kind)
		json.Unmarshal(raw[1], &shape)
		json.Unmarshal(raw[2], &seed)
		return generated(kind, shape, seed)
	}
	bin := map[string]Op{"add": Add, "subtract": Sub, "multiply": Mul, "divide": Div, "floor_divide": FloorDiv,
		"remainder": Mod, "power": Pow, "maximum": Maximum, "minimum": Minimum, "equal": Eq, "less": Lt, "greater_equal": Ge}
	un := map[string]UnaryOp{"negative": Neg, "absolute": Abs, "sqrt": Sqrt, "exp": Exp, "log": Log, "floor": Floor,
		"ceil": Ceil, "rint": Rint, "square": Square, "isnan": IsNaN}
	n := 0
	for _, c := range fx.Ops {
		x, y := arg(c.X), arg(c.Y)
		for name, want := range c.R {
			var got *Array
			var err error
			switch {
			case name == "power":
				ay, _ := Unary(Abs, y)
				three := Scalar(int64(3))
				if x.dtype != Float64 && y.dtype != Float64 {
					three = Scalar(int64(4))
				}
				yy, _ := Binary(Mod, ay, three)
				got, err = Binary(Pow, x, yy)
			case name == "power2":
				got, err = Binary(Pow, x, Scalar(int64(2)))
			case name == "power05":
				ax, _ := Unary(Abs, x)
				got, err = Binary(Pow, ax, Scalar(0.5))
			case name == "round2":
				got = Round(x, 2)
			case bin[name] != 0 || name == "add":
				got, err = Binary(bin[name], x, y)
			default:
				got, err = Unary(un[name], x)
			}
			n++
			what := fmt.Sprintf("%s(%s%v, %s%v)", name, c.X[0], x.shape, c.Y[0], y.shape)
			if (name == "exp" || name == "log" || name == "power" || name == "power05" && x.dtype != Float64) && want.DType == "float64" {
				checkClose(t, what, got, err, want)
				continue
			}
			checkResult(t, what, got, err, want)
		}
	}
	for _, c := range fx.Ranges {
		var got *Array
		var err error
		if c.Fn == "arange" {
			dt := Float64
			if c.Int {
				dt = Int64
			}
			got, err = Arange(c.Args[0], c.Args[1], c.Args[2], dt)
		} else {
			got, err = Linspace(c.Args[0], c.Args[1], c.Num, c.Endpoint)
		}
		n++
		checkResult(t, fmt.Sprintf("%s%v", c.Fn, c.Args), got, err, c.R)
	}
	for _, c := range fx.Sorts {
		a := generated(c.Kind, []int{c.N}, c.Seed)
		got, err := Argsort(a, nil)
		checkResult(t, fmt.Sprintf("argsort %s %d", c.Kind, c.N), got, err, c.Argsort)
		got, err = Sort(a, nil)
		checkResult(t, fmt.Sprintf("sort %s %d", c.Kind, c.N), got, err, c.Sort)
		n += 2
	}
	t.Logf("%d results", n)
}

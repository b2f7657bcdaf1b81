package stdlib

import (
	"bytes"
	"crypto/sha512"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.starlark.net/starlark"

	"burst/engine/ml/rng"
	"burst/engine/session"
)

// Python's random and json modules, as far as lessons use them.

// normalArgs reads mu and sigma, of gauss and normalvariate.
func normalArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) (mu, sigma float64, err error) {
	var muv, sigmav starlark.Value = starlark.Float(0), starlark.Float(1)
	if err := starlark.UnpackArgs(name, args, kwargs, "mu?", &muv, "sigma?", &sigmav); err != nil {
		return 0, 0, err
	}
	return floats(name, muv, sigmav)
}

// ---- random: CPython's Mersenne Twister, so seeded results match ----

// mt19937 is the generator of Python's random module (and numpy's
// legacy RandomState).
type mt19937 struct {
	mt  [624]uint32
	idx int
	// gaussNext is random.gauss's second value, kept for the next call.
	gaussNext *float64
}

func (m *mt19937) initGenrand(s uint32) {
	m.mt[0] = s
	for i := 1; i < 624; i++ {
		m.mt[i] = 1812433253*(m.mt[i-1]^(m.mt[i-1]>>30)) + uint32(i)
	}
	m.idx = 624
}

func (m *mt19937) initByArray(key []uint32) {
	m.initGenrand(19650218)
	i, j := 1, 0
	k := max(624, len(key))
	for ; k > 0; k-- {
		m.mt[i] = (m.mt[i] ^ ((m.mt[i-1] ^ (m.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			m.mt[0] = m.mt[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		m.mt[i] = (m.mt[i] ^ ((m.mt[i-1] ^ (m.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			m.mt[0] = m.mt[623]
			i = 1
		}
	}
	m.mt[0] = 0x80000000
	m.gaussNext = nil
}

func (m *mt19937) next() uint32 {
	if m.idx >= 624 {
		for k := 0; k < 624; k++ {
			y := m.mt[k]&0x80000000 | m.mt[(k+1)%624]&0x7fffffff
			v := m.mt[(k+397)%624] ^ (y >> 1)
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			m.mt[k] = v
		}
		m.idx = 0
	}
	y := m.mt[m.idx]
	m.idx++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// seed is random.seed(a): ints by their 32-bit words, strings (version 2)
// by their bytes followed by their SHA-512.
func (m *mt19937) seed(a starlark.Value) error {
	var n *big.Int
	switch x := a.(type) {
	case starlark.NoneType:
		n = big.NewInt(time.Now().UnixNano())
	case starlark.Int:
		n = new(big.Int).Abs(x.BigInt())
	case starlark.Bool:
		n = big.NewInt(0)
		if x {
			n.SetInt64(1)
		}
	case starlark.Float:
		// CPython hashes floats; integral ones hash to themselves.
		if float64(x) != math.Trunc(float64(x)) {
			return fmt.Errorf("TypeError: random.seed() of a non-integral float is not supported in Burst")
		}
		n, _ = new(big.Float).SetFloat64(math.Abs(float64(x))).Int(nil)
	case starlark.String:
		b := []byte(string(x))
		sum := sha512.Sum512(b)
		n = new(big.Int).SetBytes(append(b, sum[:]...))
	default:
		return fmt.Errorf("TypeError: The only supported seed types are: None, int, float, str, bytes, and bytearray.")
	}
	var key []uint32
	words := n.Bits()
	_ = words
	for t := new(big.Int).Set(n); t.Sign() > 0; t.Rsh(t, 32) {
		key = append(key, uint32(new(big.Int).And(t, big.NewInt(0xffffffff)).Uint64()))
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	m.initByArray(key)
	return nil
}

func (m *mt19937) random() float64 {
	a, b := m.next()>>5, m.next()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// getrandbits returns k random bits, as CPython assembles them.
func (m *mt19937) getrandbits(k int) *big.Int {
	if k <= 32 {
		return big.NewInt(int64(m.next() >> (32 - k)))
	}
	r := new(big.Int)
	for shift := 0; k > 0; shift, k = shift+32, k-32 {
		w := m.next()
		if k < 32 {
			w >>= 32 - k
		}
		r.Or(r, new(big.Int).Lsh(big.NewInt(int64(w)), uint(shift)))
	}
	return r
}

func (m *mt19937) randbelow(n *big.Int) *big.Int {
	k := n.BitLen()
	r := m.getrandbits(k)
	for r.Cmp(n) >= 0 {
		r = m.getrandbits(k)
	}
	return r
}

func (m *mt19937) randbelowInt(n int) int { return int(m.randbelow(big.NewInt(int64(n))).Int64()) }

func randomModule() *Module {
	gen := &mt19937{}
	gen.seed(starlark.None)
	r := func() *mt19937 { return gen }
	fn := func(name string, f func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
		return builtin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return f(args, kwargs)
		})
	}
	return &Module{Name: "random", Members: starlark.StringDict{
		"seed": fn("seed", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var a starlark.Value = starlark.None
			if err := starlark.UnpackArgs("seed", args, kwargs, "a?", &a); err != nil {
				return nil, err
			}
			return starlark.None, r().seed(a)
		}),
		"random": fn("random", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackPositionalArgs("random", args, kwargs, 0); err != nil {
				return nil, err
			}
			return starlark.Float(r().random()), nil
		}),
		"uniform": fn("uniform", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var av, bv starlark.Value
			if err := starlark.UnpackArgs("uniform", args, kwargs, "a", &av, "b", &bv); err != nil {
				return nil, err
			}
			a, b, err := floats("uniform", av, bv)
			if err != nil {
				return nil, err
			}
			return starlark.Float(a + (b-a)*r().random()), nil
		}),
		"randint": fn("randint", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var a, b starlark.Int
			if err := starlark.UnpackArgs("randint", args, kwargs, "a", &a, "b", &b); err != nil {
				return nil, err
			}
			width := new(big.Int).Sub(b.BigInt(), a.BigInt())
			width.Add(width, big.NewInt(1))
			if width.Sign() <= 0 {
				return nil, fmt.Errorf("ValueError: empty range for randrange() (%s, %s, %s)", a, new(big.Int).Add(b.BigInt(), big.NewInt(1)), width)
			}
			return starlark.MakeBigInt(new(big.Int).Add(a.BigInt(), r().randbelow(width))), nil
		}),
		"randrange": fn("randrange", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var start, stop, step starlark.Value = nil, starlark.None, starlark.MakeInt(1)
			if err := starlark.UnpackPositionalArgs("randrange", args, kwargs, 1, &start, &stop, &step); err != nil {
				return nil, err
			}
			lo, _ := starlark.AsInt32(start)
			if stop == starlark.None {
				if lo <= 0 {
					return nil, fmt.Errorf("ValueError: empty range for randrange()")
				}
				return starlark.MakeInt(r().randbelowInt(lo)), nil
			}
			hi, _ := starlark.AsInt32(stop)
			st, _ := starlark.AsInt32(step)
			if st == 1 {
				if hi <= lo {
					return nil, fmt.Errorf("ValueError: empty range for randrange() (%d, %d, %d)", lo, hi, hi-lo)
				}
				return starlark.MakeInt(lo + r().randbelowInt(hi-lo)), nil
			}
			if st == 0 {
				return nil, fmt.Errorf("ValueError: zero step for randrange()")
			}
			n := (hi - lo + st - 1) / st
			if st < 0 {
				n = (hi - lo + st + 1) / st
			}
			if n <= 0 {
				return nil, fmt.Errorf("ValueError: empty range for randrange()")
			}
			return starlark.MakeInt(lo + st*r().randbelowInt(n)), nil
		}),
		"choice": fn("choice", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var seq starlark.Value
			if err := starlark.UnpackPositionalArgs("choice", args, kwargs, 1, &seq); err != nil {
				return nil, err
			}
			if s, ok := seq.(starlark.String); ok {
				seq = session.Chars(s)
			}
			ix, ok := seq.(starlark.Indexable)
			if !ok {
				return nil, fmt.Errorf("TypeError: '%s' object is not subscriptable", session.TypeName(seq))
			}
			if ix.Len() == 0 {
				return nil, fmt.Errorf("IndexError: Cannot choose from an empty sequence")
			}
			return ix.Index(r().randbelowInt(ix.Len())), nil
		}),
		"shuffle": fn("shuffle", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var l *starlark.List
			if err := starlark.UnpackPositionalArgs("shuffle", args, kwargs, 1, &l); err != nil {
				return nil, err
			}
			for i := l.Len() - 1; i > 0; i-- {
				j := r().randbelowInt(i + 1)
				a, b := l.Index(i), l.Index(j)
				if err := l.SetIndex(i, b); err != nil {
					return nil, err
				}
				l.SetIndex(j, a)
			}
			return starlark.None, nil
		}),
		"sample": fn("sample", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var pop starlark.Value
			var k int
			if err := starlark.UnpackArgs("sample", args, kwargs, "population", &pop, "k", &k); err != nil {
				return nil, err
			}
			items, err := session.Values(pop)
			if err != nil {
				return nil, fmt.Errorf("TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).")
			}
			n := len(items)
			if k < 0 || k > n {
				return nil, fmt.Errorf("ValueError: Sample larger than population or is negative")
			}
			out := make([]starlark.Value, k)
			setsize := 21
			if k > 5 {
				setsize += int(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
			}
			if n <= setsize {
				pool := append([]starlark.Value(nil), items...)
				for i := 0; i < k; i++ {
					j := r().randbelowInt(n - i)
					out[i] = pool[j]
					pool[j] = pool[n-i-1]
				}
			} else {
				selected := map[int]bool{}
				for i := 0; i < k; i++ {
					j := r().randbelowInt(n)
					for selected[j] {
						j = r().randbelowInt(n)
					}
					selected[j] = true
					out[i] = items[j]
				}
			}
			return starlark.NewList(out), nil
		}),
		"gauss": fn("gauss", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			mu, sigma, err := normalArgs("gauss", args, kwargs)
			if err != nil {
				return nil, err
			}
			g := r()
			var z float64
			if g.gaussNext != nil {
				z = *g.gaussNext
				g.gaussNext = nil
			} else {
				// CPython calls libm's log, cos and sin; rng's are the
				// reference glibc's, bit for bit, where Go's math
				// package differs in the last bit.
				x2pi := g.random() * (2 * math.Pi)
				g2rad := math.Sqrt(-2 * rng.Log(1-g.random()))
				z = rng.Cos(x2pi) * g2rad
				next := rng.Sin(x2pi) * g2rad
				g.gaussNext = &next
			}
			return starlark.Float(mu + float64(z*sigma)), nil
		}),
		"normalvariate": fn("normalvariate", func(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			mu, sigma, err := normalArgs("normalvariate", args, kwargs)
			if err != nil {
				return nil, err
			}
			const magic = 0x1.b72cd3f331398p+0 // NV_MAGICCONST = 4*exp(-0.5)/sqrt(2.0), as CPython computes it
			for {
				u1 := r().random()
				u2 := 1 - r().random()
				z := magic * (u1 - 0.5) / u2
				if z*z/4 <= -rng.Log(u2) {
					return starlark.Float(mu + float64(z*sigma)), nil
				}
			}
		}),
	}}
}

// ---- json ----

func jsonModule() *Module {
	return &Module{Name: "json", Members: starlark.StringDict{
		"dumps": builtin("dumps", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var obj starlark.Value
			var indent starlark.Value = starlark.None
			sortKeys := false
			if err := starlark.UnpackArgs("dumps", args, kwargs, "obj", &obj, "indent?", &indent, "sort_keys?", &sortKeys); err != nil {
				return nil, err
			}
			ind := ""
			if indent != starlark.None {
				n, err := starlark.AsInt32(indent)
				if err != nil {
					s, ok := starlark.AsString(indent)
					if !ok {
						return nil, fmt.Errorf("TypeError: indent must be an int or a str")
					}
					ind = s
				} else {
					ind = strings.Repeat(" ", n)
				}
			}
			var buf strings.Builder
			if err := jsonWrite(&buf, obj, indent != starlark.None, ind, "", sortKeys); err != nil {
				return nil, err
			}
			return starlark.String(buf.String()), nil
		}),
		"loads": builtin("loads", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s string
			if err := starlark.UnpackPositionalArgs("loads", args, kwargs, 1, &s); err != nil {
				return nil, err
			}
			dec := json.NewDecoder(strings.NewReader(s))
			dec.UseNumber()
			v, err := jsonRead(dec)
			if err != nil {
				// The whole-document decoder says more, and where.
				off := int(dec.InputOffset())
				var x any
				if uerr := json.Unmarshal([]byte(s), &x); uerr != nil {
					err = uerr
					if se, ok := uerr.(*json.SyntaxError); ok {
						off = int(se.Offset) - 1
					}
				}
				off = max(0, min(off, len(s)))
				line := strings.Count(s[:off], "\n") + 1
				col := off - strings.LastIndexByte(s[:off], '\n')
				return nil, fmt.Errorf("JSONDecodeError: %v: line %d column %d (char %d)", err, line, col, off)
			}
			if _, err := dec.Token(); err == nil {
				return nil, fmt.Errorf("JSONDecodeError: Extra data")
			}
			return v, nil
		}),
	}}
}

func jsonWrite(b *strings.Builder, v starlark.Value, pretty bool, indent, cur string, sortKeys bool) error {
	nl := func(level string) {
		if pretty {
			b.WriteString("\n" + level)
		}
	}
	sep := ", "
	if pretty {
		sep = ","
	}
	// A library's dict or tuple (Counter, a named tuple) writes as the
	// plain value it holds.
	if p, ok := v.(interface{ PlainValue() starlark.Value }); ok {
		v = p.PlainValue()
	}
	switch x := v.(type) {
	case starlark.NoneType:
		b.WriteString("null")
	case starlark.Bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case starlark.Int:
		b.WriteString(x.String())
	case starlark.Float:
		f := float64(x)
		switch {
		case math.IsNaN(f):
			b.WriteString("NaN")
		case math.IsInf(f, 1):
			b.WriteString("Infinity")
		case math.IsInf(f, -1):
			b.WriteString("-Infinity")
		default:
			b.WriteString(session.Repr(x))
		}
	case starlark.String:
		b.WriteString(jsonQuote(string(x)))
	case *starlark.List, starlark.Tuple:
		items, _ := session.Values(x)
		if len(items) == 0 {
			b.WriteString("[]")
			return nil
		}
		b.WriteString("[")
		for i, it := range items {
			if i > 0 {
				b.WriteString(sep)
			}
			nl(cur + indent)
			if err := jsonWrite(b, it, pretty, indent, cur+indent, sortKeys); err != nil {
				return err
			}
		}
		nl(cur)
		b.WriteString("]")
	case *starlark.Dict:
		items := x.Items()
		if len(items) == 0 {
			b.WriteString("{}")
			return nil
		}
		keys := make([]string, len(items))
		for i, it := range items {
			switch k := it[0].(type) {
			case starlark.String:
				keys[i] = string(k)
			case starlark.Int, starlark.Float, starlark.Bool, starlark.NoneType:
				var kb strings.Builder
				jsonWrite(&kb, k, false, "", "", false)
				keys[i] = kb.String()
			default:
				return fmt.Errorf("TypeError: keys must be str, int, float, bool or None, not %s", session.TypeName(k))
			}
		}
		order := make([]int, len(items))
		for i := range order {
			order[i] = i
		}
		if sortKeys {
			sort.SliceStable(order, func(a, c int) bool { return keys[order[a]] < keys[order[c]] })
		}
		b.WriteString("{")
		for n, i := range order {
			if n > 0 {
				b.WriteString(sep)
			}
			nl(cur + indent)
			b.WriteString(jsonQuote(keys[i]) + ": ")
			if err := jsonWrite(b, items[i][1], pretty, indent, cur+indent, sortKeys); err != nil {
				return err
			}
		}
		nl(cur)
		b.WriteString("}")
	default:
		return fmt.Errorf("TypeError: Object of type %s is not JSON serializable", session.TypeName(v))
	}
	return nil
}

// jsonQuote quotes as Python's json (ensure_ascii): non-ASCII as \uXXXX.
func jsonQuote(s string) string {
	var b bytes.Buffer
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r > 0x7e:
			if r > 0xffff {
				r -= 0x10000
				fmt.Fprintf(&b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// jsonRead reads one JSON value, keeping the order of object keys as
// Python's json does.
func jsonRead(dec *json.Decoder) (starlark.Value, error) {
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch x := t.(type) {
	case json.Delim:
		switch x {
		case '[':
			var out []starlark.Value
			for dec.More() {
				v, err := jsonRead(dec)
				if err != nil {
					return nil, err
				}
				out = append(out, v)
			}
			_, err := dec.Token()
			return starlark.NewList(out), err
		case '{':
			d := starlark.NewDict(0)
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := jsonRead(dec)
				if err != nil {
					return nil, err
				}
				d.SetKey(starlark.String(kt.(string)), v)
			}
			_, err := dec.Token()
			return d, err
		}
	case nil:
		return starlark.None, nil
	case bool:
		return starlark.Bool(x), nil
	case json.Number:
		if i, ok := new(big.Int).SetString(string(x), 10); ok {
			return starlark.MakeBigInt(i), nil
		}
		f, _ := strconv.ParseFloat(string(x), 64)
		return starlark.Float(f), nil
	case string:
		return starlark.String(x), nil
	}
	return nil, fmt.Errorf("unexpected %v", t)
}

// floats converts numbers (ints too) to float64s.
func floats(fn string, vs ...starlark.Value) (float64, float64, error) {
	var out [2]float64
	for i, v := range vs {
		f, ok := starlark.AsFloat(v)
		if !ok {
			return 0, 0, fmt.Errorf("TypeError: %s: must be real number, not %s", fn, session.TypeName(v))
		}
		out[i] = f
	}
	return out[0], out[1], nil
}

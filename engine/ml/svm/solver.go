package svm

import "math"

// tau replaces a non-positive curvature in the two-variable subproblem.
const tau = 1e-12

const (
	lowerBound int8 = iota
	upperBound
	free
)

// solver is libsvm's Solver: SMO with second-order working-set selection
// (WSS3, Fan, Chen and Lin, JMLR 2005) for
//
//	min ½αᵀQα + pᵀα  subject to  yᵀα = Δ, 0 <= α[i] <= C[i].
//
// Indices are permuted by shrinking; activeSet maps back to the caller's.
type solver struct {
	q          *svcQ
	qd         []float64
	y          []int8
	p          []float64
	alpha      []float64
	c          []float64
	status     []int8
	sets       []uint8   // I_up/I_low membership and the sign of y (see setsOf)
	g          []float64 // gradient
	gBar       []float64 // gradient contribution of the variables at their upper bound
	activeSet  []int
	activeSize int
	l          int
	eps        float64
	unshrink   bool
}

// solution is libsvm's SolutionInfo, with alpha in the caller's order.
type solution struct {
	alpha    []float64
	rho      float64
	obj      float64
	nIter    int
	timedOut bool
}

// solve runs SMO from the feasible point alpha0. maxIter < 0 means no limit.
func solve(q *svcQ, p []float64, y []int8, alpha0, c []float64, eps float64, shrinking bool, maxIter int) solution {
	l := len(p)
	s := &solver{
		q:     q,
		qd:    q.qd,
		y:     append([]int8(nil), y...),
		p:     append([]float64(nil), p...),
		alpha: append([]float64(nil), alpha0...),
		c:     append([]float64(nil), c...),
		l:     l,
		eps:   eps,
	}
	s.status = make([]int8, l)
	s.sets = make([]uint8, l)
	for i := range s.status {
		s.updateStatus(i)
	}
	s.activeSet = make([]int, l)
	for i := range s.activeSet {
		s.activeSet[i] = i
	}
	s.activeSize = l

	s.g = make([]float64, l)
	s.gBar = make([]float64, l)
	copy(s.g, s.p)
	for i := 0; i < l; i++ {
		if s.status[i] == lowerBound {
			continue
		}
		qi := q.column(i, l)[:l]
		addScaled(s.g, qi, s.alpha[i])
		if s.status[i] == upperBound {
			addScaled(s.gBar, qi, s.c[i])
		}
	}

	iter := 0
	timedOut := false
	counter := min(l, 1000) + 1
	for {
		if maxIter != -1 && iter >= maxIter {
			timedOut = true
			break
		}
		counter--
		if counter == 0 {
			counter = min(l, 1000)
			if shrinking {
				s.shrink()
			}
		}
		i, j, ok := s.selectWorkingSet()
		if !ok {
			// Optimal on the active set: rebuild the whole gradient and
			// check again on all variables.
			s.reconstructGradient()
			s.activeSize = l
			if i, j, ok = s.selectWorkingSet(); !ok {
				break
			}
			counter = 1 // shrink at the next iteration
		}
		iter++
		s.step(i, j)
	}

	sol := solution{rho: s.calculateRho(), nIter: iter, timedOut: timedOut}
	v := 0.0
	for i := 0; i < l; i++ {
		v += float64(s.alpha[i] * (s.g[i] + s.p[i]))
	}
	sol.obj = v / 2
	sol.alpha = make([]float64, l)
	for i := 0; i < l; i++ {
		sol.alpha[s.activeSet[i]] = s.alpha[i]
	}
	return sol
}

func (s *solver) updateStatus(i int) {
	switch {
	case s.alpha[i] >= s.c[i]:
		s.status[i] = upperBound
	case s.alpha[i] <= 0:
		s.status[i] = lowerBound
	default:
		s.status[i] = free
	}
	s.sets[i] = setsOf(s.y[i], s.status[i])
}

// Bits of solver.sets, which selectWorkingSet reads instead of y and
// status: one byte per variable, and no branching on y.
const (
	inUp  = 1 << iota // y·α can grow: y = +1 below C, or y = -1 above 0
	inLow             // y·α can shrink: y = +1 above 0, or y = -1 below C
	yPos              // y = +1
)

func setsOf(y, status int8) uint8 {
	var b uint8
	if y == 1 {
		b = yPos
		if status != upperBound {
			b |= inUp
		}
		if status != lowerBound {
			b |= inLow
		}
	} else {
		if status != lowerBound {
			b |= inUp
		}
		if status != upperBound {
			b |= inLow
		}
	}
	return b
}

// step optimizes the pair (i, j) analytically, clipping to the box, and
// updates the gradient and G_bar.
func (s *solver) step(i, j int) {
	as := s.activeSize
	qi := s.q.column(i, as)[:as]
	qj := s.q.column(j, as)[:as]
	ci, cj := s.c[i], s.c[j]
	oldAi, oldAj := s.alpha[i], s.alpha[j]
	alpha := s.alpha

	if s.y[i] != s.y[j] {
		quad := s.qd[i] + s.qd[j] + float64(2*qi[j])
		if quad <= 0 {
			quad = tau
		}
		delta := (-s.g[i] - s.g[j]) / quad
		diff := alpha[i] - alpha[j]
		alpha[i] += delta
		alpha[j] += delta
		if diff > 0 {
			if alpha[j] < 0 {
				alpha[j] = 0
				alpha[i] = diff
			}
		} else if alpha[i] < 0 {
			alpha[i] = 0
			alpha[j] = -diff
		}
		if diff > ci-cj {
			if alpha[i] > ci {
				alpha[i] = ci
				alpha[j] = ci - diff
			}
		} else if alpha[j] > cj {
			alpha[j] = cj
			alpha[i] = cj + diff
		}
	} else {
		quad := s.qd[i] + s.qd[j] - float64(2*qi[j])
		if quad <= 0 {
			quad = tau
		}
		delta := (s.g[i] - s.g[j]) / quad
		sum := alpha[i] + alpha[j]
		alpha[i] -= delta
		alpha[j] += delta
		if sum > ci {
			if alpha[i] > ci {
				alpha[i] = ci
				alpha[j] = sum - ci
			}
		} else if alpha[j] < 0 {
			alpha[j] = 0
			alpha[i] = sum
		}
		if sum > cj {
			if alpha[j] > cj {
				alpha[j] = cj
				alpha[i] = sum - cj
			}
		} else if alpha[i] < 0 {
			alpha[i] = 0
			alpha[j] = sum
		}
	}

	dai := alpha[i] - oldAi
	daj := alpha[j] - oldAj
	addScaled2(s.g[:as], qi, qj, dai, daj)

	ui := s.status[i] == upperBound
	uj := s.status[j] == upperBound
	s.updateStatus(i)
	s.updateStatus(j)
	l := s.l
	if ui != (s.status[i] == upperBound) {
		s.updateGBar(s.q.column(i, l)[:l], ci, ui)
	}
	if uj != (s.status[j] == upperBound) {
		s.updateGBar(s.q.column(j, l)[:l], cj, uj)
	}
}

// updateGBar removes (wasUpper) or adds a variable's C·Q column to G_bar.
func (s *solver) updateGBar(q []float32, c float64, wasUpper bool) {
	if wasUpper {
		// libsvm's G_bar[k] -= C·Q[k] is G_bar[k] + (-C)·Q[k], bit for bit.
		c = -c
	}
	addScaled(s.gBar[:len(q)], q, c)
}

// selectWorkingSet is WSS3: i maximizes -y·∇f over I_up, j minimizes the
// second-order decrease of the objective among the violating I_low. ok is
// false when the maximal violation is below eps (optimal).
//
// libsvm writes each loop as two cases on y; here they are one, on
// w = y·G[t] (negating is exact): for y = -1, libsvm's gmax - G[t] is
// gmax + w, its -G[t] is w, and its qdi + qd[t] + 2·yi·Q[i][t] is
// qdi + qd[t] - (2·yi·y[t])·Q[i][t], bit for bit. The loops are unrolled
// by four (see loops.go), the elements taken in order; their bodies,
// upStep and lowScan.step, are small enough for the compiler to inline
// (lowScan.step just: it costs 79 of the inliner's budget of 80).
func (s *solver) selectWorkingSet() (int, int, bool) {
	as := s.activeSize
	sets, g := s.sets[:as], s.g[:as]

	gmax, gmaxIdx := math.Inf(-1), -1
	t := 0
	for ; t+4 <= len(sets); t += 4 {
		b, gt := sets[t:t+4:t+4], g[t:t+4:t+4]
		gmax, gmaxIdx = upStep(b[0], gt[0], t, gmax, gmaxIdx)
		gmax, gmaxIdx = upStep(b[1], gt[1], t+1, gmax, gmaxIdx)
		gmax, gmaxIdx = upStep(b[2], gt[2], t+2, gmax, gmaxIdx)
		gmax, gmaxIdx = upStep(b[3], gt[3], t+3, gmax, gmaxIdx)
	}
	for ; t < len(sets); t++ {
		gmax, gmaxIdx = upStep(sets[t], g[t], t, gmax, gmaxIdx)
	}

	i := gmaxIdx
	if i == -1 {
		// gmax is -Inf: no grad_diff is positive, and libsvm returns 1.
		return 0, 0, false
	}
	qi := s.q.column(i, as)[:len(sets)]
	qd := s.qd[:len(sets)]
	w := lowScan{gmax: gmax, qdi: s.qd[i], c2: 2.0 * float64(s.y[i])}
	gmax2, objDiffMin, gminIdx := math.Inf(-1), math.Inf(1), -1
	for t = 0; t+4 <= len(sets); t += 4 {
		b, gt, qt, qdt := sets[t:t+4:t+4], g[t:t+4:t+4], qi[t:t+4:t+4], qd[t:t+4:t+4]
		if b[0]&inLow != 0 {
			gmax2, objDiffMin, gminIdx = w.step(b[0], gt[0], qt[0], qdt[0], t, gmax2, objDiffMin, gminIdx)
		}
		if b[1]&inLow != 0 {
			gmax2, objDiffMin, gminIdx = w.step(b[1], gt[1], qt[1], qdt[1], t+1, gmax2, objDiffMin, gminIdx)
		}
		if b[2]&inLow != 0 {
			gmax2, objDiffMin, gminIdx = w.step(b[2], gt[2], qt[2], qdt[2], t+2, gmax2, objDiffMin, gminIdx)
		}
		if b[3]&inLow != 0 {
			gmax2, objDiffMin, gminIdx = w.step(b[3], gt[3], qt[3], qdt[3], t+3, gmax2, objDiffMin, gminIdx)
		}
	}
	for ; t < len(sets); t++ {
		if sets[t]&inLow != 0 {
			gmax2, objDiffMin, gminIdx = w.step(sets[t], g[t], qi[t], qd[t], t, gmax2, objDiffMin, gminIdx)
		}
	}
	if gmax+gmax2 < s.eps || gminIdx == -1 {
		return 0, 0, false
	}
	return gmaxIdx, gminIdx, true
}

// upStep is selectWorkingSet's first loop at t: -y·G[t] against the
// maximum so far, over I_up.
func upStep(b uint8, gt float64, t int, gmax float64, gmaxIdx int) (float64, int) {
	v := gt // -y·G[t]
	if b&yPos != 0 {
		v = -v
	}
	if b&inUp != 0 && v >= gmax {
		return v, t
	}
	return gmax, gmaxIdx
}

// lowScan holds what selectWorkingSet's second loop knows of i.
type lowScan struct {
	gmax, qdi float64
	c2        float64 // 2·yi
}

// step is selectWorkingSet's second loop at t, which is in I_low: it
// updates gmax2 (the maximum of y·G over I_low) and, if t violates the
// optimality condition with i, the least objective decrease and its index.
func (w lowScan) step(b uint8, v float64, qit float32, qdt float64, t int, gmax2, objDiffMin float64, gminIdx int) (float64, float64, int) {
	c2 := w.c2 // 2·yi·y[t]
	if b&yPos == 0 {
		v, c2 = -v, -c2 // y·G[t]
	}
	if v >= gmax2 {
		gmax2 = v
	}
	if gradDiff := w.gmax + v; gradDiff > 0 {
		if objDiff := -(gradDiff * gradDiff) / curvature(w.qdi+qdt-float64(c2*float64(qit))); objDiff <= objDiffMin {
			return gmax2, objDiff, t
		}
	}
	return gmax2, objDiffMin, gminIdx
}

// curvature is quad, or tau where quad is not positive.
func curvature(quad float64) float64 {
	if quad > 0 {
		return quad
	}
	return tau
}

// reconstructGradient recomputes G for the shrunk (inactive) variables from
// G_bar and the free variables, choosing the cheaper of the two loop orders.
func (s *solver) reconstructGradient() {
	l, as := s.l, s.activeSize
	if as == l {
		return
	}
	for j := as; j < l; j++ {
		s.g[j] = s.gBar[j] + s.p[j]
	}
	nFree := 0
	for j := 0; j < as; j++ {
		if s.status[j] == free {
			nFree++
		}
	}
	if nFree*l > 2*as*(l-as) {
		for i := as; i < l; i++ {
			qi := s.q.column(i, as)[:as]
			gi := s.g[i]
			for j := range qi {
				if s.status[j] == free {
					gi += float64(s.alpha[j] * float64(qi[j]))
				}
			}
			s.g[i] = gi
		}
	} else {
		for i := 0; i < as; i++ {
			if s.status[i] != free {
				continue
			}
			qi := s.q.column(i, l)[:l]
			addScaled(s.g[as:l], qi[as:l], s.alpha[i])
		}
	}
}

func (s *solver) beShrunk(i int, gmax1, gmax2 float64) bool {
	switch s.status[i] {
	case upperBound:
		if s.y[i] == 1 {
			return -s.g[i] > gmax1
		}
		return -s.g[i] > gmax2
	case lowerBound:
		if s.y[i] == 1 {
			return s.g[i] > gmax2
		}
		return s.g[i] > gmax1
	}
	return false
}

// shrink removes from the active set the bounded variables that cannot
// move, and the first time the violation falls below 10·eps reconstructs
// the gradient and reactivates everything (unshrinking).
func (s *solver) shrink() {
	gmax1, gmax2 := math.Inf(-1), math.Inf(-1)
	for i := 0; i < s.activeSize; i++ {
		if s.y[i] == 1 {
			if s.status[i] != upperBound && -s.g[i] >= gmax1 {
				gmax1 = -s.g[i]
			}
			if s.status[i] != lowerBound && s.g[i] >= gmax2 {
				gmax2 = s.g[i]
			}
		} else {
			if s.status[i] != upperBound && -s.g[i] >= gmax2 {
				gmax2 = -s.g[i]
			}
			if s.status[i] != lowerBound && s.g[i] >= gmax1 {
				gmax1 = s.g[i]
			}
		}
	}
	if !s.unshrink && gmax1+gmax2 <= s.eps*10 {
		s.unshrink = true
		s.reconstructGradient()
		s.activeSize = s.l
	}
	for i := 0; i < s.activeSize; i++ {
		if !s.beShrunk(i, gmax1, gmax2) {
			continue
		}
		s.activeSize--
		for s.activeSize > i {
			if !s.beShrunk(s.activeSize, gmax1, gmax2) {
				s.swap(i, s.activeSize)
				break
			}
			s.activeSize--
		}
	}
}

func (s *solver) swap(i, j int) {
	s.q.swap(i, j)
	s.y[i], s.y[j] = s.y[j], s.y[i]
	s.g[i], s.g[j] = s.g[j], s.g[i]
	s.status[i], s.status[j] = s.status[j], s.status[i]
	s.sets[i], s.sets[j] = s.sets[j], s.sets[i]
	s.alpha[i], s.alpha[j] = s.alpha[j], s.alpha[i]
	s.p[i], s.p[j] = s.p[j], s.p[i]
	s.activeSet[i], s.activeSet[j] = s.activeSet[j], s.activeSet[i]
	s.gBar[i], s.gBar[j] = s.gBar[j], s.gBar[i]
	s.c[i], s.c[j] = s.c[j], s.c[i]
}

// calculateRho is the bias: the mean of y·G over free variables, or the
// midpoint of the feasible interval when none is free.
func (s *solver) calculateRho() float64 {
	nFree := 0
	ub, lb, sumFree := math.Inf(1), math.Inf(-1), 0.0
	for i := 0; i < s.activeSize; i++ {
		yG := float64(float64(s.y[i]) * s.g[i])
		switch s.status[i] {
		case upperBound:
			if s.y[i] == -1 {
				ub = cmin(ub, yG)
			} else {
				lb = cmax(lb, yG)
			}
		case lowerBound:
			if s.y[i] == 1 {
				ub = cmin(ub, yG)
			} else {
				lb = cmax(lb, yG)
			}
		default:
			nFree++
			sumFree += yG
		}
	}
	if nFree > 0 {
		return sumFree / float64(nFree)
	}
	return (ub + lb) / 2
}

// cmin and cmax are libsvm's min and max templates ((x<y)?x:y), which differ
// from Go's builtins on NaN and signed zeros.
func cmin(x, y float64) float64 {
	if x < y {
		return x
	}
	return y
}

func cmax(x, y float64) float64 {
	if x > y {
		return x
	}
	return y
}

package svm

import "math"

// problem is libsvm's svm_problem. The rows share the caller's memory.
// Sample weights are all 1 in sklearn's SVC.fit without sample_weight, and
// libsvm only uses them as C[i] = W[i]·C, which is then exactly C, so they
// are left out.
type problem struct {
	x [][]float64
	y []float64
}

// trainParams is libsvm's svm_parameter for C-SVC.
type trainParams struct {
	kp          kernelParams
	c           float64
	eps         float64
	cacheBytes  int64
	shrinking   bool
	probability bool
	maxIter     int
	seed        int // reseed the generator at each train; < 0: don't
	weightLabel []int
	weight      []float64
}

// model is libsvm's svm_model for classification: one-vs-one decision
// functions over support vectors grouped by class.
type model struct {
	kp      kernelParams
	label   []int // class labels, sorted
	nSV     []int // support vectors per class
	sv      [][]float64
	svIndex []int       // row of each support vector in the training data
	svCoef  [][]float64 // (nr_class-1) × total SVs, libsvm's layout
	rho     []float64   // one per pair (i<j), in order
	probA   []float64
	probB   []float64
	nIter   []int
}

func (m *model) nrClass() int { return len(m.label) }

// groupClasses is svm_group_classes: the distinct labels sorted
// (scikit-learn's change to libsvm), their counts and starts, and perm
// listing the rows class by class in their original order.
func groupClasses(y []float64) (label, start, count, perm []int) {
	dataLabel := make([]int, len(y))
	for _, v := range y {
		this := int(v)
		j := 0
		for j < len(label) && label[j] != this {
			j++
		}
		if j == len(label) {
			label = append(label, this)
			count = append(count, 0)
		}
		count[j]++
	}
	// Straight insertion sort of the labels, carrying the counts.
	for j := 1; j < len(label); j++ {
		i := j - 1
		this, thisCount := label[j], count[j]
		for i >= 0 && label[i] > this {
			label[i+1], count[i+1] = label[i], count[i]
			i--
		}
		label[i+1], count[i+1] = this, thisCount
	}
	for i, v := range y {
		this := int(v)
		j := 0
		for this != label[j] {
			j++
		}
		dataLabel[i] = j
	}
	start = make([]int, len(label))
	for i := 1; i < len(label); i++ {
		start[i] = start[i-1] + count[i-1]
	}
	perm = make([]int, len(y))
	next := append([]int(nil), start...)
	for i, c := range dataLabel {
		perm[next[c]] = i
		next[c]++
	}
	return label, start, count, perm
}

// train is svm_train for C-SVC: one binary problem per pair of classes,
// each solved by SMO (and, with probability, preceded by the 5-fold
// cross-validation that fits its Platt sigmoid). status becomes 1 if any
// solve, including the cross-validation ones, stopped at max_iter.
func train(prob *problem, param *trainParams, rng *mt19937, status *int) *model {
	if param.seed >= 0 {
		rng.seed(uint32(param.seed))
	}
	label, start, count, perm := groupClasses(prob.y)
	nrClass := len(label)
	l := len(prob.y)
	x := make([][]float64, l)
	for i, p := range perm {
		x[i] = prob.x[p]
	}

	weightedC := make([]float64, nrClass)
	for i := range weightedC {
		weightedC[i] = param.c
	}
	for i, wl := range param.weightLabel {
		for j, lab := range label {
			if wl == lab {
				weightedC[j] *= param.weight[i]
				break
			}
		}
	}

	nonzero := make([]bool, l)
	nPairs := nrClass * (nrClass - 1) / 2
	type decision struct {
		alpha []float64
		rho   float64
		nIter int
	}
	f := make([]decision, 0, nPairs)
	m := &model{kp: param.kp, label: label, nIter: make([]int, 0, nPairs)}
	if param.probability {
		m.probA = make([]float64, 0, nPairs)
		m.probB = make([]float64, 0, nPairs)
	}
	for i := 0; i < nrClass; i++ {
		for j := i + 1; j < nrClass; j++ {
			si, sj, ci, cj := start[i], start[j], count[i], count[j]
			sub := problem{x: make([][]float64, 0, ci+cj), y: make([]float64, 0, ci+cj)}
			for k := 0; k < ci; k++ {
				sub.x = append(sub.x, x[si+k])
				sub.y = append(sub.y, +1)
			}
			for k := 0; k < cj; k++ {
				sub.x = append(sub.x, x[sj+k])
				sub.y = append(sub.y, -1)
			}
			if param.probability {
				a, b := binaryProbability(&sub, param, weightedC[i], weightedC[j], rng, status)
				m.probA = append(m.probA, a)
				m.probB = append(m.probB, b)
			}
			sol := trainOne(&sub, param, weightedC[i], weightedC[j])
			if sol.timedOut {
				*status = 1
			}
			f = append(f, decision{sol.alpha, sol.rho, sol.nIter})
			m.nIter = append(m.nIter, sol.nIter)
			for k := 0; k < ci; k++ {
				if math.Abs(sol.alpha[k]) > 0 {
					nonzero[si+k] = true
				}
			}
			for k := 0; k < cj; k++ {
				if math.Abs(sol.alpha[ci+k]) > 0 {
					nonzero[sj+k] = true
				}
			}
		}
	}

	m.rho = make([]float64, nPairs)
	for p := range f {
		m.rho[p] = f[p].rho
	}
	m.nSV = make([]int, nrClass)
	nzStart := make([]int, nrClass)
	total := 0
	for i := 0; i < nrClass; i++ {
		for k := 0; k < count[i]; k++ {
			if nonzero[start[i]+k] {
				m.nSV[i]++
			}
		}
		nzStart[i] = total
		total += m.nSV[i]
	}
	m.sv = make([][]float64, 0, total)
	m.svIndex = make([]int, 0, total)
	for i := 0; i < l; i++ {
		if nonzero[i] {
			m.sv = append(m.sv, x[i])
			m.svIndex = append(m.svIndex, perm[i])
		}
	}
	m.svCoef = make([][]float64, nrClass-1)
	for i := range m.svCoef {
		m.svCoef[i] = make([]float64, total)
	}
	p := 0
	for i := 0; i < nrClass; i++ {
		for j := i + 1; j < nrClass; j++ {
			// Classifier (i,j): the coefficients of class i's SVs go in
			// row j-1, those of class j's SVs in row i.
			si, sj, ci, cj := start[i], start[j], count[i], count[j]
			q := nzStart[i]
			for k := 0; k < ci; k++ {
				if nonzero[si+k] {
					m.svCoef[j-1][q] = f[p].alpha[k]
					q++
				}
			}
			q = nzStart[j]
			for k := 0; k < cj; k++ {
				if nonzero[sj+k] {
					m.svCoef[i][q] = f[p].alpha[ci+k]
					q++
				}
			}
			p++
		}
	}
	return m
}

// trainOne is svm_train_one with solve_c_svc: the dual from α = 0 with
// p = -1, returning y·α.
func trainOne(prob *problem, param *trainParams, cp, cn float64) solution {
	l := len(prob.y)
	minusOnes := make([]float64, l)
	y := make([]int8, l)
	c := make([]float64, l)
	for i := range y {
		minusOnes[i] = -1
		if prob.y[i] > 0 {
			y[i] = 1
			c[i] = cp
		} else {
			y[i] = -1
			c[i] = cn
		}
	}
	q := newSVCQ(prob.x, y, param.kp, param.cacheBytes)
	sol := solve(q, minusOnes, y, make([]float64, l), c, param.eps, param.shrinking, param.maxIter)
	q.cache.release() // its slabs go to the next fit (see slabPool)
	for i := range sol.alpha {
		sol.alpha[i] *= float64(y[i])
	}
	return sol
}

// binaryProbability is svm_binary_svc_probability: decision values from a
// shuffled 5-fold cross-validation, then Platt's sigmoid fitted to them.
// Each fold's model is trained by train itself with the parent's seed, so
// the generator is reseeded there, as in libsvm.
func binaryProbability(prob *problem, param *trainParams, cp, cn float64, rng *mt19937, status *int) (float64, float64) {
	const nrFold = 5
	l := len(prob.y)
	perm := make([]int, l)
	for i := range perm {
		perm[i] = i
	}
	for i := 0; i < l; i++ {
		j := i + int(rng.boundedInt(uint32(l-i)))
		perm[i], perm[j] = perm[j], perm[i]
	}
	dec := make([]float64, l)
	for fold := 0; fold < nrFold; fold++ {
		begin := fold * l / nrFold
		end := (fold + 1) * l / nrFold
		sub := problem{x: make([][]float64, 0, l-(end-begin)), y: make([]float64, 0, l-(end-begin))}
		for _, r := range [][2]int{{0, begin}, {end, l}} {
			for j := r[0]; j < r[1]; j++ {
				sub.x = append(sub.x, prob.x[perm[j]])
				sub.y = append(sub.y, prob.y[perm[j]])
			}
		}
		pCount, nCount := 0, 0
		for _, v := range sub.y {
			if v > 0 {
				pCount++
			} else {
				nCount++
			}
		}
		switch {
		case pCount == 0 && nCount == 0:
			for j := begin; j < end; j++ {
				dec[perm[j]] = 0
			}
		case pCount > 0 && nCount == 0:
			for j := begin; j < end; j++ {
				dec[perm[j]] = 1
			}
		case pCount == 0 && nCount > 0:
			for j := begin; j < end; j++ {
				dec[perm[j]] = -1
			}
		default:
			subParam := *param
			subParam.probability = false
			subParam.c = 1
			subParam.weightLabel = []int{+1, -1}
			subParam.weight = []float64{cp, cn}
			sm := train(&sub, &subParam, rng, status)
			pr := sm.newPredictor()
			for j := begin; j < end; j++ {
				pr.decisionValues(prob.x[perm[j]])
				// The submodel's first label is -1 (labels are sorted):
				// turn its decision value back to +1 vs -1.
				dec[perm[j]] = pr.dec[0] * float64(sm.label[0])
			}
		}
	}
	return sigmoidTrain(dec, prob.y)
}

// sigmoidTrain is Platt's method in Lin, Lin and Weng's formulation:
// Newton's method with backtracking on the regularized log-likelihood of
// P(y=1|f) = 1/(1+exp(A·f+B)).
func sigmoidTrain(dec, labels []float64) (A, B float64) {
	var prior1, prior0 float64
	for _, v := range labels {
		if v > 0 {
			prior1++
		} else {
			prior0++
		}
	}
	const (
		maxIter = 100
		minStep = 1e-10
		sigma   = 1e-12 // keeps the Hessian strictly positive definite
		eps     = 1e-5
	)
	hiTarget := (prior1 + 1.0) / (prior1 + 2.0)
	loTarget := 1 / (prior0 + 2.0)
	t := make([]float64, len(labels))
	A, B = 0.0, math.Log((prior0+1.0)/(prior1+1.0))
	fval := 0.0
	for i, v := range labels {
		if v > 0 {
			t[i] = hiTarget
		} else {
			t[i] = loTarget
		}
		fval += logLoss(t[i], float64(dec[i]*A)+B)
	}
	for iter := 0; iter < maxIter; iter++ {
		h11, h22 := sigma, sigma
		var h21, g1, g2 float64
		for i, d := range dec {
			fApB := float64(d*A) + B
			var p, q float64
			if fApB >= 0 {
				e := exp(-fApB)
				p = e / (1.0 + e)
				q = 1.0 / (1.0 + e)
			} else {
				e := exp(fApB)
				p = 1.0 / (1.0 + e)
				q = e / (1.0 + e)
			}
			d2 := float64(p * q)
			h11 += float64(float64(d*d) * d2)
			h22 += d2
			h21 += float64(d * d2)
			d1 := t[i] - p
			g1 += float64(d * d1)
			g2 += d1
		}
		if math.Abs(g1) < eps && math.Abs(g2) < eps {
			break
		}
		// Newton direction -H⁻¹g.
		det := float64(h11*h22) - float64(h21*h21)
		dA := -(float64(h22*g1) - float64(h21*g2)) / det
		dB := -(float64(-h21*g1) + float64(h11*g2)) / det
		gd := float64(g1*dA) + float64(g2*dB)

		stepsize := 1.0
		for stepsize >= minStep {
			newA := A + float64(stepsize*dA)
			newB := B + float64(stepsize*dB)
			newf := 0.0
			for i, d := range dec {
				newf += logLoss(t[i], float64(d*newA)+newB)
			}
			if newf < fval+float64(float64(0.0001*stepsize)*gd) {
				A, B, fval = newA, newB, newf
				break
			}
			stepsize = stepsize / 2.0
		}
		if stepsize < minStep {
			break // line search failed
		}
	}
	return A, B
}

// logLoss is one term of sigmoidTrain's objective, written to avoid
// overflow on either side.
func logLoss(t, fApB float64) float64 {
	if fApB >= 0 {
		return float64(t*fApB) + math.Log(1+exp(-fApB))
	}
	return float64((t-1)*fApB) + math.Log(1+exp(fApB))
}

// sigmoidPredict is P(y=1|f) from the fitted sigmoid.
func sigmoidPredict(dec, A, B float64) float64 {
	fApB := float64(dec*A) + B
	// 1-p is used later; avoid catastrophic cancellation.
	if fApB >= 0 {
		e := exp(-fApB)
		return e / (1.0 + e)
	}
	return 1.0 / (1 + exp(fApB))
}

// multiclassProbability is method 2 of Wu, Lin and Weng (2004): class
// probabilities p from pairwise probabilities r by a fixed-point iteration.
// Q is k×k in one slice; p receives the result.
func multiclassProbability(k int, r []float64, p, Q, Qp []float64) {
	maxIter := max(100, k)
	eps := 0.005 / float64(k)
	for t := 0; t < k; t++ {
		p[t] = 1.0 / float64(k)
		Q[t*k+t] = 0
		for j := 0; j < t; j++ {
			Q[t*k+t] += float64(r[j*k+t] * r[j*k+t])
			Q[t*k+j] = Q[j*k+t]
		}
		for j := t + 1; j < k; j++ {
			Q[t*k+t] += float64(r[j*k+t] * r[j*k+t])
			Q[t*k+j] = -r[j*k+t] * r[t*k+j]
		}
	}
	for iter := 0; iter < maxIter; iter++ {
		// Stopping condition; recompute Qp and pQp for accuracy.
		pQp := 0.0
		for t := 0; t < k; t++ {
			Qp[t] = 0
			for j := 0; j < k; j++ {
				Qp[t] += float64(Q[t*k+j] * p[j])
			}
			pQp += float64(p[t] * Qp[t])
		}
		maxError := 0.0
		for t := 0; t < k; t++ {
			if e := math.Abs(Qp[t] - pQp); e > maxError {
				maxError = e
			}
		}
		if maxError < eps {
			break
		}
		for t := 0; t < k; t++ {
			diff := (-Qp[t] + pQp) / Q[t*k+t]
			p[t] += diff
			pQp = (pQp + float64(diff*(float64(diff*Q[t*k+t])+float64(2*Qp[t])))) / (1 + diff) / (1 + diff)
			for j := 0; j < k; j++ {
				Qp[j] = (Qp[j] + float64(diff*Q[t*k+j])) / (1 + diff)
				p[j] /= (1 + diff)
			}
		}
	}
}

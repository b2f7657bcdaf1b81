package svm

// predictor evaluates a model on one sample at a time with reusable
// buffers, so a batch allocates once.
type predictor struct {
	m      *model
	start  []int     // first SV of each class
	kvalue []float64 // kernel of the sample with each SV
	dec    []float64 // one decision value per pair
	vote   []int
	buf    []float64 // rbf difference scratch (many features)
	// probability scratch
	pairwise, q, qp, prob []float64
}

func (m *model) newPredictor() *predictor {
	k := m.nrClass()
	pr := &predictor{
		m:      m,
		start:  make([]int, k),
		kvalue: make([]float64, len(m.sv)),
		dec:    make([]float64, k*(k-1)/2),
		vote:   make([]int, k),
	}
	for i := 1; i < k; i++ {
		pr.start[i] = pr.start[i-1] + m.nSV[i-1]
	}
	if len(m.sv) > 0 {
		pr.buf = make([]float64, len(m.sv[0]))
	}
	return pr
}

// decisionValues is svm_predict_values: it fills pr.dec with the
// one-vs-one decision values of x and returns the index of the class with
// the most votes (the first on ties).
func (pr *predictor) decisionValues(x []float64) int {
	m := pr.m
	m.kp.row(x, m.sv, pr.kvalue, pr.buf)
	k := m.nrClass()
	clear(pr.vote)
	p := 0
	for i := 0; i < k; i++ {
		for j := i + 1; j < k; j++ {
			si, sj := pr.start[i], pr.start[j]
			ci, cj := m.nSV[i], m.nSV[j]
			coef1 := m.svCoef[j-1][si : si+ci]
			coef2 := m.svCoef[i][sj : sj+cj]
			kv1 := pr.kvalue[si : si+ci]
			kv2 := pr.kvalue[sj : sj+cj]
			sum := addProducts(addProducts(0, coef1, kv1), coef2, kv2)
			sum -= m.rho[p]
			pr.dec[p] = sum
			if sum > 0 {
				pr.vote[i]++
			} else {
				pr.vote[j]++
			}
			p++
		}
	}
	best := 0
	for i := 1; i < k; i++ {
		if pr.vote[i] > pr.vote[best] {
			best = i
		}
	}
	return best
}

// probability is svm_predict_probability: pairwise probabilities from the
// Platt sigmoids, clipped to [1e-7, 1-1e-7], coupled into class
// probabilities (left in pr.prob).
func (pr *predictor) probability(x []float64) {
	m := pr.m
	k := m.nrClass()
	if pr.prob == nil {
		pr.pairwise = make([]float64, k*k)
		pr.q = make([]float64, k*k)
		pr.qp = make([]float64, k)
		pr.prob = make([]float64, k)
	}
	pr.decisionValues(x)
	const minProb = 1e-7
	p := 0
	for i := 0; i < k; i++ {
		for j := i + 1; j < k; j++ {
			v := cmin(cmax(sigmoidPredict(pr.dec[p], m.probA[p], m.probB[p]), minProb), 1-minProb)
			pr.pairwise[i*k+j] = v
			pr.pairwise[j*k+i] = 1 - v
			p++
		}
	}
	multiclassProbability(k, pr.pairwise, pr.prob, pr.q, pr.qp)
}

package datasets

import "burst/engine/ml/rng"

// This file reproduces np.dot for 2-D float64 arrays as numpy 1.24 computes it
// on the reference machine: numpy hands the product to OpenBLAS 0.3.21
// (Debian's pthread build, DYNAMIC_ARCH, which runs its Haswell kernels on
// this CPU with 2 threads). The kernels use FMA and split sums across vector
// lanes, and the threads change where the odd-sized pieces fall, so a plain
// loop differs from numpy in the last bit. What follows mirrors, for each
// shape numpy dispatches differently, the order of operations of the kernel
// that runs:
//
//   - k == 1, or a 1×1 operand: single products (numpy's scalar path, or a
//     K=1 gemm);
//   - 1×k · k×1: ddot;
//   - n×k · k×1: dgemv_t over the rows of X;
//   - 1×k · k×m: dgemv_n;
//   - otherwise dgemm, with OpenBLAS's threading and blocking.
//
// The model was checked against np.dot on the reference machine for many
// shapes (testdata/gen.py writes the cases, blas_test.go compares the bits).

// refBLASThreads is OpenBLAS's thread count on the reference machine (its
// CPU count). Large products are split across threads, which moves the
// boundaries of the kernel calls and so the rounding of a few elements.
const refBLASThreads = 2

// OpenBLAS 0.3.21 parameters for double on Haswell kernels (param.h, the
// DYNAMIC_ARCH table, and the generic driver's defaults).
const (
	gemmP       = 512
	gemmQ       = 256
	gemmR       = 65008 // (BUFFER_SIZE - P*Q*8 rounded) / (Q*8) - 15, & ~15
	gemmUnrollM = 4
	gemmUnrollN = 8
	// The level-3 threading driver is compiled once for all targets, so it
	// uses its generic SWITCH_RATIO and GEMM_PREFERED_SIZE.
	switchRatio   = 2
	preferedSize  = 1
	divideRate    = 2
	gemmThreshold = 65536 * 4 // SMP_THRESHOLD_MIN * GEMM_MULTITHREAD_THRESHOLD
	gemvThreshold = 2304 * 4
	gemvNBMax     = 2048
)

// numpyDot returns the n×m row-major product of X (n×k, row i at
// x[i*ldx:]) and W (k×m, contiguous row-major), bit for bit as np.dot on the
// reference machine. It is written to buf when buf is large enough.
func numpyDot(buf, x []float64, ldx, n, k int, w []float64, m int) []float64 {
	var c []float64
	if cap(buf) >= n*m {
		c = buf[:n*m]
		clear(c)
	} else {
		c = make([]float64, n*m)
	}
	if n == 0 || m == 0 || k == 0 {
		return c
	}
	switch {
	case k == 1:
		for i := 0; i < n; i++ {
			xi := x[i*ldx]
			for j := 0; j < m; j++ {
				c[i*m+j] = xi * w[j]
			}
		}
	case n == 1 && m == 1:
		c[0] = ddot(x[:k], w[:k])
	case m == 1:
		dgemvT(c, x, ldx, n, k, w)
	case n == 1:
		dgemvN(c, x[:k], w, k, m)
	default:
		dgemm(c, x, ldx, n, k, w, m)
	}
	return c
}

// ddot is OpenBLAS's Haswell ddot for unit strides: 16 FMA lanes over the
// first k&^15 terms (lane i%16), reduced pairwise, then the rest added one
// product at a time (that C loop is not contracted in the shipped library).
func ddot(x, y []float64) float64 {
	n := len(x)
	n1 := n &^ 15
	dot := 0.0
	if n1 > 0 {
		var acc [16]float64
		for i := 0; i < n1; i++ {
			acc[i%16] = rng.FMA(x[i], y[i], acc[i%16])
		}
		// Each ymm register q holds lanes 4q..4q+3: fold its halves, add
		// registers (0+1)+(2+3), then the two remaining lanes.
		var q [4][2]float64
		for r := 0; r < 4; r++ {
			q[r][0] = acc[4*r] + acc[4*r+2]
			q[r][1] = acc[4*r+1] + acc[4*r+3]
		}
		lo := (q[0][0] + q[1][0]) + (q[2][0] + q[3][0])
		hi := (q[0][1] + q[1][1]) + (q[2][1] + q[3][1])
		dot = lo + hi
	}
	for i := n1; i < n; i++ {
		dot += float64(y[i] * x[i])
	}
	return dot
}

// dgemvT computes c[i] = X[i,:]·w for the n rows of X, as cblas_dgemv
// (row-major, no transpose) reaches OpenBLAS's Haswell dgemv_t: the rows are
// split between threads when k*n is large, and within each call rows go four
// at a time through an FMA kernel, then two, then one through SSE kernels
// without FMA, each summing the columns in its own lane pattern; the last
// k%4 columns are added in C.
func dgemvT(c, x []float64, ldx, n, k int, w []float64) {
	if k*n < gemvThreshold {
		dgemvTCall(c, x, ldx, n, k, w)
		return
	}
	for lo, hi := range gemvRanges(n, refBLASThreads) {
		dgemvTCall(c[lo:hi], x[lo*ldx:], ldx, hi-lo, k, w)
	}
}

// gemvRanges splits n outputs between threads as gemv_thread.c does and
// returns them as lo → hi pairs in order.
func gemvRanges(n, threads int) func(yield func(int, int) bool) {
	return func(yield func(int, int) bool) {
		lo, left := 0, n
		for cpu := 0; left > 0; cpu++ {
			width := (left + threads - cpu - 1) / (threads - cpu)
			if width < 4 {
				width = 4
			}
			if left < width {
				width = left
			}
			if !yield(lo, lo+width) {
				return
			}
			lo += width
			left -= width
		}
	}
}

// dgemvTCall is one dgemv_t_4.c call on n rows.
func dgemvTCall(c, x []float64, ldx, n, k int, w []float64) {
	m3 := k & 3
	m1 := k &^ 3
	m2 := k&(gemvNBMax-1) - m3
	n4 := n &^ 3
	for i := range c[:n] {
		c[i] = 0
	}
	// Column blocks of up to 2048, each added to y after its kernel.
	col := 0
	nb := gemvNBMax
	for nb == gemvNBMax {
		m1 -= nb
		if m1 < 0 {
			if m2 == 0 {
				break
			}
			nb = m2
		}
		wb := w[col : col+nb]
		for i := 0; i < n; i++ {
			row := x[i*ldx+col : i*ldx+col+nb]
			var v float64
			switch {
			case i < n4:
				v = dotLanes4FMA(row, wb)
			case n&2 != 0 && i < n4+2:
				v = dotLanes2(row, wb)
			default:
				v = dotLanes4(row, wb)
			}
			c[i] += v
		}
		col += nb
	}
	switch m3 {
	case 0:
	case 1:
		for i := 0; i < n; i++ {
			c[i] = rng.FMA(x[i*ldx+col], w[col], c[i])
		}
	case 2:
		for i := 0; i < n; i++ {
			a := x[i*ldx+col:]
			c[i] += rng.FMA(a[0], w[col], float64(a[1]*w[col+1]))
		}
	case 3:
		for i := 0; i < n; i++ {
			a := x[i*ldx+col:]
			t := rng.FMA(a[0], w[col], float64(a[1]*w[col+1]))
			c[i] += rng.FMA(a[2], w[col+2], t)
		}
	}
}

// dotLanes4FMA is the Haswell dgemv_t 4x4 kernel for one output: four FMA
// lanes (element i in lane i%4), folded as (l0+l2)+(l1+l3).
func dotLanes4FMA(a, x []float64) float64 {
	var l0, l1, l2, l3 float64
	for i := 0; i+3 < len(a); i += 4 {
		l0 = rng.FMA(a[i], x[i], l0)
		l1 = rng.FMA(a[i+1], x[i+1], l1)
		l2 = rng.FMA(a[i+2], x[i+2], l2)
		l3 = rng.FMA(a[i+3], x[i+3], l3)
	}
	return (l0 + l2) + (l1 + l3)
}

// dotLanes2 is dgemv_t's SSE2 4x2 kernel for one output: two lanes of
// separately rounded products, then their sum.
func dotLanes2(a, x []float64) float64 {
	var l0, l1 float64
	for i := 0; i+1 < len(a); i += 2 {
		l0 += float64(a[i] * x[i])
		l1 += float64(a[i+1] * x[i+1])
	}
	return l0 + l1
}

// dotLanes4 is dgemv_t's SSE2 4x1 kernel: four lanes of rounded products,
// folded as (l0+l2)+(l1+l3).
func dotLanes4(a, x []float64) float64 {
	var l0, l1, l2, l3 float64
	for i := 0; i+3 < len(a); i += 4 {
		l0 += float64(a[i] * x[i])
		l1 += float64(a[i+1] * x[i+1])
		l2 += float64(a[i+2] * x[i+2])
		l3 += float64(a[i+3] * x[i+3])
	}
	return (l0 + l2) + (l1 + l3)
}

// dgemvN computes c = x·W for one row x (length k) and W (k×m), as
// cblas_dgemv (row-major, transposed) reaches OpenBLAS's Haswell dgemv_n on
// W seen column-major: outputs in blocks of four are updated column group by
// column group; the last m%4 outputs are summed in C.
func dgemvN(c, x, w []float64, k, m int) {
	if m*k < gemvThreshold {
		dgemvNCall(c, x, w, k, m, m)
		return
	}
	// gemv_thread.c splits the outputs (it would also split x for very
	// narrow W, which numpy's shapes here never reach).
	for lo, hi := range gemvRanges(m, refBLASThreads) {
		dgemvNCall(c[lo:hi], x, w[lo:], k, hi-lo, m)
	}
}

// dgemvNCall is one dgemv_n_4.c call: outputs c[0:m] from W's columns
// w[j*lda+i] (element (j, i) of W), x of length k.
func dgemvNCall(c, x, w []float64, k, m, lda int) {
	n1 := k >> 2
	n2 := k & 3
	m3 := m & 3
	m1 := m &^ 3
	m2 := m&(gemvNBMax-1) - m3
	for i := range c[:m] {
		c[i] = 0
	}
	row := 0
	nb := gemvNBMax
	for nb == gemvNBMax {
		m1 -= nb
		if m1 < 0 {
			if m2 == 0 {
				break
			}
			nb = m2
		}
		for i := row; i < row+nb; i++ {
			y := c[i]
			j := 0
			for g := 0; g < n1; g++ {
				t4 := rng.FMA(w[(j+2)*lda+i], x[j+2], float64(w[j*lda+i]*x[j]))
				t5 := rng.FMA(w[(j+3)*lda+i], x[j+3], float64(w[(j+1)*lda+i]*x[j+1]))
				y += t4 + t5 // the kernel's fma(alpha=1, t4+t5, y)
				j += 4
			}
			if n2&2 != 0 {
				y += float64(w[j*lda+i]*x[j]) + float64(w[(j+1)*lda+i]*x[j+1])
				j += 2
			}
			if n2&1 != 0 {
				y += float64(w[j*lda+i] * x[j])
			}
			c[i] = y
		}
		row += nb
	}
	if m3 == 0 {
		return
	}
	// The tail outputs row..row+m3-1 are summed over all k columns in C
	// (not contracted in the shipped library), then added to y.
	for t := 0; t < m3; t++ {
		i := row + t
		var temp float64
		j := 0
		if lda == m3 && m3 >= 2 {
			// Unrolled for a contiguous tail: columns in pairs.
			for ; j+3 < k; j += 4 {
				temp += float64(w[j*lda+i]*x[j]) + float64(w[(j+1)*lda+i]*x[j+1])
				temp += float64(w[(j+2)*lda+i]*x[j+2]) + float64(w[(j+3)*lda+i]*x[j+3])
			}
		}
		for ; j < k; j++ {
			temp += float64(w[j*lda+i] * x[j])
		}
		c[i] += temp // y += alpha*temp, alpha = 1
	}
}

// dgemm computes C = X·W (X n×k with leading dimension ldx, W k×m) as
// cblas_dgemm(RowMajor, NoTrans, NoTrans) on the reference machine. OpenBLAS
// sees the column-major product Cᵀ = Wᵀ·Xᵀ: its "M" runs over W's columns
// and its "N" over X's rows. Every element is an FMA chain over k, in order,
// from zero, with two exceptions the plan records: K is cut into blocks
// above gemmQ (each block's chain is added to C), and in a kernel call over
// an odd number of X rows the last row goes through the 4x1 micro-kernel,
// which for each 4-column group of W keeps four partial sums (k%4 within
// each 8-step) and adds them pairwise at the end.
func dgemm(c, x []float64, ldx, n, k int, w []float64, m int) {
	p := planGemm(m, n, k)
	part := make([]float64, m)
	for i := 0; i < n; i++ {
		xi := x[i*ldx : i*ldx+k]
		ci := c[i*m : (i+1)*m]
		for bi, b := range p.kBlocks {
			dst := ci
			if bi > 0 {
				dst = part
			}
			clear(dst)
			// Row by row of W, so each element's chain runs over t in order.
			for t := b.from; t < b.from+b.n; t++ {
				xv := xi[t]
				for j, wv := range w[t*m : (t+1)*m] {
					dst[j] = rng.FMA(xv, wv, dst[j])
				}
			}
			if bi > 0 {
				for j, v := range part {
					ci[j] += v
				}
			}
		}
		for _, r := range p.oddRows[i] {
			for j := r.from; j < r.from+r.n&^3; j++ {
				acc := 0.0
				for _, b := range p.kBlocks {
					acc += chain4x1(xi[b.from:b.from+b.n], w[b.from*m+j:], m)
				}
				ci[j] = acc
			}
		}
	}
}

// chain4x1 is the 4x1 micro-kernel's sum for one element: x·w over len(x)
// terms, w strided by ldw.
func chain4x1(x, w []float64, ldw int) float64 {
	var a [4]float64
	k8 := len(x) / 8 * 8
	for t := 0; t < k8; t++ {
		a[t%4] = rng.FMA(x[t], w[t*ldw], a[t%4])
	}
	for t := k8; t < len(x); t++ {
		a[0] = rng.FMA(x[t], w[t*ldw], a[0])
	}
	return (a[0] + a[1]) + (a[2] + a[3])
}

type span struct{ from, n int }

// gemmPlan is what dgemm needs from OpenBLAS's schedule: the K blocks, and
// for each X row that ends an odd-sized kernel call, the column ranges
// (OpenBLAS M ranges) of those calls.
type gemmPlan struct {
	kBlocks []span
	oddRows map[int][]span
}

// planGemm replays OpenBLAS 0.3.21's dgemm schedule (interface/gemm.c,
// driver/level3/level3.c and level3_thread.c) for an M×N product with inner
// dimension K, in OpenBLAS's column-major terms.
func planGemm(M, N, K int) gemmPlan {
	p := gemmPlan{oddRows: map[int][]span{}}
	call := func(mFrom, minI, nFrom, nn int) {
		if nn%2 == 1 && minI >= 4 {
			r := nFrom + nn - 1
			p.oddRows[r] = append(p.oddRows[r], span{mFrom, minI})
		}
	}
	nthreads := 1
	if float64(M)*float64(N)*float64(K) > gemmThreshold {
		nthreads = refBLASThreads
	}
	ntm, ntn := 1, 1
	if nthreads > 1 {
		if M >= 2*switchRatio {
			ntm = nthreads
			for M < ntm*switchRatio {
				ntm /= 2
			}
		}
		if N >= switchRatio*ntm {
			ntn = (N + switchRatio*ntm - 1) / (switchRatio * ntm)
			if ntm*ntn > nthreads {
				ntn = nthreads / ntm
			}
		}
	}
	firstMinI := func(mi int) int {
		switch {
		case mi >= 2*gemmP:
			return gemmP
		case mi > gemmP:
			return (mi/2 + gemmUnrollM - 1) / gemmUnrollM * gemmUnrollM
		}
		return mi
	}
	if ntm*ntn <= 1 {
		// level3.c, single thread.
		for ls := 0; ls < K; {
			minL := K - ls
			if minL >= 2*gemmQ {
				minL = gemmQ
			} else if minL > gemmQ {
				minL = (minL/2 + gemmUnrollM - 1) / gemmUnrollM * gemmUnrollM
			}
			p.kBlocks = append(p.kBlocks, span{ls, minL})
			ls += minL
		}
		for js := 0; js < N; js += gemmR {
			minJ := min(N-js, gemmR)
			minI := firstMinI(M)
			for jjs := js; jjs < js+minJ; {
				mjj := js + minJ - jjs
				switch {
				case mjj >= 3*gemmUnrollN:
					mjj = 3 * gemmUnrollN
				case mjj >= 2*gemmUnrollN:
					mjj = 2 * gemmUnrollN
				case mjj > gemmUnrollN:
					mjj = gemmUnrollN
				}
				call(0, minI, jjs, mjj)
				jjs += mjj
			}
			for is := minI; is < M; {
				mi := firstMinI(M - is)
				call(is, mi, js, minJ)
				is += mi
			}
		}
		return p
	}
	// level3_thread.c with nth = ntm*ntn threads.
	nth := ntm * ntn
	for ls := 0; ls < K; {
		minL := K - ls
		if minL >= 2*gemmQ {
			minL = gemmQ
		} else if minL > gemmQ {
			minL = (minL + 1) / 2
		}
		p.kBlocks = append(p.kBlocks, span{ls, minL})
		ls += minL
	}
	rangeM := partition(M, ntm, 0)
	for len(rangeM) < nth+1 {
		rangeM = append(rangeM, rangeM[len(rangeM)-1])
	}
	for js0 := 0; js0 < N; js0 += gemmR * nth {
		rangeN := partition(min(N-js0, gemmR*nth), nth, switchRatio)
		for i := range rangeN {
			rangeN[i] += js0
		}
		for len(rangeN) < nth+1 {
			rangeN = append(rangeN, rangeN[len(rangeN)-1])
		}
		for pos := 0; pos < nth; pos++ {
			posM, posN := pos%ntm, pos/ntm
			mFrom, mTo := rangeM[posM], rangeM[posM+1]
			if mTo <= mFrom {
				continue
			}
			minI := mTo - mFrom
			if minI >= 2*gemmP {
				minI = gemmP
			} else if minI > gemmP {
				minI = (minI/2 + gemmUnrollM - 1) / gemmUnrollM * gemmUnrollM
			}
			// Its own columns of X rows, packed in pieces.
			nFrom, nTo := rangeN[pos], rangeN[pos+1]
			divN := (nTo - nFrom + divideRate - 1) / divideRate
			for js := nFrom; js < nTo; js += divN {
				end := min(nTo, js+divN)
				for jjs := js; jjs < end; {
					mjj := end - jjs
					if mjj >= 3*gemmUnrollN {
						mjj = 3 * gemmUnrollN
					} else if mjj > gemmUnrollN {
						mjj = gemmUnrollN
					}
					call(mFrom, minI, jjs, mjj)
					jjs += mjj
				}
			}
			// The pieces the other threads of its group packed.
			for cur := next(pos, posN, ntm); cur != pos; cur = next(cur, posN, ntm) {
				eachPiece(rangeN[cur], rangeN[cur+1], func(js, nn int) { call(mFrom, minI, js, nn) })
			}
			// The rest of its M range, over every piece of the group.
			for is := mFrom + minI; is < mTo; {
				mi := mTo - is
				if mi >= 2*gemmP {
					mi = gemmP
				} else if mi > gemmP {
					mi = ((mi+1)/2 + gemmUnrollM - 1) / gemmUnrollM * gemmUnrollM
				}
				cur := pos
				for {
					eachPiece(rangeN[cur], rangeN[cur+1], func(js, nn int) { call(is, mi, js, nn) })
					cur = next(cur, posN, ntm)
					if cur == pos {
						break
					}
				}
				is += mi
			}
		}
	}
	return p
}

// next is the thread after cur within group posN (threads posN*ntm up to
// (posN+1)*ntm), wrapping around.
func next(cur, posN, ntm int) int {
	cur++
	if cur >= (posN+1)*ntm {
		cur = posN * ntm
	}
	return cur
}

// eachPiece calls f for the DIVIDE_RATE pieces of [from, to).
func eachPiece(from, to int, f func(js, nn int)) {
	div := (to - from + divideRate - 1) / divideRate
	for js := from; js < to; js += div {
		f(js, min(to-js, div))
	}
}

// partition splits n into parts as gemm_driver does (minimum width minW,
// widths rounded up to preferedSize) and returns the boundaries from 0.
func partition(n, parts, minW int) []int {
	b := []int{0}
	for num := 0; n > 0; num++ {
		width := (n + parts - num - 1) / (parts - num)
		if width < minW {
			width = minW
		}
		if preferedSize <= n && width > preferedSize {
			width = (width + preferedSize - 1) / preferedSize * preferedSize
		}
		n -= width
		if n < 0 {
			width += n
		}
		b = append(b, b[len(b)-1]+width)
	}
	return b
}

// Package selection holds the model-selection pieces scikit-learn's
// GridSearchCV and cross_val_score are made of: the folds they split the
// samples into (KFold, StratifiedKFold, exactly as scikit-learn 1.2 makes
// them) and the ranking of candidates.
package selection

import (
	"fmt"
	"sort"
)

// KFold returns the test indices of each of k folds of n samples without
// shuffling: consecutive runs, the first n%k folds one longer.
func KFold(n, k int) ([][]int, error) {
	if k < 2 {
		return nil, fmt.Errorf("ValueError: k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=%d.", k)
	}
	if k > n {
		return nil, fmt.Errorf("ValueError: Cannot have number of splits n_splits=%d greater than the number of samples: n_samples=%d.", k, n)
	}
	folds := make([][]int, k)
	at := 0
	for f := range k {
		size := n / k
		if f < n%k {
			size++
		}
		folds[f] = make([]int, size)
		for i := range size {
			folds[f][i] = at + i
		}
		at += size
	}
	return folds, nil
}

// StratifiedKFold returns the test indices of each of k folds that keep
// the proportion of each class, as scikit-learn's StratifiedKFold without
// shuffling: classes are numbered in order of first appearance, the
// sorted labels are dealt round-robin to count each fold's share of each
// class, and each class's samples, in order, fill fold 0's share, then
// fold 1's, and so on.
func StratifiedKFold(y []float64, k int) ([][]int, error) {
	n := len(y)
	if k < 2 {
		return nil, fmt.Errorf("ValueError: k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=%d.", k)
	}
	if k > n {
		return nil, fmt.Errorf("ValueError: Cannot have number of splits n_splits=%d greater than the number of samples: n_samples=%d.", k, n)
	}
	// Encode classes by first appearance.
	code := map[float64]int{}
	enc := make([]int, n)
	for i, v := range y {
		c, ok := code[v]
		if !ok {
			c = len(code)
			code[v] = c
		}
		enc[i] = c
	}
	nc := len(code)
	counts := make([]int, nc)
	for _, c := range enc {
		counts[c]++
	}
	if k > n || allBelow(counts, k) {
		return nil, fmt.Errorf("ValueError: n_splits=%d cannot be greater than the number of members in each class.", k)
	}
	// allocation[f][c]: how many of class c fold f gets, from dealing
	// the sorted labels round-robin.
	sorted := append([]int(nil), enc...)
	sort.Ints(sorted)
	alloc := make([][]int, k)
	for f := range k {
		alloc[f] = make([]int, nc)
		for i := f; i < n; i += k {
			alloc[f][sorted[i]]++
		}
	}
	testFold := make([]int, n)
	next := make([]int, nc) // fold being filled per class
	used := make([]int, nc) // of that fold's share
	for i, c := range enc {
		for used[c] >= alloc[next[c]][c] {
			next[c]++
			used[c] = 0
		}
		testFold[i] = next[c]
		used[c]++
	}
	folds := make([][]int, k)
	for i, f := range testFold {
		folds[f] = append(folds[f], i)
	}
	return folds, nil
}

func allBelow(counts []int, k int) bool {
	for _, c := range counts {
		if c >= k {
			return false
		}
	}
	return true
}

// Train returns the indices in [0, n) not in test (sorted).
func Train(n int, test []int) []int {
	in := make([]bool, n)
	for _, i := range test {
		in[i] = true
	}
	out := make([]int, 0, n-len(test))
	for i := range n {
		if !in[i] {
			out = append(out, i)
		}
	}
	return out
}

// Rank ranks scores from best (1), ties sharing their lowest rank, as
// scikit-learn's rank_test_score (scipy's rankdata(-scores, "min")).
func Rank(scores []float64) []int {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return scores[idx[a]] > scores[idx[b]] })
	rank := make([]int, len(scores))
	for pos, i := range idx {
		if pos > 0 && scores[i] == scores[idx[pos-1]] {
			rank[i] = rank[idx[pos-1]]
		} else {
			rank[i] = pos + 1
		}
	}
	return rank
}

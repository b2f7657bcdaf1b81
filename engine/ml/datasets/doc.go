// Package datasets generates scikit-learn's synthetic data sets
// (make_classification, make_blobs) in pure Go, bit for bit as scikit-learn
// 1.2.1 with numpy 1.24.2 produces them on the reference machine for the same
// arguments and random_state.
package datasets

package dataframe

import (
	"fmt"

	"burst/engine/frame"
	"burst/engine/graph"
)

// The covariance and correlation of a frame's numeric columns: per
// partition sums (cov-chunk), combined exactly in one task (cov-agg), as
// Dask's cov and corr.

type covParams struct {
	Corr bool `json:"corr,omitempty"`
}

func opCovChunk(_ *graph.Env, _ covParams, in []graph.Value) (graph.Value, error) {
	f, _, err := asFrame(in[0])
	if err != nil {
		return nil, err
	}
	return frame.CovChunk(f), nil
}

func opCovAgg(_ *graph.Env, p covParams, in []graph.Value) (graph.Value, error) {
	parts := make([]*frame.Frame, len(in))
	for i, v := range in {
		f, ok := v.(*frame.Frame)
		if !ok {
			return nil, fmt.Errorf("want cov-chunk results, got %T", v)
		}
		parts[i] = f
	}
	return frame.CovAgg(parts, p.Corr)
}

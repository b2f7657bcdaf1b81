// Package mat holds the dense matrix the machine-learning packages share:
// row-major float64, as numpy lays out a C-contiguous 2-D array, so a
// numpy-style array in the kernel can wrap Data without copying.
package mat

import "fmt"

// Dense is a Rows×Cols row-major matrix: element (i, j) is Data[i*Cols+j].
type Dense struct {
	Rows, Cols int
	Data       []float64
}

// New returns a zeroed rows×cols matrix.
func New(rows, cols int) *Dense {
	return &Dense{Rows: rows, Cols: cols, Data: make([]float64, rows*cols)}
}

// FromRows copies rows (all of one length) into a new matrix.
func FromRows(rows [][]float64) (*Dense, error) {
	if len(rows) == 0 {
		return &Dense{}, nil
	}
	m := New(len(rows), len(rows[0]))
	for i, r := range rows {
		if len(r) != m.Cols {
			return nil, fmt.Errorf("row %d has %d values, row 0 has %d", i, len(r), m.Cols)
		}
		copy(m.Data[i*m.Cols:], r)
	}
	return m, nil
}

// Row returns row i, sharing memory with m.
func (m *Dense) Row(i int) []float64 { return m.Data[i*m.Cols : (i+1)*m.Cols : (i+1)*m.Cols] }

// At returns element (i, j).
func (m *Dense) At(i, j int) float64 { return m.Data[i*m.Cols+j] }

// Set sets element (i, j).
func (m *Dense) Set(i, j int, v float64) { m.Data[i*m.Cols+j] = v }

// SelectRows returns a new matrix holding the given rows in order.
func (m *Dense) SelectRows(idx []int) *Dense {
	out := New(len(idx), m.Cols)
	for k, i := range idx {
		copy(out.Data[k*m.Cols:(k+1)*m.Cols], m.Row(i))
	}
	return out
}

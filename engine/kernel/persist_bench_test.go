package kernel

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkPersisted measures len, a column sum and a group-by mean on a
// persisted DataFrame of many columns and on the same rows persisted with
// two columns. Data in memory should answer at memory speed whatever the
// number of columns: the ratio wide/narrow (reported as x-narrow) should
// stay near 1. The frame is the NYC flights data when BURST_FLIGHTS names
// a folder holding data/nycflights/*.csv (the repository's root, after
// go run ./build data), else a synthetic 23-column one.
func BenchmarkPersisted(b *testing.B) {
	dir := benchFlights(b)
	for _, work := range []struct{ name, code string }{
		{"len", "len(df)"},
		{"sum", "df.DepDelay.sum().compute()"},
		{"groupby", "df.groupby('Origin').DepDelay.mean().compute()"},
	} {
		b.Run(work.name, func(b *testing.B) {
			wide := persistedKernel(b, dir, "")
			narrow := persistedKernel(b, dir, `[["Origin", "DepDelay"]]`)
			b.ResetTimer()
			var tw, tn time.Duration
			for range b.N {
				t0 := time.Now()
				wide.mustRun(work.code)
				tw += time.Since(t0)
				t0 = time.Now()
				narrow.mustRun(work.code)
				tn += time.Since(t0)
			}
			b.ReportMetric(float64(tw.Milliseconds())/float64(b.N), "wide-ms/op")
			b.ReportMetric(float64(tn.Milliseconds())/float64(b.N), "narrow-ms/op")
			b.ReportMetric(float64(tw)/float64(tn), "x-narrow")
		})
	}
	// persist costs a cold read + 20% at most: both read every column.
	// Each has its own kernel, so that the read does not find the
	// partitions persisted (the same keys) in memory.
	b.Run("persist", func(b *testing.B) {
		kp, kr := benchKernel(b, dir), benchKernel(b, dir)
		var tp, tr time.Duration
		for range b.N {
			// Fresh workers: the last run's partitions (the same keys)
			// are still held until the old df is collected.
			kp.mustRun("client.restart()")
			t0 := time.Now()
			kp.mustRun(readFlights("") + "\ndf = df.persist()\nwait(df)")
			tp += time.Since(t0)
			t0 = time.Now()
			kr.mustRun(readFlights("") + "\nlen(df)")
			tr += time.Since(t0)
		}
		b.ReportMetric(float64(tp.Milliseconds())/float64(b.N), "persist-ms/op")
		b.ReportMetric(float64(tr.Milliseconds())/float64(b.N), "read-ms/op")
		b.ReportMetric(float64(tp)/float64(tr), "x-read")
	})
}

type benchCells struct {
	b *testing.B
	k *Kernel
}

func (c benchCells) mustRun(code string) {
	c.b.Helper()
	var errs []string
	if !c.k.Execute(context.Background(), code, func(o Output) {
		if o.Type == "error" {
			errs = append(errs, o.EName+": "+o.EValue)
		}
	}) {
		c.b.Fatalf("%s\n---\n%s", code, strings.Join(errs, "\n"))
	}
}

func benchKernel(b *testing.B, dir string) benchCells {
	k := New(&NativeHost{Dir: dir})
	c := benchCells{b, k}
	c.mustRun("from dask.distributed import Client, wait\nclient = Client()")
	b.Cleanup(func() { c.mustRun("client.close()") })
	return c
}

func readFlights(cols string) string {
	return `import dask.dataframe as dd
df = dd.read_csv("data/nycflights/*.csv", parse_dates={"Date": [0, 1, 2]},
                 dtype={"TailNum": str, "CRSElapsedTime": float, "Cancelled": bool})` + cols
}

// persistedKernel is a kernel with a Client whose df is persisted, with
// the columns cols selects (all when empty), and in memory.
func persistedKernel(b *testing.B, dir, cols string) benchCells {
	c := benchKernel(b, dir)
	c.mustRun(readFlights(cols) + "\ndf = df.persist()\nwait(df)\nlen(df)")
	return c
}

// benchFlights returns a folder with data/nycflights/*.csv.
func benchFlights(b *testing.B) string {
	if d := os.Getenv("BURST_FLIGHTS"); d != "" {
		return d
	}
	root := b.TempDir()
	dir := filepath.Join(root, "data", "nycflights")
	os.MkdirAll(dir, 0o755)
	r := rand.New(rand.NewSource(1))
	origins := []string{"EWR", "JFK", "LGA"}
	for f := range 4 {
		fh, err := os.Create(filepath.Join(dir, fmt.Sprintf("%d.csv", 1990+f)))
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(fh)
		w.WriteString("Year,Month,DayofMonth,DayOfWeek,DepTime,CRSDepTime,ArrTime,CRSArrTime,UniqueCarrier,FlightNum,TailNum,ActualElapsedTime,CRSElapsedTime,AirTime,ArrDelay,DepDelay,Origin,Dest,Distance,TaxiIn,TaxiOut,Cancelled,Diverted\n")
		for i := range 100_000 {
			dep := r.Intn(120) - 10
			fmt.Fprintf(w, "%d,%d,%d,%d,%d,%d,%d,%d,CO,%d,,%d,%d,,%d,%d,%s,SAV,%d,,,0,0\n",
				1990+f, 1+i%12, 1+i%28, 1+i%7, 600+i%1200, 600, 833, 759, r.Intn(2000), 120+r.Intn(60), 119, dep+r.Intn(20), dep, origins[r.Intn(3)], 200+r.Intn(2000))
		}
		w.Flush()
		fh.Close()
	}
	return root
}

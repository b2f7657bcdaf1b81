package dataset

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestTaxiIsDeterministicAndShaped(t *testing.T) {
	const gb = 0.01
	a, b := t.TempDir(), t.TempDir()
	t0 := time.Now()
	pa, err := Taxi(a, gb)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(t0)
	pb, err := Taxi(b, gb)
	if err != nil {
		t.Fatal(err)
	}
	if len(pa) != 12 {
		t.Fatalf("%d files", len(pa))
	}
	var size int64
	var rows, card, cardTipped, cash, noPassengers, congestion int
	var cardTipShare float64
	for i := range pa {
		x, _ := os.ReadFile(pa[i])
		y, _ := os.ReadFile(pb[i])
		if !bytes.Equal(x, y) {
			t.Fatalf("%s differs between runs", filepath.Base(pa[i]))
		}
		if want := "yellow_tripdata_2019-" + strconv.Itoa(101 + i)[1:] + ".csv"; filepath.Base(pa[i]) != want {
			t.Fatalf("file %s, want %s", filepath.Base(pa[i]), want)
		}
		size += int64(len(x))
		lines := strings.Split(strings.TrimSuffix(string(x), "\n"), "\n")
		if lines[0]+"\n" != taxiHeader {
			t.Fatalf("header %q", lines[0])
		}
		monthStart := time.Date(2019, time.Month(i+1), 1, 0, 0, 0, 0, time.UTC)
		monthEnd := monthStart.AddDate(0, 1, 0)
		for _, l := range lines[1:] {
			f := strings.Split(l, ",")
			if len(f) != 18 {
				t.Fatalf("%d fields in %q", len(f), l)
			}
			rows++
			pick, err1 := time.Parse(time.DateTime, f[1])
			drop, err2 := time.Parse(time.DateTime, f[2])
			if err1 != nil || err2 != nil || pick.Before(monthStart) || !drop.After(pick) || !drop.Before(monthEnd) {
				t.Fatalf("times %s → %s outside %s or reversed", f[1], f[2], monthStart.Format("2006-01"))
			}
			if f[3] == "" {
				noPassengers++
			}
			for _, j := range []int{7, 8} {
				if z, err := strconv.Atoi(f[j]); err != nil || z < 1 || z > 265 {
					t.Fatalf("location %q", f[j])
				}
			}
			if f[6] != "N" && f[6] != "Y" {
				t.Fatalf("store_and_fwd_flag %q", f[6])
			}
			money := make([]float64, 8)
			for j := range money {
				v, err := strconv.ParseFloat(f[10+j], 64)
				if err != nil || v < 0 {
					t.Fatalf("amount %q in %q", f[10+j], l)
				}
				money[j] = v
			}
			fare, tip, total := money[0], money[3], money[6]
			sum := money[0] + money[1] + money[2] + money[3] + money[4] + money[5] + money[7]
			if d := sum - total; d > 0.005 || d < -0.005 {
				t.Fatalf("total %v is not the sum of the parts (%v) in %q", total, sum, l)
			}
			if f[17] != "0" && f[17] != "2.5" {
				t.Fatalf("congestion_surcharge %q", f[17])
			}
			if f[17] == "2.5" {
				congestion++
			}
			switch f[9] {
			case "1":
				card++
				if tip > 0 {
					cardTipped++
					share := tip / fare
					if share < 0.14 || share > 0.26 {
						t.Fatalf("card tip %v on a fare of %v", tip, fare)
					}
					cardTipShare += share
				}
			case "2":
				cash++
				if tip != 0 {
					t.Fatalf("cash tip %v", tip)
				}
			}
		}
	}
	if want := int64(gb * 1e9); size < want || size > want+12*200 {
		t.Errorf("%d bytes in all, want about %d", size, want)
	}
	if frac := float64(cash) / float64(rows); frac < 0.2 || frac > 0.35 {
		t.Errorf("cash fraction %.3f", frac)
	}
	if frac := float64(noPassengers) / float64(rows); frac < 0.003 || frac > 0.03 {
		t.Errorf("missing passenger_count fraction %.3f", frac)
	}
	if frac := float64(congestion) / float64(rows); frac < 0.5 || frac > 0.9 {
		t.Errorf("congestion fraction %.3f", frac)
	}
	if frac := float64(cardTipped) / float64(card); frac < 0.8 || frac > 0.95 {
		t.Errorf("tipped card fraction %.3f", frac)
	}
	t.Logf("%d rows, %.1f MB in %v (%.0f MB/s); mean card tip %.1f%% of the fare", rows, float64(size)/1e6, elapsed.Round(time.Millisecond), float64(size)/1e6/elapsed.Seconds(), 100*cardTipShare/float64(cardTipped))
}

func BenchmarkTaxi(b *testing.B) {
	dir := b.TempDir()
	const gb = 0.1
	for b.Loop() {
		if _, err := Taxi(dir, gb); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(gb * 1e9))
}

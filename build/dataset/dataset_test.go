package dataset

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSmallIsDeterministicAndShaped(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	pa, err := Flights(a, "small")
	if err != nil {
		t.Fatal(err)
	}
	pb, err := Flights(b, "small")
	if err != nil {
		t.Fatal(err)
	}
	if len(pa) != 10 {
		t.Fatalf("%d files", len(pa))
	}
	cancelled, total := 0, 0
	for i := range pa {
		x, _ := os.ReadFile(pa[i])
		y, _ := os.ReadFile(pb[i])
		if !bytes.Equal(x, y) {
			t.Fatalf("%s differs between runs", filepath.Base(pa[i]))
		}
		lines := strings.Split(strings.TrimSuffix(string(x), "\n"), "\n")
		if lines[0]+"\n" != header || len(lines) != 1001 {
			t.Fatalf("%s: header %q, %d lines", pa[i], lines[0], len(lines))
		}
		year := 1990 + i
		for _, l := range lines[1:] {
			f := strings.Split(l, ",")
			if len(f) != 23 {
				t.Fatalf("%d fields in %q", len(f), l)
			}
			d, err := time.Parse("2006 1 2", f[0]+" "+f[1]+" "+f[2])
			if err != nil {
				t.Fatal(err)
			}
			wd := int(d.Weekday())
			if wd == 0 {
				wd = 7
			}
			if f[3] != string(rune('0'+wd)) {
				t.Fatalf("DayOfWeek %s for %s", f[3], d.Format("2006-01-02"))
			}
			if (f[10] == "") != (year < 1995) {
				t.Fatalf("TailNum %q in %d", f[10], year)
			}
			if year == 1990 && f[12] == "" {
				t.Fatal("CRSElapsedTime missing in 1990")
			}
			total++
			if f[21] == "1" {
				cancelled++
				if f[15] != "" || f[14] != "" || f[4] != "" {
					t.Fatalf("cancelled flight with delays: %q", l)
				}
			}
		}
	}
	if frac := float64(cancelled) / float64(total); frac < 0.01 || frac > 0.03 {
		t.Errorf("cancelled fraction %.3f, want about 2%%", frac)
	}
}

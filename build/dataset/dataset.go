// Package dataset generates Burst's synthetic datasets. The NYC flights
// files mimic the schema and the quirks of the real data the Dask tutorial
// uses (flights from EWR, JFK and LGA, 1990–1999), but every value is
// synthetic: drawn from seeded generators, so a given size always gives
// byte-identical files.
package dataset

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// Version changes whenever the generator's output changes.
const Version = "flights-v2"

const header = "Year,Month,DayofMonth,DayOfWeek,DepTime,CRSDepTime,ArrTime,CRSArrTime,UniqueCarrier,FlightNum,TailNum,ActualElapsedTime,CRSElapsedTime,AirTime,ArrDelay,DepDelay,Origin,Dest,Distance,TaxiIn,TaxiOut,Cancelled,Diverted\n"

type dest struct {
	code string
	dist [3]int // miles from EWR, JFK, LGA
}

var dests = []dest{
	{"ORD", [3]int{719, 740, 733}}, {"ATL", [3]int{746, 760, 762}}, {"LAX", [3]int{2454, 2475, 2469}},
	{"BOS", [3]int{200, 187, 184}}, {"DCA", [3]int{199, 213, 214}}, {"MIA", [3]int{1085, 1089, 1096}},
	{"SFO", [3]int{2565, 2586, 2580}}, {"PIT", [3]int{319, 340, 335}}, {"DTW", [3]int{488, 509, 502}},
	{"CLT", [3]int{529, 541, 544}}, {"MCO", [3]int{937, 944, 950}}, {"FLL", [3]int{1065, 1069, 1076}},
	{"DFW", [3]int{1372, 1391, 1389}}, {"IAH", [3]int{1400, 1417, 1416}}, {"DEN", [3]int{1605, 1626, 1620}},
	{"MSP", [3]int{1008, 1029, 1020}}, {"STL", [3]int{872, 892, 888}}, {"CLE", [3]int{404, 425, 419}},
	{"RDU", [3]int{416, 427, 431}}, {"BWI", [3]int{169, 184, 185}}, {"PHL", [3]int{80, 94, 96}},
	{"TPA", [3]int{997, 1005, 1010}}, {"SEA", [3]int{2402, 2422, 2422}}, {"PHX", [3]int{2133, 2153, 2153}},
	{"LAS", [3]int{2227, 2248, 2242}}, {"SAN", [3]int{2425, 2446, 2437}}, {"CVG", [3]int{569, 589, 585}},
	{"IND", [3]int{645, 665, 660}}, {"CMH", [3]int{463, 483, 479}}, {"BUF", [3]int{282, 301, 292}},
	{"ROC", [3]int{246, 264, 254}}, {"SYR", [3]int{195, 209, 198}}, {"PWM", [3]int{284, 273, 269}},
	{"BTV", [3]int{266, 266, 258}}, {"RIC", [3]int{277, 288, 292}}, {"ORF", [3]int{284, 290, 296}},
	{"MSY", [3]int{1167, 1182, 1183}}, {"MEM", [3]int{946, 963, 963}}, {"BNA", [3]int{748, 765, 764}},
	{"SJU", [3]int{1608, 1598, 1617}}, {"PBI", [3]int{1023, 1028, 1035}}, {"RSW", [3]int{1068, 1074, 1080}},
	{"MKE", [3]int{725, 745, 738}}, {"SLC", [3]int{1969, 1990, 1984}}, {"SAT", [3]int{1569, 1587, 1587}},
	{"AUS", [3]int{1504, 1521, 1521}}, {"JAX", [3]int{820, 828, 833}}, {"SAV", [3]int{708, 717, 722}},
	{"CHS", [3]int{628, 636, 641}}, {"GSO", [3]int{445, 461, 461}}, {"ALB", [3]int{143, 145, 136}},
	{"HOU", [3]int{1411, 1428, 1428}}, {"MCI", [3]int{1092, 1113, 1107}}, {"OMA", [3]int{1134, 1155, 1148}},
	{"SDF", [3]int{642, 659, 659}}, {"PDX", [3]int{2434, 2454, 2446}}, {"SJC", [3]int{2546, 2569, 2560}},
	{"ONT", [3]int{2406, 2427, 2421}}, {"TUL", [3]int{1215, 1233, 1231}}, {"DAY", [3]int{533, 553, 549}},
}

var carriers = []string{"US", "AA", "UA", "CO", "DL", "TW", "NW", "HP", "EA", "PA"}

var origins = []string{"EWR", "JFK", "LGA"}

// Per origin: share of flights (cumulative) and delay profile.
var (
	originCum   = [3]float64{0.35, 0.60, 1.0}
	originDelay = [3]float64{1.35, 0.85, 1.1}
	weekdayMul  = [8]float64{0, 1.0, 0.9, 0.95, 1.2, 1.3, 0.75, 0.95} // index 1=Monday
	monthMul    = [13]float64{0, 1.15, 1.0, 0.95, 0.9, 0.95, 1.15, 1.3, 1.1, 0.8, 0.85, 0.95, 1.4}
)

// Flights writes dir/nycflights/1990.csv … 1999.csv and returns their paths.
// size is "small" (1,000 rows per file) or "full" (about 2.6 million rows).
func Flights(dir, size string) ([]string, error) {
	if size != "small" && size != "full" {
		return nil, fmt.Errorf("dataset: size must be small or full, not %q", size)
	}
	out := filepath.Join(dir, "nycflights")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	paths := make([]string, 10)
	errs := make([]error, 10)
	var wg sync.WaitGroup
	for i := range 10 {
		year := 1990 + i
		rows := 1000
		if size == "full" {
			rows = 250000 + (year*7919)%22000
		}
		paths[i] = filepath.Join(out, fmt.Sprintf("%d.csv", year))
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = writeYear(paths[i], year, rows)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// hhmm adds minutes to an HHMM time, wrapping at midnight into 1..2400.
func hhmm(base, add int) int {
	m := (base/100*60 + base%100 + add) % 1440
	if m < 0 {
		m += 1440
	}
	if m == 0 {
		return 2400
	}
	return m/60*100 + m%60
}

func writeYear(path string, year, rows int) error {
	r := rand.New(rand.NewPCG(uint64(year), 0xb0257))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(header)
	days := 365
	if year%4 == 0 {
		days = 366
	}
	late := year >= 1995
	buf := make([]byte, 0, 256)
	num := func(v int) { buf = strconv.AppendInt(buf, int64(v), 10); buf = append(buf, ',') }
	empty := func() { buf = append(buf, ',') }
	row := 0
	perDay := rows / days
	extra := rows % days
	for d := range days {
		date := time.Date(year, 1, 1+d, 0, 0, 0, 0, time.UTC)
		n := perDay
		if d < extra {
			n++
		}
		// Scheduled departures of the day, sorted.
		deps := make([]int, n)
		for i := range deps {
			deps[i] = 360 + r.IntN(1080) // 06:00 to 23:59
		}
		sortInts(deps)
		wd := int(date.Weekday())
		if wd == 0 {
			wd = 7
		}
		month := int(date.Month())
		for _, dm := range deps {
			u := r.Float64()
			o := 0
			for u > originCum[o] {
				o++
			}
			de := dests[r.IntN(len(dests))]
			dist := de.dist[o]
			crsElapsed := dist/8 + 30 + r.IntN(15)
			crsDep := dm/60*100 + dm%60
			crsArr := hhmm(crsDep, crsElapsed)
			// Skewed delays: mostly small, a long exponential tail.
			scale := originDelay[o] * weekdayMul[wd] * monthMul[month]
			delay := -8 + r.IntN(12)
			if r.Float64() < 0.26*scale {
				delay += int(r.ExpFloat64() * 24 * scale)
			}
			delay = max(delay, -15)
			arrDelay := delay + r.IntN(21) - 10
			// As in the real 1990 file, a flight among the first rows is
			// cancelled, so Dask's ten-row dtype sample sees DepTime,
			// DepDelay… as float64.
			cancelled := r.Float64() < 0.02 || (year == 1990 && row == 4)
			row++
			diverted := !cancelled && r.Float64() < 0.002
			buf = buf[:0]
			num(year)
			num(month)
			num(date.Day())
			num(wd)
			if cancelled {
				empty()
			} else {
				num(hhmm(crsDep, delay))
			}
			num(crsDep)
			if cancelled || diverted {
				empty()
			} else {
				num(hhmm(crsArr, arrDelay))
			}
			num(crsArr)
			buf = append(buf, carriers[r.IntN(len(carriers))]...)
			buf = append(buf, ',')
			num(1 + r.IntN(2000))
			if late {
				buf = append(buf, 'N')
				buf = strconv.AppendInt(buf, int64(100+r.IntN(99900)), 10)
				if r.IntN(3) == 0 {
					buf = append(buf, byte('A'+r.IntN(26)))
				}
			}
			buf = append(buf, ',')
			taxiOut, taxiIn := 8+r.IntN(25), 3+r.IntN(10)
			actual := crsElapsed + arrDelay - delay
			if cancelled || diverted {
				empty()
			} else {
				num(actual)
			}
			if late && r.Float64() < 0.001 {
				empty()
			} else {
				num(crsElapsed)
			}
			if late && !cancelled && !diverted {
				num(max(actual-taxiOut-taxiIn, 10))
			} else {
				empty()
			}
			if cancelled || diverted {
				empty()
			} else {
				num(arrDelay)
			}
			if cancelled {
				empty()
			} else {
				num(delay)
			}
			buf = append(buf, origins[o]...)
			buf = append(buf, ',')
			buf = append(buf, de.code...)
			buf = append(buf, ',')
			num(dist)
			if late && !cancelled {
				num(taxiIn)
				num(taxiOut)
			} else {
				empty()
				empty()
			}
			buf = append(buf, b01(cancelled), ',', b01(diverted), '\n')
			w.Write(buf)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func b01(b bool) byte {
	if b {
		return '1'
	}
	return '0'
}

func sortInts(a []int) {
	// Insertion sort is too slow for 700 values a day; use a counting sort
	// over minutes of the day.
	var count [1440]int
	for _, v := range a {
		count[v]++
	}
	i := 0
	for m, c := range count {
		for ; c > 0; c-- {
			a[i] = m
			i++
		}
	}
}

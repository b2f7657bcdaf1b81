package dataset

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// TaxiVersion changes whenever the taxi generator's output changes.
const TaxiVersion = "taxi-v1"

const taxiHeader = "VendorID,tpep_pickup_datetime,tpep_dropoff_datetime,passenger_count,trip_distance,RatecodeID,store_and_fwd_flag,PULocationID,DOLocationID,payment_type,fare_amount,extra,mta_tax,tip_amount,tolls_amount,improvement_surcharge,total_amount,congestion_surcharge\n"

// Trips per month in the real 2019 yellow-taxi data, in thousands: each
// month's share of the requested size follows them.
var taxiMonthTrips = [12]float64{7667, 7050, 7832, 7433, 7566, 6941, 6311, 6073, 6568, 7213, 6879, 6897}

// Busy zones (Midtown, Upper East and West Side, the airports…) take most
// pickups and drop-offs, as in the real data; the rest are spread over
// all 265 zones.
var taxiBusyZones = []int{237, 236, 161, 162, 170, 186, 230, 48, 234, 142, 239, 68, 163, 79, 107, 141, 164, 263, 238, 249, 138, 132, 100, 140, 229, 90, 113, 233, 43, 262}

// Taxi writes dir/nyctaxi/yellow_tripdata_2019-01.csv … -12.csv, about gb
// gigabytes (10⁹ bytes) in all, and returns their paths. Each month is
// written by its own goroutine from its own seeded generator, so the same
// gb always gives the same bytes.
func Taxi(dir string, gb float64) ([]string, error) {
	if !(gb > 0) || gb > 1000 {
		return nil, fmt.Errorf("dataset: taxi size must be between 0 and 1000 GB, not %g", gb)
	}
	out := filepath.Join(dir, "nyctaxi")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	var total float64
	for _, n := range taxiMonthTrips {
		total += n
	}
	paths := make([]string, 12)
	errs := make([]error, 12)
	var wg sync.WaitGroup
	for i := range 12 {
		target := int64(gb * 1e9 * taxiMonthTrips[i] / total)
		paths[i] = filepath.Join(out, fmt.Sprintf("yellow_tripdata_2019-%02d.csv", i+1))
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = writeTaxiMonth(paths[i], i+1, target)
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

// writeTaxiMonth writes trips of 2019-month until the file holds at least
// target bytes (and at least one trip).
func writeTaxiMonth(path string, month int, target int64) error {
	r := rand.New(rand.NewPCG(uint64(2019*100+month), 0x7a81))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(taxiHeader)
	written := int64(len(taxiHeader))
	start := time.Date(2019, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
	monthSecs := int(start.AddDate(0, 1, 0).Sub(start) / time.Second)
	firstWeekday := int(start.Weekday())
	buf := make([]byte, 0, 256)
	for rows := 0; rows == 0 || written < target; rows++ {
		buf = appendTrip(buf[:0], r, start.Year(), month, monthSecs, firstWeekday)
		w.Write(buf)
		written += int64(len(buf))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// appendTrip appends one trip as a CSV line. Money is computed in cents
// so that total_amount is exactly the sum of its parts, as on a receipt.
func appendTrip(buf []byte, r *rand.Rand, year, month, monthSecs, firstWeekday int) []byte {
	// Distance: mostly short hops, a long tail to the airports and beyond.
	dist := int(math.Exp(0.55+0.85*r.NormFloat64()) * 100) // hundredths of a mile
	if r.IntN(100) == 0 {
		dist = 0 // the real data has zero-distance trips
	}
	dist = min(dist, 6000)
	rate := 1
	switch u := r.IntN(1000); {
	case u < 22:
		rate = 2 // JFK flat fare
	case u < 26:
		rate = 3 // Newark
	case u < 28:
		rate = 4 // Nassau or Westchester
	case u < 33:
		rate = 5 // negotiated
	case u < 34:
		rate = 99
	}
	if rate == 2 || rate == 3 {
		dist = max(dist, 1500+r.IntN(800))
	}
	// Trip time: city speeds of 6 to 20 mph, plus time at lights.
	mph := 6 + r.Float64()*14
	secs := 60 + r.IntN(240) + int(float64(dist)/100/mph*3600)
	// Pickups follow the day: few at 4 am, most in the evening.
	day := r.IntN(monthSecs / 86400)
	var hour int
	for {
		hour = r.IntN(24)
		if r.Float64() < taxiHourWeight[hour] {
			break
		}
	}
	pick := day*86400 + hour*3600 + r.IntN(3600)
	pick = min(pick, monthSecs-1-secs) // dropoff within the month
	drop := pick + secs
	weekday := (firstWeekday + day) % 7

	vendor := 2
	if r.IntN(100) < 36 {
		vendor = 1
	}
	pay := 1
	switch u := r.IntN(1000); {
	case u < 275:
		pay = 2 // cash
	case u < 282:
		pay = 3 // no charge
	case u < 285:
		pay = 4 // dispute
	}
	// Metered fare: $2.50 flag drop, $2.50 a mile, 50¢ a minute in slow
	// traffic, rounded to 50¢ like the meter's increments.
	var fare int
	switch rate {
	case 2:
		fare = 5200
	case 3:
		fare = 2000 + dist*250/100
	case 5:
		fare = (2000 + r.IntN(8000)) / 100 * 100
	default:
		fare = 250 + dist*250/100 + secs/60*50*(20-int(mph))/20
		fare = (fare + 49) / 50 * 50
	}
	extra := 0
	if hour >= 20 || hour < 6 {
		extra = 50
	} else if hour >= 16 && weekday >= 1 && weekday <= 5 {
		extra = 100
	}
	if rate == 2 || rate == 5 {
		extra = 0
	}
	mta := 50
	if rate == 5 && r.IntN(2) == 0 {
		mta = 0
	}
	improvement := 30
	tolls := 0
	if dist > 800 && r.IntN(4) == 0 {
		tolls = 576
	}
	congestion := 0
	if r.IntN(100) < 72 {
		congestion = 250
	}
	// Card tips are 15–25% of the fare, often a round preset; one in
	// ten card riders tips nothing. Cash tips never show up in the data.
	tip := 0
	if pay == 1 && r.IntN(10) != 0 {
		pct := 15 + r.IntN(11)
		if r.IntN(3) == 0 {
			pct = 20 + 5*r.IntN(2)
		}
		tip = fare * pct / 100
	}
	total := fare + extra + mta + tip + tolls + improvement + congestion

	buf = strconv.AppendInt(buf, int64(vendor), 10)
	buf = append(buf, ',')
	buf = appendDateTime(buf, year, month, pick)
	buf = append(buf, ',')
	buf = appendDateTime(buf, year, month, drop)
	buf = append(buf, ',')
	if r.IntN(100) != 0 { // about 1% of trips have no passenger count
		buf = strconv.AppendInt(buf, int64(taxiPassengers(r)), 10)
	}
	buf = append(buf, ',')
	buf = appendHundredths(buf, dist)
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(rate), 10)
	buf = append(buf, ',')
	if r.IntN(100) == 0 {
		buf = append(buf, 'Y')
	} else {
		buf = append(buf, 'N')
	}
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(taxiZone(r)), 10)
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(taxiZone(r)), 10)
	buf = append(buf, ',')
	buf = strconv.AppendInt(buf, int64(pay), 10)
	for _, c := range [...]int{fare, extra, mta, tip, tolls, improvement, total, congestion} {
		buf = append(buf, ',')
		buf = appendCents(buf, c)
	}
	return append(buf, '\n')
}

// taxiHourWeight is the chance of keeping a pickup drawn at each hour.
var taxiHourWeight = [24]float64{0.55, 0.4, 0.3, 0.22, 0.18, 0.2, 0.35, 0.55, 0.7, 0.72, 0.7, 0.72, 0.76, 0.76, 0.8, 0.8, 0.78, 0.88, 1, 1, 0.92, 0.88, 0.85, 0.7}

func taxiPassengers(r *rand.Rand) int {
	switch u := r.IntN(1000); {
	case u < 15:
		return 0
	case u < 715:
		return 1
	case u < 860:
		return 2
	case u < 901:
		return 3
	case u < 921:
		return 4
	case u < 970:
		return 5
	default:
		return 6
	}
}

func taxiZone(r *rand.Rand) int {
	if r.IntN(10) < 7 {
		return taxiBusyZones[r.IntN(len(taxiBusyZones))]
	}
	return 1 + r.IntN(265)
}

// appendDateTime appends "YYYY-MM-DD hh:mm:ss" for secs after the start
// of the month; by hand because time.Format is the slowest part otherwise.
func appendDateTime(buf []byte, year, month, secs int) []byte {
	day, s := 1+secs/86400, secs%86400
	buf = append(buf, byte('0'+year/1000), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10), '-')
	buf = append2(buf, month)
	buf = append(buf, '-')
	buf = append2(buf, day)
	buf = append(buf, ' ')
	buf = append2(buf, s/3600)
	buf = append(buf, ':')
	buf = append2(buf, s/60%60)
	buf = append(buf, ':')
	return append2(buf, s%60)
}

func append2(buf []byte, v int) []byte { return append(buf, byte('0'+v/10), byte('0'+v%10)) }

// appendHundredths appends v/100 with two decimals ("1.50").
func appendHundredths(buf []byte, v int) []byte {
	buf = strconv.AppendInt(buf, int64(v/100), 10)
	return append(buf, '.', byte('0'+v/10%10), byte('0'+v%10))
}

// appendCents appends an amount in cents the way the real files write
// money: no trailing zeros ("7", "0.5", "1.65").
func appendCents(buf []byte, c int) []byte {
	buf = strconv.AppendInt(buf, int64(c/100), 10)
	switch c % 100 {
	case 0:
		return buf
	default:
		if c%10 == 0 {
			return append(buf, '.', byte('0'+c/10%10))
		}
		return append(buf, '.', byte('0'+c/10%10), byte('0'+c%10))
	}
}

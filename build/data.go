package main

import (
	"flag"
	"fmt"
	"time"

	"burst/build/dataset"
)

func cmdData(args []string) error {
	fs := flag.NewFlagSet("data", flag.ExitOnError)
	size := fs.String("size", "full", "small (1,000 rows per file) or full (about 2.6 million rows)")
	dir := fs.String("dir", ".", "folder to write data/ into")
	taxiGB := fs.Float64("taxi-gb", 0, "write data/nyctaxi/yellow_tripdata_2019-*.csv, about this many GB in all (e.g. 0.05); only the taxi files unless -size is given too")
	fs.Parse(args)
	if *size != "small" && *size != "full" {
		return fmt.Errorf("-size must be small or full, not %q", *size)
	}
	sizeSet := false
	fs.Visit(func(f *flag.Flag) { sizeSet = sizeSet || f.Name == "size" })
	if *taxiGB > 0 {
		t0 := time.Now()
		paths, err := dataset.Taxi(*dir+"/data", *taxiGB)
		if err != nil {
			return err
		}
		fmt.Printf("wrote %d taxi files (%g GB, %s) in %.1fs\n", len(paths), *taxiGB, dataset.TaxiVersion, time.Since(t0).Seconds())
		if !sizeSet {
			return nil
		}
	} else if *taxiGB < 0 {
		return fmt.Errorf("-taxi-gb must be positive, not %g", *taxiGB)
	}
	t0 := time.Now()
	paths, err := dataset.Flights(*dir+"/data", *size)
	if err != nil {
		return err
	}
	fmt.Printf("wrote %d files (%s, %s) in %.1fs\n", len(paths), *size, dataset.Version, time.Since(t0).Seconds())
	return nil
}

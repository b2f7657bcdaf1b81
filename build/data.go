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
	fs.Parse(args)
	if *size != "small" && *size != "full" {
		return fmt.Errorf("-size must be small or full, not %q", *size)
	}
	t0 := time.Now()
	paths, err := dataset.Flights(*dir+"/data", *size)
	if err != nil {
		return err
	}
	fmt.Printf("wrote %d files (%s, %s) in %.1fs\n", len(paths), *size, dataset.Version, time.Since(t0).Seconds())
	return nil
}

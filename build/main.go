// Command build builds Burst's site into dist/, generates datasets, and
// runs lessons headlessly.
//
//	go run ./build site [-out dist]           build what is stale
//	go run ./build data [-size small|full] [-dir .] [-taxi-gb N]
//	go run ./build run FILE…                  run cells natively, print outputs
//	go run ./build checks [-root .]           the exercises' expected results, into data/checks.json
//	go run ./build deploy [-out deploy] [-publish]  the folder for Cloudflare Workers
package main

import (
	"fmt"
	"os"
)

const usage = `usage:
  go run ./build site [-out dist] [-force]     build the site (wasm, bundle, lessons) when stale
  go run ./build data [-size small|full] [-dir .]  write data/nycflights/*.csv
  go run ./build data -taxi-gb N [-dir .]       write data/nyctaxi/yellow_tripdata_2019-*.csv, about N GB
  go run ./build run [-dir .] FILE…            run a lesson (.md) or script (.py, "-" for stdin) natively
  go run ./build checks [-root .] [-force]      run the exercises' solutions on root's data/ and write
                                               their results as the page's checks (data/checks.json)
  go run ./build deploy [-out deploy] [-upstream URL] [-publish]
                                               write the Cloudflare Workers deployment (and publish it)
  go run ./build bench frames [-runs 3] [-engines native,browser,pandas,dask]
                                               time the DataFrame workloads against pandas and Dask
  go run ./build bench browser [-data DIR] [-runs 3] [-workers N] [-tasks 50000] [-profile DIR]
                                               Burst against DuckDB-WASM in fresh Chromium pages
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "site":
		err = cmdSite(os.Args[2:])
	case "data":
		err = cmdData(os.Args[2:])
	case "run":
		err = cmdRun(os.Args[2:])
	case "checks":
		err = cmdChecks(os.Args[2:])
	case "deploy":
		err = cmdDeploy(os.Args[2:])
	case "bench":
		err = cmdBench(os.Args[2:])
	default:
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

// Command server serves Burst: it builds whatever is stale (go run ./build
// site), generates the datasets when missing, and serves the site.
//
//	go run ./server [-addr 127.0.0.1:8080] [-data-size full]
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"burst/server/site"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	root := flag.String("root", ".", "the repository: dist/ and data/ live here")
	dataSize := flag.String("data-size", "full", "size of the generated datasets when missing: small or full")
	noBuild := flag.Bool("no-build", false, "serve dist/ as it is, without rebuilding")
	flag.Parse()

	if !*noBuild {
		if err := run(*root, "go", "run", "./build", "site"); err != nil {
			log.Fatalf("building the site: %v", err)
		}
	}
	if _, err := os.Stat(filepath.Join(*root, "data", "nycflights", "1999.csv")); err != nil {
		log.Printf("generating the datasets (%s) …", *dataSize)
		if err := run(*root, "go", "run", "./build", "data", "-size", *dataSize); err != nil {
			log.Fatalf("generating data: %v", err)
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Burst is serving on http://%s/\n", ln.Addr())
	srv := &http.Server{
		Handler:           &site.Handler{Dist: filepath.Join(*root, "dist"), Root: *root},
		ReadHeaderTimeout: 10 * time.Second,
	}
	log.Fatal(srv.Serve(ln))
}

func run(dir string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

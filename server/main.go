// Command server serves Burst: it builds whatever is stale (go run ./build
// site), generates the datasets when missing, and serves the site and,
// with -cluster, the bridge to real Dask clusters (package server/cluster),
// and the classes (/class/new; package server/class).
//
//	go run ./server [-addr 127.0.0.1:8080] [-data-size full] [-cluster tcp://127.0.0.1:8786]…
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"

	"burst/server/class"
	"burst/server/cluster"
	"burst/server/site"
)

// addrList collects a repeated flag.
type addrList []string

func (a *addrList) String() string     { return fmt.Sprint(*a) }
func (a *addrList) Set(s string) error { *a = append(*a, s); return nil }

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	root := flag.String("root", ".", "the repository: dist/ and data/ live here")
	dataSize := flag.String("data-size", "full", "size of the generated datasets when missing: small or full")
	noBuild := flag.Bool("no-build", false, "serve dist/ as it is, without rebuilding")
	var clusters addrList
	flag.Var(&clusters, "cluster", "a Dask scheduler to burst to, like tcp://127.0.0.1:8786 (repeat for more; the first is the default)")
	python := flag.String("python", "/usr/bin/python3", "the Python with dask and distributed that runs the cluster bridge")
	var trusted addrList
	flag.Var(&trusted, "trusted-origin", "an origin whose pages may use the cluster API besides the server's own, like https://burst.example.workers.dev (a Cloudflare deployment whose BURST_UPSTREAM is this server; repeat for more)")
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
	cm, err := cluster.New(clusters, cluster.Options{Python: *python, Root: *root, TrustedOrigins: trusted})
	if err != nil {
		log.Fatal(err)
	}
	defer cm.Close()
	// On Ctrl-C or SIGTERM, stop the bridges (their sessions' clients
	// close on the clusters) and remove the bridge script.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		cm.Close()
		os.Exit(1)
	}()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Burst is serving on http://%s/\n", ln.Addr())
	for i, a := range clusters {
		note := ""
		if i == 0 {
			note = " (the default)"
		}
		fmt.Printf("bursting to the Dask cluster at %s%s\n", a, note)
	}
	h := siteHandler(*root, clusters, cm)
	// The classes live in this process's memory (README: Classes); the
	// exercise list comes from the build (none yet: any well-formed id).
	exercises, err := class.LoadExercises(h.Dist)
	if err != nil {
		log.Fatalf("the exercise list: %v", err)
	}
	classes := class.New(class.Options{Exercises: exercises})
	defer classes.Close()
	h.Class = classes
	// Timeouts against slow and idle clients (site.DefaultLimits says why
	// they are what they are: plans and big datasets take minutes; the
	// cluster API's event stream extends its own deadlines).
	srv := site.NewServer(h, site.DefaultLimits)
	log.Fatal(srv.Serve(ln))
}

// siteHandler is the server's handler. Without -cluster the site answers
// the cluster API itself: the listing says how to start one, and every
// other route is a 503 (server/cluster/README.md), not the Manager's 404
// for a session it never had.
func siteHandler(root string, clusters []string, cm http.Handler) *site.Handler {
	h := &site.Handler{Dist: filepath.Join(root, "dist"), Root: root}
	if len(clusters) > 0 {
		h.Cluster = cm
	} else {
		h.NoCluster = "RuntimeError: " + cluster.NoClusterMessage
	}
	return h
}

func run(dir string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

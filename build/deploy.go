package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"burst/build/dataset"
	"burst/server/site"
)

// Limits of Cloudflare Workers that a deployment must fit. A static asset
// over maxAssetSize is refused at upload, and a Worker whose compressed
// script is over maxWorkerSize (paid plan; freeWorkerSize on the free plan)
// does not deploy.
const (
	maxAssetSize   = 25 << 20
	maxAssets      = 20000
	maxWorkerSize  = 10 << 20
	freeWorkerSize = 3 << 20
)

// isolationHeaders is the _headers file of a deployment: Workers send
// static assets without running the Worker, so the cross-origin isolation
// the page needs (SharedArrayBuffer for its web workers) must come from
// here. The Worker's own responses get the same from site.Isolate.
const isolationHeaders = `# Burst's static assets: every response must be cross-origin isolated,
# or the page loses its web workers' shared memory. Written by go run ./build deploy.
/*
  Cross-Origin-Opener-Policy: same-origin
  Cross-Origin-Embedder-Policy: require-corp
  Cross-Origin-Resource-Policy: same-origin
  X-Content-Type-Options: nosniff
`

func cmdDeploy(args []string) error {
	fl := flag.NewFlagSet("deploy", flag.ExitOnError)
	out := fl.String("out", "deploy", "the folder to write the deployment into")
	dist := fl.String("dist", "dist", "the built site (built first when stale)")
	root := fl.String("data", ".", "the folder holding data/")
	size := fl.String("data-size", "full", "size of the flights data to generate when data/ has none: small or full")
	datasets := fl.String("datasets", "nycflights", "comma-separated folders of data/ to deploy (the taxi data is for clusters, not the browser)")
	name := fl.String("name", "burst", "the Worker's name on Cloudflare")
	upstream := fl.String("upstream", "", "a Burst server started with -cluster that serves Client(burst.remote()) for this deployment (BURST_UPSTREAM)")
	checks := fl.Bool("checks", true, "compute the exercises' checks on the deployed data when stale (data/checks.json; a minute or two) and deploy them")
	publish := fl.Bool("publish", false, "run wrangler deploy when the folder is written (needs a Cloudflare account: wrangler login)")
	fl.Parse(args)
	t0 := time.Now()
	if err := buildSite(*dist, false); err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*root, "data", "nycflights")); err != nil && strings.Contains(","+*datasets+",", ",nycflights,") {
		fmt.Printf("generating the flights data (%s) …\n", *size)
		if _, err := dataset.Flights(filepath.Join(*root, "data"), *size); err != nil {
			return err
		}
	}
	if *checks {
		if _, _, err := writeChecks(*root, "lessons", 2, false); err != nil {
			return fmt.Errorf("the exercises' checks: %w", err)
		}
	}
	d := deployment{out: *out, name: *name, upstream: *upstream}
	if err := d.write(*dist, *root, strings.Split(*datasets, ",")); err != nil {
		return err
	}
	fmt.Printf("wrote %s in %.1fs: %d static assets (%.1f MB), the Worker %s (%.2f MB compressed)\n",
		*out, time.Since(t0).Seconds(), d.assets, float64(d.assetBytes)/1e6, filepath.Join(*out, "worker", "app.wasm"), float64(d.workerGzip)/1e6)
	if *upstream != "" {
		fmt.Printf("the cluster API goes to %s: start it with -trusted-origin https://<this deployment's host>\n", *upstream)
	}
	if d.workerGzip > freeWorkerSize {
		fmt.Printf("note: the Worker is over the free plan's %d MiB; deploy it on a paid plan\n", freeWorkerSize>>20)
	}
	if !*publish {
		fmt.Printf("to try it here:  cd %s && CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false %s dev --ip 127.0.0.1 --port 8787\n", *out, strings.Join(wrangler(), " "))
		fmt.Printf("to publish it:   cd %s && npx wrangler deploy   (or go run ./build deploy -publish; needs wrangler login)\n", *out)
		return nil
	}
	w := wrangler()
	cmd := exec.Command(w[0], append(w[1:], "deploy")...)
	cmd.Dir = *out
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("wrangler deploy: %w (is this machine logged in? npx wrangler login)", err)
	}
	return nil
}

// wrangler is the wrangler command: the one installed with server/edge's
// package.json, else npx's.
func wrangler() []string {
	if p, err := filepath.Abs(filepath.Join("server", "edge", "node_modules", ".bin", "wrangler")); err == nil {
		if _, err := os.Stat(p); err == nil {
			return []string{p}
		}
	}
	return []string{"npx", "wrangler"}
}

// A deployment is the folder `wrangler deploy` takes: assets/ (the site,
// the datasets, _headers), worker/ (the Go Worker and its JS shim) and
// wrangler.jsonc.
type deployment struct {
	out, name, upstream string

	assets     int   // files in assets/
	assetBytes int64 // their total size
	workerGzip int64 // the Worker's wasm, gzip-compressed
}

func (d *deployment) write(dist, root string, datasets []string) error {
	for _, sub := range []string{"assets", "worker"} {
		if err := os.RemoveAll(filepath.Join(d.out, sub)); err != nil {
			return err
		}
	}
	assets := filepath.Join(d.out, "assets")
	// The site, without what Cloudflare does itself: it compresses assets
	// on the way out, so the .br and .gz copies would only count.
	err := copyTree(dist, assets, func(rel string) bool {
		return rel != ".stamps.json" && !strings.HasSuffix(rel, ".br") && !strings.HasSuffix(rel, ".gz")
	})
	if err != nil {
		return err
	}
	for _, ds := range datasets {
		ds = strings.TrimSpace(ds)
		src := filepath.Join(root, "data", ds)
		if _, err := os.Stat(src); err != nil {
			return fmt.Errorf("dataset %s: %v (generate it with go run ./build data)", ds, err)
		}
		if err := copyTree(src, filepath.Join(assets, "data", ds), func(string) bool { return true }); err != nil {
			return err
		}
	}
	// The exercises' checks, computed on this data.
	if b, err := os.ReadFile(filepath.Join(root, "data", ChecksFile)); err == nil {
		if err := os.WriteFile(filepath.Join(assets, "data", ChecksFile), b, 0o644); err != nil {
			return err
		}
	}
	ix, err := site.ListData(assets)
	if err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(assets, filepath.FromSlash(site.IndexPath)), ix); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(assets, "_headers"), []byte(isolationHeaders), 0o644); err != nil {
		return err
	}
	if err := d.checkAssets(assets); err != nil {
		return err
	}
	if err := d.buildWorker(filepath.Join(d.out, "worker")); err != nil {
		return err
	}
	return d.writeConfig()
}

// checkAssets counts the assets and fails, naming the file, when one is
// over Cloudflare's limit.
func (d *deployment) checkAssets(dir string) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		if info.Size() > maxAssetSize {
			return fmt.Errorf("%s is %.1f MiB: a Workers static asset can be at most %d MiB (make it smaller, or split it into files)",
				p, float64(info.Size())/(1<<20), maxAssetSize>>20)
		}
		d.assets++
		d.assetBytes += info.Size()
		if d.assets > maxAssets {
			return fmt.Errorf("%s holds more than %d files, the most a Worker's static assets can be", dir, maxAssets)
		}
		return nil
	})
}

// buildWorker compiles server/edge for Workers and writes the JS shim of
// github.com/syumai/workers beside it.
func (d *deployment) buildWorker(dir string) error {
	gen := exec.Command("go", "run", "github.com/syumai/workers/cmd/workers-assets-gen", "-mode=go", "-o", dir)
	gen.Stdout, gen.Stderr = os.Stdout, os.Stderr
	if err := gen.Run(); err != nil {
		return fmt.Errorf("workers-assets-gen: %w", err)
	}
	wasm := filepath.Join(dir, "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./server/edge")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building the Worker (server/edge): %w", err)
	}
	b, err := os.ReadFile(wasm)
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	d.workerGzip = int64(gz.Len())
	if d.workerGzip > maxWorkerSize {
		return fmt.Errorf("the Worker (%s) is %.1f MiB compressed: Cloudflare takes at most %d MiB", wasm, float64(d.workerGzip)/(1<<20), maxWorkerSize>>20)
	}
	return nil
}

// writeConfig writes wrangler.jsonc: the Worker, its static assets (the
// ASSETS binding lets the Worker read data/index.json), and BURST_UPSTREAM.
func (d *deployment) writeConfig() error {
	cfg := map[string]any{
		"name":               d.name,
		"main":               "worker/worker.mjs",
		"compatibility_date": "2025-09-01",
		"assets": map[string]any{
			"directory":          "assets",
			"binding":            "ASSETS",
			"html_handling":      "none", // pages by their file names, as the Go server serves them
			"not_found_handling": "none",
			"run_worker_first":   []string{"/api/*"},
		},
		"vars": map[string]string{"BURST_UPSTREAM": d.upstream},
	}
	b, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return err
	}
	head := "// Burst on Cloudflare Workers, written by go run ./build deploy: edit the flags, not this file.\n" +
		"// BURST_UPSTREAM: a Burst server started with -cluster, for Client(burst.remote()).\n"
	return os.WriteFile(filepath.Join(d.out, "wrangler.jsonc"), append([]byte(head), append(b, '\n')...), 0o644)
}

func writeJSON(name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}

// copyTree copies the regular files under src whose slash-separated
// relative names keep says to keep into dst.
func copyTree(src, dst string, keep func(rel string) bool) error {
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if e.IsDir() || !e.Type().IsRegular() || !keep(filepath.ToSlash(rel)) {
			return nil
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

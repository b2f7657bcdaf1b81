package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"burst/build/dataset"
	"burst/engine/kernel"
)

// cmdRun executes the cells of lessons or scripts natively and prints
// their outputs as IPython would; it exits 1 on the first error.
func cmdRun(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	dir := fs.String("dir", ".", "the lesson folder that data/ paths are relative to")
	workers := fs.Int("workers", 0, "workers for Client() (0: one per CPU)")
	server := fs.String("server", "", "the Burst server (like http://127.0.0.1:8080) that Client(\"tcp://…\") and Client(burst.remote()) reach a Dask cluster through")
	dataSize := fs.String("data-size", "full", "size of the flights dataset written to data/ when it is missing, as `go run ./server` does: small or full")
	check := fs.Bool("check", false, "run each cell of corpus files (engine/kernel/testdata/cells/*.py) in a fresh kernel and compare with its expected output")
	fs.Parse(args)
	if *check {
		return checkCorpus(fs.Args(), *workers)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("run: name a lesson (.md) or a script (.py), or - for stdin")
	}
	// The lessons read data/nycflights: write it on the first run, as the
	// server does, so that a fresh clone runs a lesson as written.
	if _, err := os.Stat(filepath.Join(*dir, "data", "nycflights", "1999.csv")); err != nil {
		fmt.Fprintf(os.Stderr, "run: writing the nycflights dataset (%s) to %s\n", *dataSize, filepath.Join(*dir, "data"))
		if _, err := dataset.Flights(filepath.Join(*dir, "data"), *dataSize); err != nil {
			return err
		}
	}
	k := kernel.New(&kernel.NativeHost{Dir: *dir, Workers: *workers, Server: *server})
	for _, name := range fs.Args() {
		cells, err := readCells(name)
		if err != nil {
			return err
		}
		for _, c := range cells {
			if !runOne(k, c, os.Stdout) {
				os.Exit(1)
			}
		}
	}
	return nil
}

// runOne executes one cell and prints its outputs; it reports success.
func runOne(k *kernel.Kernel, code string, w io.Writer) bool {
	return k.Execute(context.Background(), code, func(o kernel.Output) {
		fmt.Fprint(w, formatOutput(o))
	})
}

// formatOutput renders an output as IPython prints it in a terminal.
func formatOutput(o kernel.Output) string {
	switch o.Type {
	case "stream":
		return o.Text
	case "execute_result":
		text, _ := o.Data["text/plain"].(string)
		sep := " "
		if strings.Contains(text, "\n") {
			sep = "\n"
		}
		return fmt.Sprintf("Out[%d]:%s%s\n", o.ExecutionCount, sep, text)
	case "display_data":
		text, _ := o.Data["text/plain"].(string)
		return text + "\n"
	case "error":
		return strings.Join(o.Traceback, "\n") + "\n"
	}
	return ""
}

// readCells returns the cells of a lesson (its python code blocks) or of a
// percent-format script ("# %%" lines separate cells).
func readCells(name string) ([]string, error) {
	var src []byte
	var err error
	if name == "-" {
		src, err = io.ReadAll(os.Stdin)
	} else {
		src, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(name, ".md") {
		return lessonCells(src), nil
	}
	return scriptCells(string(src)), nil
}

func scriptCells(src string) []string {
	var cells []string
	var cur []string
	flush := func() {
		c := strings.Trim(strings.Join(cur, "\n"), "\n")
		if strings.TrimSpace(c) != "" {
			cells = append(cells, c)
		}
		cur = nil
	}
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "# %%") {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return cells
}

// checkCorpus runs corpus files: every cell in a fresh kernel, its output
// compared with the "# > " lines below it.
func checkCorpus(names []string, workers int) error {
	failed := 0
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		dir := filepath.Dir(name)
		n, failures := kernel.CheckCorpus(func() kernel.Host { return &kernel.NativeHost{Dir: dir, Workers: workers} }, string(src))
		if n == 0 {
			continue
		}
		for _, f := range failures {
			fmt.Printf("FAIL %s: %s\n\n", name, f)
		}
		fmt.Printf("%s: %d cells, %d failed\n", name, n, len(failures))
		failed += len(failures)
	}
	if failed > 0 {
		return fmt.Errorf("%d cells gave other outputs than expected", failed)
	}
	return nil
}

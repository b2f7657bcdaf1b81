package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"burst/engine/check"
	"burst/engine/kernel"
)

// ChecksFile is the name, under a data folder, of the exercises' checks:
// each with the value its solution gave on that data. They live beside
// the data because they depend on it (the small and the full flights
// give different answers), and the page fetches them as it fetches data.
const ChecksFile = "checks.json"

// Checks is the content of data/checks.json.
type Checks struct {
	// Key identifies what the values were computed from: the engine,
	// the lessons, the solutions and the data files. A different key
	// means they are stale.
	Key string `json:"key"`
	// Exercises holds each exercise's check, by id.
	Exercises map[string]check.Spec `json:"exercises"`
	// Missing says why an exercise has no check here (its lesson needs
	// data this folder has not, like data/nyctaxi).
	Missing map[string]string `json:"missing,omitempty"`
}

func cmdChecks(args []string) error {
	fs := flag.NewFlagSet("checks", flag.ExitOnError)
	root := fs.String("root", ".", "the folder whose data/ the lessons read; data/"+ChecksFile+" is written there")
	lessons := fs.String("lessons", "lessons", "the lessons' folder (their solutions are in solutions/ beside it)")
	force := fs.Bool("force", false, "compute the checks even when they are up to date")
	workers := fs.Int("workers", 2, "workers of each lesson's Client()")
	only := fs.String("lesson", "", "only this lesson's exercises (its slug, like 04-remote-cluster): for a data folder that has only its data")
	fs.Parse(args)
	c, fresh, err := writeChecks(*root, *lessons+"/"+*only, *workers, *force)
	if err != nil {
		return err
	}
	if fresh {
		fmt.Printf("checks: %s is up to date (%d exercises)\n", filepath.Join(*root, "data", ChecksFile), len(c.Exercises))
		return nil
	}
	fmt.Printf("checks: wrote %s: %d exercises\n", filepath.Join(*root, "data", ChecksFile), len(c.Exercises))
	for _, id := range slices.Sorted(maps.Keys(c.Missing)) {
		fmt.Printf("checks: no check for %s: %s\n", id, c.Missing[id])
	}
	return nil
}

// writeChecks computes root/data/checks.json unless it is up to date
// (fresh).
//
// lessonsDir is the lessons' folder, or FOLDER/SLUG for one lesson.
func writeChecks(root, lessonsDir string, workers int, force bool) (c *Checks, fresh bool, err error) {
	only := ""
	if info, err := os.Stat(lessonsDir); err != nil || !info.IsDir() {
		lessonsDir, only = filepath.Dir(lessonsDir), filepath.Base(lessonsDir)
	}
	lessonsDir = filepath.Clean(lessonsDir)
	solutions := filepath.Join(filepath.Dir(lessonsDir), "solutions")
	key, err := checksKey(root, lessonsDir, solutions)
	if err != nil {
		return nil, false, err
	}
	key += only
	path := filepath.Join(root, "data", ChecksFile)
	var old Checks
	if b, err := os.ReadFile(path); err == nil && !force && json.Unmarshal(b, &old) == nil && old.Key == key {
		return &old, true, nil
	}
	c, err = computeChecks(root, lessonsDir, solutions, only, workers)
	if err != nil {
		return nil, false, err
	}
	c.Key = key
	b, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, false, err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return nil, false, err
	}
	return c, false, os.Rename(tmp, path)
}

// checksKey hashes what the checks depend on: the engine's source, the
// lessons and solutions, and the data files' names and sizes.
func checksKey(root, lessonsDir, solutions string) (string, error) {
	src, err := hashInputs([]string{"go.mod", "engine", "build/checks.go", "build/exercise.go", lessonsDir, solutions})
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "sources %s\n", src)
	data := filepath.Join(root, "data")
	err = filepath.WalkDir(data, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ChecksFile || strings.HasSuffix(p, ".tmp") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(data, p)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), info.Size())
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// computeChecks runs every lesson natively, each exercise with its
// solution loaded, and keeps each exercise's result as its expected
// value. Lessons run at once, each in its own kernel (lesson 01 mostly
// sleeps).
func computeChecks(root, lessonsDir, solutions, only string, workers int) (*Checks, error) {
	pattern := "[0-9][0-9]-*.md"
	if only != "" {
		pattern = only + ".md"
	}
	names, err := filepath.Glob(filepath.Join(lessonsDir, pattern))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no lesson %s in %s", pattern, lessonsDir)
	}
	sort.Strings(names)
	c := &Checks{Exercises: map[string]check.Spec{}, Missing: map[string]string{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make([]error, len(names))
	for i, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		slug := strings.TrimSuffix(filepath.Base(name), ".md")
		exercises, err := lessonExercises(slug, src)
		if err != nil {
			return nil, err
		}
		if len(exercises) == 0 {
			continue
		}
		cells, err := lessonSource(src, func(string) ([]byte, error) { return nil, nil })
		if err != nil {
			return nil, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			t0 := time.Now()
			specs, noValue := map[string]check.Spec{}, map[string]string{}
			missing, err := runLesson(root, cells, exercises, workers, solutionOf(solutions), func(e Exercise, k *kernel.Kernel) {
				v, err := k.Result(e.Spec.Name)
				if err != nil {
					noValue[e.ID] = err.Error()
					return
				}
				s := e.Spec
				s.Expect = v
				specs[e.ID] = s
			})
			fmt.Fprintf(os.Stderr, "checks: %s: %d exercises in %.1fs\n", slug, len(specs), time.Since(t0).Seconds())
			mu.Lock()
			defer mu.Unlock()
			errs[i] = err
			for id, s := range specs {
				c.Exercises[id] = s
			}
			for id, why := range missing {
				c.Missing[id] = why
			}
			for id, why := range noValue {
				c.Missing[id] = why
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

// solutionOf answers an exercise with its solution, as a learner who
// pressed "Load solution" would.
func solutionOf(solutions string) func(Exercise) (string, error) {
	return func(e Exercise) (string, error) {
		b, err := os.ReadFile(filepath.Join(solutions, e.ID+".py"))
		return string(b), err
	}
}

// onLocalCluster makes a cell that bursts to a cluster run on the local
// engine: the build has no cluster, and the remote lesson's test shows
// that the two agree.
func onLocalCluster(src string) string {
	return strings.ReplaceAll(src, "Client(burst.remote())", "Client()")
}

// runLesson runs a lesson's cells in order in a fresh kernel, each
// exercise's cell with the code answer gives, and calls done after it
// ran. A cell that fails (not marked raises) ends the lesson: its
// remaining exercises are returned as missing, with the error.
func runLesson(root string, cells []SourceCell, exercises []Exercise, workers int, answer func(Exercise) (string, error), done func(Exercise, *kernel.Kernel)) (missing map[string]string, err error) {
	k := kernel.New(&kernel.NativeHost{Dir: root, Workers: workers})
	at := map[int]Exercise{}
	for _, e := range exercises {
		at[e.Cell] = e
	}
	missing = map[string]string{}
	code := 0
	for _, cell := range cells {
		if cell.Kind != "code" {
			continue
		}
		n := code
		code++
		src := cell.Source
		e, isExercise := at[n]
		if isExercise {
			if src, err = answer(e); err != nil {
				return nil, fmt.Errorf("%s: %v", e.Lesson, err)
			}
		}
		src = onLocalCluster(src)
		var failure string
		ok := k.Execute(context.Background(), src, func(o kernel.Output) {
			if o.Type == "error" && failure == "" {
				failure = o.EName + ": " + firstLine(o.EValue)
			}
		})
		if !ok && !cell.Raises && !isExercise {
			for _, e := range exercises {
				if e.Cell >= n {
					missing[e.ID] = fmt.Sprintf("cell %d failed: %s", n+1, failure)
				}
			}
			return missing, nil
		}
		if isExercise {
			if !ok {
				missing[e.ID] = fmt.Sprintf("the answer failed: %s", failure)
				continue
			}
			done(e, k)
		}
	}
	return missing, nil
}

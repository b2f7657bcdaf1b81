package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// BuildInfo is dist/build.json: the build id and the files the service
// worker keeps for offline use (their sizes uncompressed). The page reads
// it (no-store) to tell "offline" and "update available"; a deployment
// reads it to know what it ships.
type BuildInfo struct {
	Build string      `json:"build"`
	Files []BuildFile `json:"files"`
}

// BuildFile is one file of the site, by its path under dist/.
type BuildFile struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
}

// appFiles lists the files of the built site the service worker
// precaches: every page, the bundle, the engine, the pictures, the
// solutions, the icons and the manifest — not the compressed copies,
// source maps, build.json or sw.js itself.
func appFiles(out string) ([]BuildFile, error) {
	var list []BuildFile
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := filepath.ToSlash(strings.TrimPrefix(p, out+string(filepath.Separator)))
		if d.IsDir() {
			return nil
		}
		switch {
		case strings.HasPrefix(d.Name(), "."),
			strings.HasSuffix(name, ".br"), strings.HasSuffix(name, ".gz"), strings.HasSuffix(name, ".map"),
			name == "build.json", name == "sw.js":
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		list = append(list, BuildFile{Name: name, Size: info.Size()})
		return nil
	})
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	return list, err
}

// buildOffline writes the service worker (dist/sw.js, with the build id
// and the file list inside, so that every build changes its bytes and
// browsers install it anew) and dist/build.json.
func buildOffline(out, id string) error {
	list, err := appFiles(out)
	if err != nil {
		return err
	}
	files, err := json.Marshal(list)
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{"src/sw.ts"},
		AbsWorkingDir:     mustAbs("site"),
		Outdir:            abs,
		Bundle:            true,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Format:            api.FormatIIFE,
		Target:            api.ES2020,
		EntryNames:        "[name]",
		Define:            map[string]string{"BURST_BUILD": strconv.Quote(id), "BURST_FILES": string(files)},
		Write:             true,
		LogLevel:          api.LogLevelWarning,
	})
	if err := esbuildErrors("esbuild sw.ts", res); err != nil {
		return err
	}
	b, err := json.MarshalIndent(BuildInfo{Build: id, Files: list}, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "build.json"), append(b, '\n'), 0o644); err != nil {
		return err
	}
	return compress(filepath.Join(out, "sw.js"))
}

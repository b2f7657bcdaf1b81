// Package chrome starts headless Chromium, driven by chromedp, for the
// browser tests and benchmarks.
package chrome

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Path returns the path of a Chromium to drive, or "" when none is installed.
func Path() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// ErrMissing says that no Chromium is installed.
var ErrMissing = errors.New("Chromium is not installed (apt-get install chromium)")

// New starts headless Chromium with a fresh profile and returns a chromedp
// context for one tab. logf receives chromedp's errors, except the noise
// of events that the (older) cdproto cannot decode. The cancel function
// stops the browser and removes the profile.
func New(parent context.Context, logf func(string, ...any)) (context.Context, context.CancelFunc, error) {
	path := Path()
	if path == "" {
		return nil, nil, ErrMissing
	}
	profile, err := os.MkdirTemp("", "burst-chromium-")
	if err != nil {
		return nil, nil, err
	}
	// The flags keep Chromium from reaching for the network, which stalls
	// it on a closed machine.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	if os.Getenv("BURST_CHROME_LOG") != "" {
		// Chromium's own log (crashes, a renderer out of memory) on stderr.
		opts = append(opts, chromedp.CombinedOutput(os.Stderr), chromedp.Flag("enable-logging", "stderr"), chromedp.Flag("v", "0"))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelTab := chromedp.NewContext(actx, chromedp.WithErrorf(func(f string, args ...any) {
		if !strings.Contains(f, "could not unmarshal event") && logf != nil {
			logf(f, args...)
		}
	}))
	// A learner's browser has no DevTools attached. chromedp enables the
	// Network domain, which keeps a copy of every response body: it made
	// fetching the datasets 2.7× slower, so it is turned off again.
	if err := chromedp.Run(ctx, network.Disable()); err != nil {
		cancelTab()
		cancelAlloc()
		os.RemoveAll(profile)
		return nil, nil, fmt.Errorf("starting Chromium: %v", err)
	}
	cancel := func() {
		cancelTab()
		cancelAlloc()
		// Chromium's helper processes may write to the profile for a
		// moment after the browser exits; a leftover is harmless.
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	return ctx, cancel, nil
}

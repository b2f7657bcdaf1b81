package main

import (
	"bytes"
	"html/template"
	"os"
	"path/filepath"
)

// classTmpl is the instructor's page of a class (dist/class.html): GET
// /class/new sends the instructor there with the class and its teacher
// key in the fragment (#CLASS.TEACH), which never reaches a server's logs
// as a page request; site/src/class.ts fills the page from the class's
// event stream.
var classTmpl = template.Must(template.New("class").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>Class — Burst</title>
<meta name="theme-color" content="#d9480f">
<link rel="stylesheet" href="/class.css">
<link rel="icon" href="/icons/icon.svg" type="image/svg+xml">
</head>
<body class="class-page" data-build="{{.}}" data-class-status="starting">
<header class="class-top">
  <a class="brand" href="/">Burst</a>
  <span class="class-title">Class</span>
  <span class="class-status" data-class-status-text role="status">connecting…</span>
</header>
<main class="class-main">
<section class="class-link" aria-labelledby="class-link-title">
  <h1 id="class-link-title">Learners join at</h1>
  <p class="class-url"><output data-class-url></output> <button type="button" data-class-copy>Copy link</button></p>
  <p class="class-count" data-class-count></p>
</section>
<p class="class-error" data-class-error role="alert" hidden></p>
<div class="class-board">
<section class="class-progress" aria-labelledby="class-grid-title">
  <h2 id="class-grid-title">Progress <span class="legend"><span data-state="pass">✓</span> passed <span data-state="error">✗</span> error <span data-state="attempted">○</span> ran, not passed yet <span data-state="none">·</span> not started</span></h2>
  <div class="grid-scroll" data-class-grid-scroll tabindex="0"><table class="grid" data-class-grid><thead></thead><tbody></tbody></table></div>
</section>
<div class="class-side">
<section aria-labelledby="class-stuck-title"><h2 id="class-stuck-title">Stuck longest</h2><ol class="stuck" data-class-stuck></ol></section>
<section aria-labelledby="class-errors-title"><h2 id="class-errors-title">Common errors</h2>
<table class="errors" data-class-errors><thead><tr><th scope="col">Error</th><th scope="col">Message</th><th scope="col">Exercise</th><th scope="col" class="num">Count</th><th scope="col" class="num">Learners</th></tr></thead><tbody></tbody></table></section>
</div>
</div>
<section class="shared-panel" aria-labelledby="class-shared-title"><h2 id="class-shared-title">Shared cells</h2><div class="shared" data-class-shared></div></section>
</main>
<script src="/class.js"></script>
</body>
</html>
`))

// writeClassPage writes dist/class.html and returns its path.
func writeClassPage(out, id string) (string, error) {
	var buf bytes.Buffer
	if err := classTmpl.Execute(&buf, id); err != nil {
		return "", err
	}
	p := filepath.Join(out, "class.html")
	return p, os.WriteFile(p, buf.Bytes(), 0o644)
}

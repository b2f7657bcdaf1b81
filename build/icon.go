package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// Burst's logo, drawn here so that no picture is checked in: a white
// twelve-point burst on the accent colour. The icons and the web app
// manifest let a tablet put Burst on its home screen.

var (
	iconBackground = color.NRGBA{0xd9, 0x48, 0x0f, 0xff} // style.css's --accent
	iconForeground = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

const (
	burstPoints = 12
	burstOuter  = 0.34 // radii, as fractions of the icon's side
	burstInner  = 0.21
)

// burstRadius is the star's edge at angle a (radians), as a fraction of
// the icon's side: straight lines between the points.
func burstRadius(a float64) float64 {
	step := math.Pi / burstPoints // from a point to the next notch
	k := math.Floor(a / step)
	t := a/step - k
	// Vertices alternate outer (even k) and inner (odd k); along the
	// straight edge between them the radius follows the line's polar form.
	r0, r1 := burstOuter, burstInner
	if int(k)%2 != 0 {
		r0, r1 = r1, r0
	}
	a0, a1 := k*step, (k+1)*step
	x0, y0 := r0*math.Cos(a0), r0*math.Sin(a0)
	x1, y1 := r1*math.Cos(a1), r1*math.Sin(a1)
	// Intersect the ray at angle a with the segment (x0,y0)-(x1,y1).
	dx, dy := x1-x0, y1-y0
	ca, sa := math.Cos(a), math.Sin(a)
	den := ca*dy - sa*dx
	if den == 0 {
		return r0 + (r1-r0)*t
	}
	return (x0*dy - y0*dx) / den
}

// drawIcon draws the logo at size×size pixels. Rounded corners for the
// plain icon; a full square for the maskable one, whose platform cuts its
// own shape (the star stays inside the safe circle).
func drawIcon(size int, rounded bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	const ss = 4 // samples per pixel side
	s := float64(size)
	corner := 0.18 * s
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var bg, fg int
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := float64(px) + (float64(sx)+0.5)/ss
					y := float64(py) + (float64(sy)+0.5)/ss
					if rounded && !inRoundedSquare(x, y, s, corner) {
						continue
					}
					bg++
					cx, cy := x/s-0.5, y/s-0.5
					a := math.Atan2(cy, cx) + math.Pi/2 // a point straight up
					if a < 0 {
						a += 2 * math.Pi
					}
					if math.Hypot(cx, cy) <= burstRadius(a) {
						fg++
					}
				}
			}
			n := ss * ss
			if bg == 0 {
				continue
			}
			mix := func(b, f uint8) uint8 {
				return uint8((int(b)*(bg-fg) + int(f)*fg) / bg)
			}
			img.SetNRGBA(px, py, color.NRGBA{
				mix(iconBackground.R, iconForeground.R),
				mix(iconBackground.G, iconForeground.G),
				mix(iconBackground.B, iconForeground.B),
				uint8(255 * bg / n),
			})
		}
	}
	return img
}

func inRoundedSquare(x, y, s, r float64) bool {
	dx := math.Max(math.Max(r-x, x-(s-r)), 0)
	dy := math.Max(math.Max(r-y, y-(s-r)), 0)
	return dx*dx+dy*dy <= r*r
}

// iconSVG is the same logo as an SVG, for browsers' tabs.
func iconSVG() string {
	var pts []string
	for k := 0; k < 2*burstPoints; k++ {
		r := burstOuter
		if k%2 == 1 {
			r = burstInner
		}
		a := float64(k)*math.Pi/burstPoints - math.Pi/2
		pts = append(pts, fmt.Sprintf("%.2f,%.2f", 100*(0.5+r*math.Cos(a)), 100*(0.5+r*math.Sin(a))))
	}
	return fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#d9480f"/><polygon points="%s" fill="#fff"/></svg>
`, strings.Join(pts, " "))
}

// writeIcons writes icons/ and manifest.webmanifest into out.
func writeIcons(out string) error {
	dir := filepath.Join(out, "icons")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, ic := range []struct {
		name    string
		size    int
		rounded bool
	}{
		{"icon-192.png", 192, true},
		{"icon-512.png", 512, true},
		{"icon-maskable-512.png", 512, false},
	} {
		var buf bytes.Buffer
		if err := png.Encode(&buf, drawIcon(ic.size, ic.rounded)); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, ic.name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "icon.svg"), []byte(iconSVG()), 0o644); err != nil {
		return err
	}
	manifest := map[string]any{
		"name":             "Burst: data science at scale in your browser",
		"short_name":       "Burst",
		"description":      "Lessons on Dask-style parallel data science and machine learning, run in the browser.",
		"start_url":        "/",
		"scope":            "/",
		"display":          "standalone",
		"background_color": "#fbfbfa",
		"theme_color":      "#d9480f",
		"icons": []map[string]string{
			{"src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
			{"src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
			{"src": "/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
			{"src": "/icons/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
		},
	}
	b, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "manifest.webmanifest"), append(b, '\n'), 0o644)
}

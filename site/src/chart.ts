// The chart renderer: vega-embed (with Vega and Vega-Lite), bundled on
// its own as dist/chart.js and loaded by output.ts when the first chart
// appears, so a page that draws none never downloads it. The service
// worker precaches it with the rest of the site, so charts draw offline.
import embed from "vega-embed";

// render draws a Vega-Lite spec (from the engine's matplotlib, see
// engine/lib/matplotlib/spec.go) into el as SVG, one Axes as wide as the
// cell.
async function render(el: HTMLElement, spec: any): Promise<void> {
  // A copy: the output's data is saved as it came (download as notebook).
  const s = JSON.parse(JSON.stringify(spec));
  if (Array.isArray(s.layer)) {
    s.width = "container";
    s.autosize = { type: "fit-x", contains: "padding" };
  }
  await embed(el, s, { renderer: "svg", actions: false });
}

(self as any).burstChart = { render };

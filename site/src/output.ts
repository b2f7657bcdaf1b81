// Rendering of cell outputs: streams, rich results (HTML, task graphs or
// text), errors.
import dagre from "@dagrejs/dagre";
import type { Output } from "./types";
import { renderMarkdown, sanitize, stripANSI } from "./notebook";

type GraphJSON = { nodes: { id: string; prefix: string; deps?: string[] }[]; outputs?: string[] };

const SVG = "http://www.w3.org/2000/svg";

// renderGraph lays a task graph out with dagre as Dask's visualize draws
// it: each task a circle labelled with its function, each result a box,
// data flowing upwards.
export function renderGraph(g: GraphJSON): Element {
  if (g.nodes.length > 400) {
    const p = document.createElement("pre");
    p.textContent = `(a graph of ${g.nodes.length} tasks is too large to draw)`;
    return p;
  }
  const G = new dagre.graphlib.Graph();
  G.setGraph({ rankdir: "BT", nodesep: 18, ranksep: 26, marginx: 8, marginy: 8 });
  G.setDefaultEdgeLabel(() => ({}));
  const labelWidth = (s: string) => Math.max(30, s.length * 7 + 16);
  for (const n of g.nodes) {
    G.setNode("f" + n.id, { width: labelWidth(n.prefix), height: 30, kind: "task", label: n.prefix });
    G.setNode("d" + n.id, { width: 26, height: 18, kind: "data" });
    G.setEdge("f" + n.id, "d" + n.id);
    for (const d of n.deps || []) G.setEdge("d" + d, "f" + n.id);
  }
  dagre.layout(G);
  const { width = 0, height = 0 } = G.graph();
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "task-graph");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(Math.min(width, 900)));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `task graph of ${g.nodes.length} tasks`);
  const el = (name: string, attrs: Record<string, string | number>, parent: Element = svg) => {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    parent.appendChild(e);
    return e;
  };
  for (const e of G.edges()) {
    const pts = G.edge(e).points as { x: number; y: number }[];
    el("polyline", { points: pts.map((p) => `${p.x},${p.y}`).join(" "), class: "edge" });
  }
  for (const id of G.nodes()) {
    const n = G.node(id) as any;
    if (n.kind === "task") {
      el("ellipse", { cx: n.x, cy: n.y, rx: n.width / 2, ry: n.height / 2, class: "task" });
      const t = el("text", { x: n.x, y: n.y + 4, "text-anchor": "middle", class: "task-label" });
      t.textContent = n.label;
    } else {
      el("rect", { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height, class: "data" });
    }
  }
  return svg;
}

// A stream's text is shown up to these many lines or characters; the
// rest is kept (in the notebook download, and behind a link), as Jupyter
// truncates huge outputs.
export const STREAM_MAX_LINES = 2000;
export const STREAM_MAX_CHARS = 500_000;

// StreamView shows one run of a cell's stream output (stdout or stderr),
// however many prints it joins: the text is redrawn at most once a frame,
// and cut at STREAM_MAX_LINES with a note saying how much more there is.
export class StreamView {
  readonly el: HTMLElement;
  private pre: HTMLPreElement;
  private note: HTMLElement;
  private text = "";
  private scheduled = false;

  constructor(readonly name: string) {
    this.el = document.createElement("div");
    this.el.className = "output-stream-box";
    this.pre = document.createElement("pre");
    this.pre.className = `output-stream output-${name || "stdout"}`;
    this.note = document.createElement("div");
    this.note.className = "output-truncated";
    this.note.hidden = true;
    this.el.append(this.pre, this.note);
  }

  append(text: string) {
    this.text += text;
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => this.draw());
  }

  // draw shows the text, cut if it is too long.
  draw() {
    this.scheduled = false;
    let shown = this.text;
    let cut = 0;
    let lines = 0;
    for (let i = 0; i < shown.length && i < STREAM_MAX_CHARS; i++) {
      if (shown.charCodeAt(i) === 10 && ++lines === STREAM_MAX_LINES) {
        cut = i + 1;
        break;
      }
    }
    if (!cut && shown.length > STREAM_MAX_CHARS) cut = STREAM_MAX_CHARS;
    if (cut && cut < shown.length) {
      const rest = shown.slice(cut);
      const more = rest.split("\n").length - (rest.endsWith("\n") ? 1 : 0);
      shown = shown.slice(0, cut);
      this.note.hidden = false;
      this.note.replaceChildren(`output truncated; ${more.toLocaleString("en-US")} more line${more === 1 ? "" : "s"} (`);
      const a = document.createElement("a");
      a.textContent = "download the whole output";
      a.href = "#";
      a.onclick = (e) => {
        e.preventDefault();
        const url = URL.createObjectURL(new Blob([this.text], { type: "text/plain" }));
        const link = document.createElement("a");
        link.href = url;
        link.download = `${this.name || "stdout"}.txt`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      };
      this.note.append(a, ")");
      this.el.dataset.truncated = String(more);
    }
    this.pre.textContent = shown;
  }
}

const VEGA_LITE = "application/vnd.vegalite.v5+json";

// chartLib is dist/chart.js (site/src/chart.ts: vega-embed), loaded once,
// when the first chart is drawn: most pages draw none, and vega is bigger
// than the rest of the page's script.
let chartLib: Promise<{ render(el: HTMLElement, spec: any): Promise<void> }> | undefined;

function loadChartLib() {
  chartLib ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/chart.js";
    script.onload = () => {
      const lib = (self as any).burstChart;
      lib ? resolve(lib) : reject(new Error("chart.js did not define the renderer"));
    };
    script.onerror = () => {
      chartLib = undefined; // try again with the next chart
      reject(new Error("could not load the chart renderer (chart.js)"));
    };
    document.head.appendChild(script);
  });
  return chartLib;
}

// renderChart draws a Vega-Lite chart into div (class output-chart,
// data-chart its kind: bar, barh, hist, line, scatter), as SVG; until it
// is drawn, or if it cannot be, the figure's text shows.
function renderChart(div: HTMLElement, spec: any, text: string) {
  div.classList.add("output-chart");
  div.dataset.chart = String(spec.usermeta?.kind ?? "chart");
  const pre = document.createElement("pre");
  pre.textContent = text;
  div.appendChild(pre);
  const view = document.createElement("div");
  view.className = "chart-view";
  div.appendChild(view);
  loadChartLib()
    .then((lib) => lib.render(view, spec))
    .then(() => {
      pre.remove();
      div.dataset.rendered = "true";
    })
    .catch((e) => {
      view.remove();
      pre.textContent = `${text}\n(${e instanceof Error ? e.message : e})`;
    });
}

// plainSpec reports whether a chart from an opened notebook is data
// alone: no URLs, links, expressions or parameters, which a spec written
// by someone else could use to reach out from the page.
function plainSpec(spec: unknown): boolean {
  return !/"(url|href|expr|signal|signals|params|calculate|filter|transform|selection|loader)"\s*:/.test(JSON.stringify(spec));
}

// renderOutput draws one output. Outputs that came with a notebook the
// learner opened are not trusted: their HTML is sanitized, and they may
// hold pictures and Markdown.
export function renderOutput(o: Output, trusted = true): HTMLElement {
  switch (o.type) {
    case "stream": {
      const view = new StreamView(o.name || "stdout");
      view.append(o.text || "");
      view.draw();
      return view.el;
    }
    case "error": {
      const pre = document.createElement("pre");
      pre.className = "output-error";
      pre.textContent = stripANSI(
        (o.traceback && o.traceback.length ? o.traceback : [`${o.ename}: ${o.evalue}`]).join("\n"),
      );
      return pre;
    }
    default: {
      const div = document.createElement("div");
      div.className = "output-result";
      const data = o.data || {};
      const graph = data["application/vnd.burst.graph+json"];
      const chart = data[VEGA_LITE];
      if (chart && typeof chart === "object" && (trusted || plainSpec(chart))) {
        renderChart(div, chart, String(data["text/plain"] ?? ""));
      } else if (graph && graph.nodes) {
        div.classList.add("output-graph");
        div.appendChild(renderGraph(graph));
        const cap = document.createElement("pre");
        cap.textContent = data["text/plain"] ?? "";
        div.appendChild(cap);
      } else if (data["text/html"]) {
        div.classList.add("output-html");
        // Produced by our own kernel (pandas-style tables), or sanitized.
        div.innerHTML = trusted ? data["text/html"] : sanitize(String(data["text/html"]));
      } else if (!trusted && (data["image/png"] || data["image/jpeg"] || data["image/gif"] || data["image/svg+xml"])) {
        const img = document.createElement("img");
        img.className = "output-image";
        const mime = ["image/png", "image/jpeg", "image/gif", "image/svg+xml"].find((m) => data[m])!;
        // An SVG shown as an image runs no script.
        const b64 = mime === "image/svg+xml" ? btoa(unescape(encodeURIComponent(String(data[mime])))) : String(data[mime]).replace(/\s/g, "");
        img.src = `data:${mime};base64,${b64}`;
        img.alt = String(data["text/plain"] ?? "");
        div.appendChild(img);
      } else if (!trusted && data["text/markdown"]) {
        div.classList.add("output-markdown");
        div.innerHTML = renderMarkdown(String(data["text/markdown"]));
      } else {
        const pre = document.createElement("pre");
        pre.textContent = data["text/plain"] ?? "";
        div.appendChild(pre);
      }
      return div;
    }
  }
}

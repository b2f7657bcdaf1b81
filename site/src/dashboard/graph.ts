// The graph panel: the running computation's task graph laid out with
// dagre, nodes coloured by state as the events arrive. A small graph is
// drawn task by task; a larger one is collapsed into its key prefixes (the
// per-partition chains read-csv → getitem → chunk become one chain of
// groups), each drawn with how much of it is done.
import dagre from "@dagrejs/dagre";
import { colour, maxGraphTasks, waiting, type Group, type State, type TaskState } from "./state";
import { HoverCanvas } from "./dom";

type Placed = { x: number; y: number; w: number; h: number };

export class LiveGraph extends HoverCanvas {
  private layout: { nodes: Map<string, Placed>; edges: { x: number; y: number }[][]; width: number; height: number } | null = null;
  private mode: "tasks" | "groups" = "tasks";
  private laidOut = ""; // what the layout was made for

  constructor(
    private panel: HTMLElement,
    private s: State,
  ) {
    super(panel);
  }

  private tasks: Map<string, { prefix: string; deps: string[] }> = new Map();
  private states: Map<string, TaskState> = new Map();
  private groups: Map<string, Group> = new Map();

  // draw draws the graph of tasks (when every task of the computation is
  // known one by one and there are few) or of groups.
  draw() {
    const { tasks, states, groups } = this.s;
    this.tasks = tasks;
    this.states = states;
    this.groups = groups;
    let total = 0;
    for (const g of groups.values()) total += g.total;
    this.mode = total > 0 && total <= maxGraphTasks && tasks.size === total ? "tasks" : "groups";
    const shape = this.mode === "tasks" ? `tasks:${tasks.size}` : `groups:${[...groups.keys()].join(",")}`;
    if (shape !== this.laidOut) {
      this.laidOut = shape;
      this.layout = total ? this.lay() : null;
    }
    this.paint();
    this.panel.dataset.mode = this.mode;
    this.panel.dataset.nodes = String(this.layout ? this.layout.nodes.size : 0);
  }

  // warm runs dagre once on a tiny graph of each kind: its first layout
  // (code not yet compiled by the JavaScript engine) is slow enough to
  // stall the first frame of the first computation.
  warm() {
    const [tasks, groups, mode] = [this.tasks, this.groups, this.mode];
    this.tasks = new Map([
      ["a", { prefix: "a", deps: [] }],
      ["b", { prefix: "b", deps: ["a"] }],
    ]);
    this.groups = new Map([
      ["a", { total: 1, processing: 0, memory: 0, released: 0, erred: 0, deps: new Set<string>(), preset: 0 }],
      ["b", { total: 1, processing: 0, memory: 0, released: 0, erred: 0, deps: new Set(["a"]), preset: 0 }],
    ]);
    for (const m of ["tasks", "groups"] as const) {
      this.mode = m;
      this.lay();
    }
    [this.tasks, this.groups, this.mode] = [tasks, groups, mode];
  }

  private lay() {
    const G = new dagre.graphlib.Graph();
    G.setGraph({ rankdir: "BT", nodesep: this.mode === "tasks" ? 8 : 24, ranksep: this.mode === "tasks" ? 22 : 30, marginx: 10, marginy: 10 });
    G.setDefaultEdgeLabel(() => ({}));
    if (this.mode === "tasks") {
      for (const [k] of this.tasks) G.setNode(k, { width: 14, height: 14 });
      for (const [k, t] of this.tasks) for (const d of t.deps) if (this.tasks.has(d)) G.setEdge(d, k);
    } else {
      for (const [p] of this.groups) G.setNode(p, { width: Math.max(90, p.length * 7 + 60), height: 30 });
      for (const [p, g] of this.groups) for (const d of g.deps) if (this.groups.has(d)) G.setEdge(d, p);
    }
    dagre.layout(G);
    const nodes = new Map<string, Placed>();
    for (const id of G.nodes()) {
      const n = G.node(id) as any;
      nodes.set(id, { x: n.x, y: n.y, w: n.width, h: n.height });
    }
    const edges = G.edges().map((e) => G.edge(e).points as { x: number; y: number }[]);
    const { width = 0, height = 0 } = G.graph();
    return { nodes, edges, width, height };
  }

  // scale fits the layout into the canvas' width (and height when full-window).
  private fit(w: number, maxH: number): { s: number; h: number } {
    const L = this.layout!;
    let s = Math.min(1.6, w / Math.max(L.width, 1));
    if (L.height * s > maxH) s = maxH / L.height;
    return { s, h: Math.max(80, Math.ceil(L.height * s)) };
  }

  private paint() {
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const full = this.panel.classList.contains("full");
    const w = c.clientWidth || 560;
    const maxH = full ? window.innerHeight - 90 : 300;
    const { s, h } = this.layout ? this.fit(w, maxH) : { s: 1, h: 80 };
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.height = h + "px";
    }
    const g = c.getContext("2d", { willReadFrequently: true })!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    if (!this.layout) {
      g.fillStyle = "#868e96";
      g.font = "12px system-ui, sans-serif";
      g.fillText("no computation yet", 10, 24);
      return;
    }
    const L = this.layout;
    const ox = (w - L.width * s) / 2;
    g.save();
    g.translate(ox, 0);
    g.scale(s, s);
    g.strokeStyle = "#adb5bd";
    g.lineWidth = 1 / Math.max(s, 0.5);
    g.beginPath();
    for (const pts of L.edges) {
      g.moveTo(pts[0].x, pts[0].y);
      for (let i = 1; i < pts.length; i++) g.lineTo(pts[i].x, pts[i].y);
    }
    g.stroke();
    if (this.mode === "tasks") this.paintTasks(g, L.nodes);
    else this.paintGroups(g, L.nodes);
    g.restore();
  }

  private paintTasks(g: CanvasRenderingContext2D, nodes: Map<string, Placed>) {
    for (const [k, n] of nodes) {
      const t = this.tasks.get(k);
      const st = this.states.get(k) || "waiting";
      const c = colour(this.s, t?.prefix || "?");
      g.beginPath();
      g.arc(n.x, n.y, 6, 0, 2 * Math.PI);
      switch (st) {
        case "waiting":
          g.fillStyle = "#e9ecef";
          g.fill();
          g.strokeStyle = "#adb5bd";
          g.lineWidth = 1;
          g.stroke();
          break;
        case "processing":
          g.fillStyle = "#fff";
          g.fill();
          g.strokeStyle = c;
          g.lineWidth = 3;
          g.stroke();
          break;
        case "memory":
          g.fillStyle = c;
          g.fill();
          break;
        case "released":
          g.globalAlpha = 0.35;
          g.fillStyle = c;
          g.fill();
          g.globalAlpha = 1;
          break;
        case "erred":
          g.fillStyle = "#c92a2a";
          g.fill();
          break;
      }
    }
  }

  private paintGroups(g: CanvasRenderingContext2D, nodes: Map<string, Placed>) {
    g.font = "11px ui-monospace, monospace";
    g.textBaseline = "middle";
    for (const [p, n] of nodes) {
      const gr = this.groups.get(p);
      if (!gr) continue;
      const x = n.x - n.w / 2;
      const y = n.y - n.h / 2;
      const c = colour(this.s, p);
      g.fillStyle = "#f1f3f5";
      g.fillRect(x, y, n.w, n.h);
      // released, in memory, processing, erred: left to right, as in the progress panel.
      let at = x;
      const seg = (k: number, style: string, alpha = 1) => {
        if (!k) return;
        const ww = (n.w * k) / gr.total;
        g.globalAlpha = alpha;
        g.fillStyle = style;
        g.fillRect(at, y, ww, n.h);
        g.globalAlpha = 1;
        at += ww;
      };
      seg(gr.released, c, 0.45);
      seg(gr.memory, c);
      seg(gr.processing, c, 0.2);
      seg(gr.erred, "#c92a2a");
      g.strokeStyle = gr.processing ? "#212529" : c;
      g.lineWidth = gr.processing ? 2 : 1;
      g.strokeRect(x, y, n.w, n.h);
      g.fillStyle = "#212529";
      g.fillText(`${p} ×${gr.total}`, x + 6, n.y);
    }
  }

  protected hover(e: MouseEvent) {
    if (!this.layout) return;
    const rect = this.canvas.getBoundingClientRect();
    const w = this.canvas.clientWidth;
    const full = this.panel.classList.contains("full");
    const { s } = this.fit(w, full ? window.innerHeight - 90 : 300);
    const ox = (w - this.layout.width * s) / 2;
    const px = (e.clientX - rect.left - ox) / s;
    const py = (e.clientY - rect.top) / s;
    for (const [id, n] of this.layout.nodes) {
      if (Math.abs(px - n.x) <= n.w / 2 + 2 && Math.abs(py - n.y) <= n.h / 2 + 2) {
        this.tip.hidden = false;
        if (this.mode === "tasks") this.tip.textContent = `${id}: ${this.states.get(id) || "waiting"}`;
        else {
          const gr = this.groups.get(id)!;
          this.tip.textContent = `${id}: ${gr.total} tasks — ${waiting(gr)} waiting, ${gr.processing} processing, ${gr.memory} in memory, ${gr.released} released, ${gr.erred} erred`;
        }
        return;
      }
    }
    this.tip.hidden = true;
  }
}

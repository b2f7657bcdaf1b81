// The dashboards beside the lesson, fed by the scheduler's events (the
// same stream window.burst.events() returns): the task stream, progress
// per key prefix, the workers, memory by key, the cluster map and the live
// graph. They appear when a cluster sends its first event; each panel can
// open full-window.
import { LiveGraph, maxGraphTasks, waiting, type Group, type TaskState } from "./livegraph";

type Event = {
  kind: string;
  key?: string;
  prefix?: string;
  worker?: string;
  from?: string;
  to?: string;
  bytes?: number;
  start?: number;
  stop?: number;
  state?: string;
  memory?: number;
  executing?: number;
  queued?: number;
  groups?: { prefix: string; n: number; deps?: string[]; done?: number }[];
  tasks?: { key: string; prefix: string; deps?: string[]; done?: boolean }[];
  time: number;
};

type Bar = { row: string; ri: number; start: number; stop: number; fill: string; transfer: boolean; key: string };

// A stable colour per key prefix, as Dask's dashboard colours by prefix.
const palette = ["#1c7ed6", "#f59f00", "#2f9e44", "#ae3ec9", "#0ca678", "#e8590c", "#4263eb", "#d6336c", "#74b816", "#1098ad"];
const colours = new Map<string, string>();
function colour(prefix: string): string {
  let c = colours.get(prefix);
  if (!c) {
    c = palette[colours.size % palette.length];
    colours.set(prefix, c);
  }
  return c;
}

export class Dashboard {
  private root: HTMLElement;
  private canvas: HTMLCanvasElement;
  private progressEl: HTMLElement;
  private workersEl: HTMLElement;
  private tip: HTMLElement;
  // The task stream: bars of the last minute or so (older ones are
  // dropped), and how many task bars were drawn in all.
  private bars: Bar[] = [];
  private taskBars = 0;
  private hi = 0; // the latest time on the task stream
  private rows: string[] = [];
  private rowIndex = new Map<string, number>();
  // The current computation: its groups (one per key prefix), the tasks
  // announced one by one (small graphs only) and each key's state.
  private groups = new Map<string, Group>();
  private tasks = new Map<string, { prefix: string; deps: string[] }>();
  private states = new Map<string, TaskState>();
  private graph: LiveGraph;
  private workers = new Map<string, Event>();
  private memoryHistory = new Map<string, { t: number; m: number }[]>();
  private dirty = false;
  private lastDraw = 0;
  private mapCanvas: HTMLCanvasElement;
  private memoryEl: HTMLElement;
  // bytes held per key prefix: results in memory, less those forgotten.
  private memory = new Map<string, number>();
  private held = new Map<string, number>(); // key → bytes
  // flights on the cluster map: a task sent to a worker, data between
  // workers; each drawn for a moment after it happens.
  private flights: { from: string; to: string; at: number; transfer: boolean }[] = [];
  private animating = false;
  private lastMap = 0;
  private mapStatic: { key: string; canvas: HTMLCanvasElement } | null = null;
  private progressRows: BarList;
  private memoryRows: BarList;
  private workerRows = new Map<string, WorkerRow>();

  constructor() {
    this.root = document.createElement("aside");
    // Shown from the start, empty until a cluster sends events: its
    // first layout (fonts, glyphs, the lesson's narrower column and every
    // editor measuring itself again) can take hundreds of milliseconds,
    // better spent while the page loads than in the middle of a run.
    this.root.className = "dashboard";
    document.body.classList.add("with-dashboard");
    this.root.setAttribute("aria-label", "Dashboards");
    const head = (title: string) =>
      `<h4>${title}<button type="button" class="dash-full" title="Open full window" aria-label="Open ${title} full window">⤢</button></h4>`;
    this.root.innerHTML = `
      <div class="dash-head"><strong>Dashboard</strong><span class="dash-hint">lights up when a Client runs tasks</span><button type="button" class="dash-toggle" aria-expanded="true">Hide</button></div>
      <section data-panel="task-stream" data-tasks="0">${head("Task stream")}<canvas width="560" height="160"></canvas><div class="dash-keys"></div><div class="dash-tip" hidden></div></section>
      <section data-panel="progress">${head("Progress")}<div class="dash-progress"></div>
        <div class="dash-legend"><span class="k-waiting"></span>waiting <span class="k-processing"></span>processing <span class="k-memory"></span>in memory <span class="k-released"></span>done, released <span class="k-erred"></span>erred</div></section>
      <section data-panel="graph">${head("Graph")}<canvas width="560" height="120"></canvas><div class="dash-tip" hidden></div></section>
      <section data-panel="workers">${head("Workers")}<div class="dash-workers"></div></section>
      <section data-panel="memory">${head("Memory by key")}<div class="dash-memory"></div></section>
      <section data-panel="cluster-map">${head("Cluster map")}<canvas width="560" height="220"></canvas></section>`;
    this.canvas = this.root.querySelector('[data-panel="task-stream"] canvas')!;
    this.mapCanvas = this.root.querySelector('[data-panel="cluster-map"] canvas')!;
    this.memoryEl = this.root.querySelector(".dash-memory")!;
    this.progressEl = this.root.querySelector(".dash-progress")!;
    this.workersEl = this.root.querySelector(".dash-workers")!;
    this.progressRows = new BarList(this.progressEl, ["released", "", "processing", "err"]);
    this.memoryRows = new BarList(this.memoryEl, [""]);
    this.tip = this.root.querySelector('[data-panel="task-stream"] .dash-tip')!;
    this.graph = new LiveGraph(this.root.querySelector('[data-panel="graph"]')!, colour);
    const toggle = this.root.querySelector<HTMLButtonElement>(".dash-toggle")!;
    toggle.onclick = () => {
      const open = this.root.classList.toggle("collapsed");
      toggle.textContent = open ? "Show" : "Hide";
      toggle.setAttribute("aria-expanded", String(!open));
    };
    for (const b of this.root.querySelectorAll<HTMLButtonElement>(".dash-full")) {
      b.onclick = () => this.full(b.closest("section")!);
    }
    document.addEventListener("keydown", (e) => {
      const open = this.root.querySelector<HTMLElement>("section.full");
      if (e.key === "Escape" && open) this.full(open);
    });
    this.canvas.addEventListener("mousemove", (e) => this.hover(e));
    this.canvas.addEventListener("mouseleave", () => (this.tip.hidden = true));
    document.body.appendChild(this.root);
    requestAnimationFrame(() => this.draw());
    const idle = (window as any).requestIdleCallback || ((f: () => void) => setTimeout(f, 200));
    idle(() => this.warm(), { timeout: 2000 });
  }

  // warm lays out a sample of the panels' text once, hidden, while the
  // page is idle after loading. The first layout of that text (fonts
  // looked up, glyphs shaped, tabular digits) took 70–300 ms on our
  // machines; without this it landed in the first frame of the first
  // computation, freezing the page just as the dashboard lit up.
  private warm() {
    const sample = document.createElement("div");
    sample.setAttribute("aria-hidden", "true");
    sample.style.cssText = "position:absolute;left:0;top:0;width:100%;visibility:hidden;pointer-events:none";
    const text = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 ()[]{}_-.,:;'\"/%…";
    sample.innerHTML =
      `<div class="dash-progress"><div class="dash-bar"><span class="dash-name">${text}</span><span class="dash-track">` +
      `<span class="dash-fill" style="width:40%"></span><span class="dash-err" style="width:10%"></span></span>` +
      `<span class="dash-count">0123456789 / 9876543210</span></div></div>` +
      `<div class="dash-workers"><table><thead><tr><th>worker</th><th>memory</th><th>over time</th><th>busy</th><th>exec.</th><th>queued</th></tr></thead>` +
      `<tbody><tr class="lost"><td><span class="dash-state"></span><span>${text}</span></td><td>0.0 B kB MB GB</td>` +
      `<td><svg class="dash-spark" width="80" height="18" viewBox="0 0 80 18"><polyline points="0,16 40,2 80,9"/></svg></td>` +
      `<td><span class="dash-cpu"><span style="width:40%"></span></span>100%</td><td>0123456789</td><td>0123456789</td></tr></tbody></table></div>` +
      `<div class="dash-empty">${text}</div><div class="dash-tip">${text}</div>`;
    this.root.appendChild(sample);
    void sample.offsetHeight;
    // The canvases' font too.
    const g = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    if (g) {
      g.font = "11px ui-monospace, monospace";
      g.fillText(text, 0, 10);
      g.measureText(text);
    }
    sample.remove();
    this.graph.warm();
  }

  // full opens a panel over the whole window, or closes it again.
  full(section: HTMLElement) {
    const open = !section.classList.contains("full");
    for (const s of this.root.querySelectorAll("section.full")) s.classList.remove("full");
    section.classList.toggle("full", open);
    document.body.classList.toggle("dash-full-open", open);
    const b = section.querySelector<HTMLButtonElement>(".dash-full")!;
    b.textContent = open ? "✕" : "⤢";
    b.title = open ? "Close (Esc)" : "Open full window";
    this.draw();
  }

  // add takes a batch of events.
  add(events: Event[]) {
    for (const e of events) {
      const key = e.key || "";
      switch (e.kind) {
        case "graph":
          this.announce(e);
          break;
        case "task-start": {
          if (e.worker && e.worker !== "kernel") this.fly("scheduler", e.worker, false);
          this.move(key, e.prefix || "?", "processing");
          break;
        }
        case "task-end": {
          this.move(key, e.prefix || "?", e.state === "erred" ? "erred" : "memory");
          this.bar(e.worker || "?", e.start || e.time, e.stop || e.time, e.prefix || "?", false, key);
          if (e.state === "memory" && key && !this.held.has(key)) {
            this.held.set(key, e.bytes || 0);
            this.memory.set(e.prefix || "?", (this.memory.get(e.prefix || "?") || 0) + (e.bytes || 0));
          }
          break;
        }
        case "forget": {
          this.move(key, e.prefix || "?", "released");
          const b = this.held.get(key);
          if (b !== undefined) {
            this.held.delete(key);
            this.memory.set(e.prefix || "?", Math.max(0, (this.memory.get(e.prefix || "?") || 0) - b));
          }
          break;
        }
        case "transfer":
          this.bar(e.to || "?", e.start || e.time, e.stop || e.time, "transfer", true, key);
          if (e.from && e.to) this.fly(e.from, e.to, true);
          break;
        case "worker": {
          const name = e.worker || "?";
          this.workers.set(name, e);
          if (name !== "kernel") this.row(name);
          let h = this.memoryHistory.get(name);
          if (!h) this.memoryHistory.set(name, (h = []));
          h.push({ t: e.time, m: e.memory || 0 });
          if (h.length > 600) h.splice(0, h.length - 400);
          break;
        }
      }
    }
    if (events.length) {
      this.root.classList.add("live");
      this.schedule();
    }
  }

  // announce adds a computation's tasks. When nothing of the previous
  // computation is still waiting or running, the progress and graph panels
  // start afresh with this one.
  private announce(e: Event) {
    let busy = false;
    for (const g of this.groups.values()) if (waiting(g) || g.processing) busy = true;
    if (!busy) {
      this.groups.clear();
      this.tasks.clear();
      this.states.clear();
    }
    for (const gr of e.groups || []) {
      const g = this.group(gr.prefix);
      g.total += gr.n;
      for (const d of gr.deps || []) g.deps.add(d);
      if (gr.done) {
        g.memory += gr.done;
        g.preset += gr.done;
      }
    }
    for (const t of e.tasks || []) {
      // Only small graphs are drawn task by task.
      if (this.tasks.size > maxGraphTasks) break;
      this.tasks.set(t.key, { prefix: t.prefix, deps: t.deps || [] });
      if (t.done) this.states.set(t.key, "memory");
    }
  }

  private group(prefix: string): Group {
    let g = this.groups.get(prefix);
    if (!g) {
      g = { total: 0, processing: 0, memory: 0, released: 0, erred: 0, deps: new Set(), preset: 0 };
      this.groups.set(prefix, g);
    }
    return g;
  }

  // move is one task's transition, as the scheduler reported it.
  private move(key: string, prefix: string, to: TaskState) {
    const g = this.groups.get(prefix);
    if (!g) return; // a task of an earlier computation, already cleared
    const from = this.states.get(key);
    if (from === to) return;
    if (from === undefined && g.preset > 0 && to === "released") {
      g.preset--; // a scattered or persisted value, announced as done
      g.memory--;
    } else if (from && from !== "waiting") g[from]--;
    g[to]++;
    this.states.set(key, to);
  }

  private row(name: string): number {
    let i = this.rowIndex.get(name);
    if (i === undefined) {
      i = this.rows.length;
      this.rows.push(name);
      this.rowIndex.set(name, i);
    }
    return i;
  }

  private bar(row: string, start: number, stop: number, prefix: string, transfer: boolean, key: string) {
    const ri = this.row(row);
    const fill = transfer ? "rgba(201, 42, 42, 0.75)" : colour(prefix);
    this.bars.push({ row, ri, start, stop: Math.max(stop, start), fill, transfer, key });
    if (!transfer) this.taskBars++;
    this.hi = Math.max(this.hi, stop);
    if (this.bars.length > 80000) {
      const lo = this.hi - 60;
      this.bars = this.bars.filter((b) => b.stop >= lo);
    }
  }

  // schedule redraws at the next frame, at most once per frame however
  // many events arrive, and at most ten times a second while they stream.
  // The canvases are drawn in the frame; the other panels each in a task
  // of their own right after it. The page shares the machine's cores with
  // the kernel and the workers, busy with 50,000 tasks: one long task
  // drawing everything could be stretched past 100 ms, several short ones
  // let the page answer between them.
  private schedule() {
    if (this.dirty) return;
    this.dirty = true;
    const wait = Math.max(0, 100 - (performance.now() - this.lastDraw));
    const go = () =>
      requestAnimationFrame(() => {
        this.dirty = false;
        this.lastDraw = performance.now();
        this.drawStream();
        this.drawMap();
        setTimeout(() => {
          this.drawProgress();
          this.graph.draw(this.tasks, this.states, this.groups);
        });
        setTimeout(() => {
          this.drawWorkers();
          this.drawMemory();
        });
      });
    if (wait > 0) setTimeout(go, wait);
    else go();
  }

  private span(): [number, number] {
    if (!this.bars.length) return [0, 1];
    // The last 30 seconds of activity, or all of it if shorter.
    const hi = this.hi;
    let lo = hi;
    for (let i = this.bars.length - 1; i >= 0; i--) {
      const s = this.bars[i].start;
      if (s >= hi - 30 && s < lo) lo = s;
      if (this.bars[i].stop < hi - 60) break;
    }
    return [lo, Math.max(hi, lo + 0.001)];
  }

  private draw() {
    this.drawStream();
    this.drawProgress();
    this.graph.draw(this.tasks, this.states, this.groups);
    this.drawWorkers();
    this.drawMemory();
    this.drawMap();
  }

  private drawStream() {
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth || 560;
    const full = c.parentElement!.classList.contains("full");
    const rowH = full ? Math.max(22, Math.min(60, Math.floor((window.innerHeight - 120) / Math.max(this.rows.length, 1)))) : 22;
    const h = Math.max(60, this.rows.length * rowH + 24);
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.height = h + "px";
    }
    const g = c.getContext("2d", { willReadFrequently: true })!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    const left = 70;
    const [lo, hi] = this.span();
    const scale = (w - left - 8) / (hi - lo);
    g.font = "11px ui-monospace, monospace";
    g.fillStyle = "#495057";
    this.rows.forEach((r, i) => g.fillText(fitLabel(g, workerLabel(r), left - 8), 4, rowH / 2 + 5 + i * rowH));
    // Many tasks shorter than a pixel land on the same pixel: draw each
    // pixel of a row once per colour.
    const lastPixel: number[] = [];
    const lastFill: string[] = [];
    const barH = rowH - 6;
    for (const b of this.bars) {
      if (b.stop < lo) continue;
      const i = b.ri;
      const x0 = left + (b.start - lo) * scale;
      const width = (b.stop - b.start) * scale;
      if (width < 1.5) {
        const px = Math.floor(x0);
        const slot = 2 * i + (b.transfer ? 1 : 0);
        if (lastPixel[slot] === px && lastFill[slot] === b.fill) continue;
        lastPixel[slot] = px;
        lastFill[slot] = b.fill;
      }
      g.fillStyle = b.fill;
      g.fillRect(x0, 4 + i * rowH + (b.transfer ? barH - 4 : 0), Math.max(1.5, width), b.transfer ? 6 : barH);
    }
    g.fillStyle = "#868e96";
    g.fillText(`${(hi - lo).toFixed(2)} s`, w - 60, h - 4);
    const panel = this.canvas.parentElement!;
    panel.dataset.tasks = String(this.taskBars);
    const keys = [...colours.keys()].filter((p) => p !== "transfer");
    const legend = keys.map((p) => `<span><i style="background:${colour(p)}"></i>${p}</span>`).join("") + (this.bars.some((b) => b.transfer) || keys.length ? `<span><i class="transfer"></i>transfer</span>` : "");
    const keysEl = panel.querySelector<HTMLElement>(".dash-keys")!;
    if (keysEl.dataset.legend !== legend) {
      keysEl.dataset.legend = legend;
      keysEl.innerHTML = legend;
    }
  }

  private fly(from: string, to: string, transfer: boolean) {
    // A hundred dots in flight already show a busy cluster.
    if (this.flights.length < 100) this.flights.push({ from, to, at: performance.now(), transfer });
  }

  private drawMemory() {
    const entries = [...this.memory.entries()].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]);
    const top = entries.length ? entries[0][1] : 1;
    this.memoryRows.show(
      entries.map(([prefix, b]) => ({ key: prefix, widths: [(100 * b) / top], count: formatBytes(b), title: "" })),
      "no results held",
    );
    const panel = this.memoryEl.parentElement!;
    panel.dataset.bytes = String(entries.reduce((n, [, b]) => n + b, 0));
  }

  // drawMap draws the scheduler in the middle and the workers on a ring;
  // each task sent and each transfer is a dot flying along its line for
  // 0.6 s. It keeps animating while dots fly.
  private drawMap() {
    const c = this.mapCanvas;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth || 560;
    const h = c.parentElement!.classList.contains("full") ? window.innerHeight - 90 : 220;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.height = h + "px";
    }
    const cx = w / 2;
    const cy = h / 2;
    const r = Math.min(w, h) / 2 - 28;
    const pos = new Map<string, [number, number]>([["scheduler", [cx, cy]]]);
    const ws = this.rows.filter((n) => n !== "kernel");
    ws.forEach((name, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(ws.length, 1);
      pos.set(name, [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    });
    // The lines, the nodes and their names change only when the workers
    // do: they are drawn once on a canvas of their own and copied each
    // frame, under the dots. Drawing text every frame was most of the
    // map's cost while thousands of tasks flew.
    const key = `${c.width}x${c.height}:${ws.map((n) => n + (this.workers.get(n)?.state === "lost" ? "!" : "")).join(",")}`;
    if (this.mapStatic?.key !== key) {
      const sc = document.createElement("canvas");
      sc.width = c.width;
      sc.height = c.height;
      const g = sc.getContext("2d", { willReadFrequently: true })!;
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.strokeStyle = "#dee2e6";
      for (const name of ws) {
        const [x, y] = pos.get(name)!;
        g.beginPath();
        g.moveTo(cx, cy);
        g.lineTo(x, y);
        g.stroke();
      }
      g.font = "11px ui-monospace, monospace";
      g.textAlign = "center";
      for (const [name, [x, y]] of pos) {
        const lost = this.workers.get(name)?.state === "lost";
        g.fillStyle = name === "scheduler" ? "#e7f5ff" : lost ? "#fff5f5" : "#ebfbee";
        g.strokeStyle = name === "scheduler" ? "#1c7ed6" : lost ? "#c92a2a" : "#2f9e44";
        g.beginPath();
        g.arc(x, y, name === "scheduler" ? 16 : 12, 0, 2 * Math.PI);
        g.fill();
        g.stroke();
        g.fillStyle = "#212529";
        g.fillText(fitLabel(g, workerLabel(name), w / Math.max(2, ws.length)), x, y + (name === "scheduler" ? 30 : 24));
      }
      this.mapStatic = { key, canvas: sc };
    }
    const g = c.getContext("2d", { willReadFrequently: true })!;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, c.width, c.height);
    g.drawImage(this.mapStatic.canvas, 0, 0);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const now = performance.now();
    this.flights = this.flights.filter((f) => now - f.at < 600);
    // One path per colour: a fill per dot cost more than the dots.
    for (const transfer of [false, true]) {
      g.fillStyle = transfer ? "#c92a2a" : "#1c7ed6";
      g.beginPath();
      for (const f of this.flights) {
        if (f.transfer !== transfer) continue;
        const a = pos.get(f.from);
        const b = pos.get(f.to);
        if (!a || !b) continue;
        const t = (now - f.at) / 600;
        const x = a[0] + (b[0] - a[0]) * t;
        const y = a[1] + (b[1] - a[1]) * t;
        g.moveTo(x + 3.5, y);
        g.arc(x, y, 3.5, 0, 2 * Math.PI);
      }
      g.fill();
    }
    this.lastMap = now;
    if (this.flights.length && !this.animating) {
      // Fifteen frames a second still read as motion, and leave the page
      // (and the browser's compositor, which shares the cores with the
      // kernel and the workers) time for everything else while 50,000 fly.
      this.animating = true;
      const next = () =>
        requestAnimationFrame((t) => {
          if (t - this.lastMap < 66) return next();
          this.animating = false;
          this.drawMap();
        });
      next();
    }
  }

  // drawProgress draws one bar per key prefix of the current computation:
  // released, in memory, processing and erred from the left; what is
  // still waiting is the empty track.
  private drawProgress() {
    let total = 0;
    let finished = 0;
    const bars: BarRow[] = [];
    for (const [prefix, g] of this.groups) {
      total += g.total;
      const done = g.memory + g.released + g.erred;
      finished += done;
      const pct = (n: number) => (g.total ? (100 * n) / g.total : 0);
      bars.push({
        key: prefix,
        widths: [pct(g.released), pct(g.memory), pct(g.processing), pct(g.erred)],
        count: `${done} / ${g.total}`,
        title: `${waiting(g)} waiting, ${g.processing} processing, ${g.memory} in memory, ${g.released} released, ${g.erred} erred`,
      });
    }
    this.progressRows.show(bars, "no computation yet");
    const panel = this.progressEl.parentElement!;
    panel.dataset.percent = String(total ? Math.floor((100 * finished) / total) : 0);
  }

  // drawWorkers lists each worker: its state, memory held now and over
  // time (a sparkline of the last minute), how busy it was in the last
  // 10 seconds of the task stream, and its tasks executing and queued.
  private drawWorkers() {
    const busy = new Map<string, number>();
    const lo = this.hi - 10;
    for (let i = this.bars.length - 1; i >= 0; i--) {
      const b = this.bars[i];
      if (b.stop < lo - 60) break;
      if (b.transfer || b.stop < lo) continue;
      busy.set(b.row, (busy.get(b.row) || 0) + b.stop - Math.max(b.start, lo));
    }
    const recent = Math.min(10, Math.max(this.hi - (this.bars[0]?.start ?? this.hi), 0.001));
    const workers = [...this.workers.values()].filter((e) => e.worker !== "kernel").sort((a, b) => (a.worker || "").localeCompare(b.worker || ""));
    if (!workers.length) {
      setHTML(this.workersEl, `<div class="dash-empty">no workers yet</div>`);
      this.workerRows.clear();
      return;
    }
    let body = this.workersEl.querySelector("tbody");
    if (!body) {
      delete this.workersEl.dataset.html;
      this.workersEl.innerHTML = `<table><thead><tr><th>worker</th><th>memory</th><th>over time</th><th>busy</th><th title="tasks executing">exec.</th><th title="tasks queued">queued</th></tr></thead><tbody></tbody></table>`;
      body = this.workersEl.querySelector("tbody")!;
    }
    for (const e of workers) {
      const name = e.worker || "?";
      let r = this.workerRows.get(name);
      if (!r) {
        const tr = document.createElement("tr");
        tr.innerHTML = `<td><span class="dash-state"></span><span></span></td><td></td>
          <td><svg class="dash-spark" width="80" height="18" viewBox="0 0 80 18" aria-label="memory over time"><polyline points=""/></svg></td>
          <td><span class="dash-cpu"><span></span></span><span></span></td><td></td><td></td>`;
        const td = tr.querySelectorAll("td");
        r = {
          tr,
          state: tr.querySelector(".dash-state")!,
          name: td[0].lastElementChild as HTMLElement,
          memory: td[1],
          spark: tr.querySelector("polyline")!,
          cpu: td[3].querySelector(".dash-cpu")!,
          cpuFill: td[3].querySelector(".dash-cpu span")!,
          busy: td[3].lastElementChild as HTMLElement,
          executing: td[4],
          queued: td[5],
        };
        this.workerRows.set(name, r);
        body.appendChild(r.tr);
      }
      const frac = Math.min(1, (busy.get(name) || 0) / recent);
      const lost = e.state === "lost";
      if (r.tr.classList.contains("lost") !== lost) r.tr.classList.toggle("lost", lost);
      setAttr(r.state, "title", e.state || "");
      setText(r.name, workerLabel(name));
      setAttr(r.name, "title", name);
      setText(r.memory, formatBytes(e.memory || 0));
      setAttr(r.spark, "points", this.sparkline(name));
      setAttr(r.cpu, "title", `busy ${Math.round(100 * frac)}% of the last ${recent.toFixed(0)} s`);
      setStyle(r.cpuFill, "width", `${(100 * frac).toFixed(1)}%`);
      setText(r.busy, `${Math.round(100 * frac)}%`);
      setText(r.executing, String(e.executing || 0));
      setText(r.queued, String(e.queued || 0));
    }
  }

  // sparkline is a worker's memory over the last minute, as the points
  // of an SVG polyline 80 × 18.
  private sparkline(name: string): string {
    const h = this.memoryHistory.get(name) || [];
    if (h.length < 2) return "";
    const t1 = h[h.length - 1].t;
    const pts = h.filter((p) => p.t >= t1 - 60);
    const t0 = Math.min(pts[0].t, t1 - 1);
    let top = 1;
    for (const p of pts) top = Math.max(top, p.m);
    return pts.map((p) => `${(((p.t - t0) / (t1 - t0)) * 80).toFixed(1)},${(16 - (p.m / top) * 14).toFixed(1)}`).join(" ");
  }

  private hover(e: MouseEvent) {
    const rect = this.canvas.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    const rowH = this.rows.length ? (this.canvas.clientHeight - 24) / this.rows.length : 22;
    const row = this.rows[Math.floor((py - 4) / rowH)];
    const w = this.canvas.clientWidth;
    const [lo, hi] = this.span();
    const t = lo + ((px - 70) / (w - 78)) * (hi - lo);
    const slack = (hi - lo) / 200;
    const b = this.bars.find((b) => b.row === row && b.start - slack <= t && t <= b.stop + slack);
    if (!b) {
      this.tip.hidden = true;
      return;
    }
    this.tip.hidden = false;
    this.tip.textContent = `${b.transfer ? "transfer of " : ""}${b.key} on ${b.row}: ${((b.stop - b.start) * 1000).toFixed(1)} ms`;
  }
}

// workerLabel shows a worker's name without the scheme of a remote Dask
// worker's address: "tcp://127.0.0.1:40123" → "127.0.0.1:40123".
function workerLabel(name: string): string {
  return name.replace(/^[a-z]+:\/\//, "");
}

// fitLabel shortens text from the left ("…0.1:40123") until it fits in
// width pixels: the end of an address, its port, tells workers apart.
function fitLabel(g: CanvasRenderingContext2D, text: string, width: number): string {
  if (g.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && g.measureText("…" + t).width > width) t = t.slice(1);
  return "…" + t;
}

function formatBytes(n: number): string {
  const units = ["B", "kB", "MB", "GB"];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
}

type BarRow = { key: string; widths: number[]; count: string; title: string };

// BarList is a panel's list of bars (progress per prefix, memory per
// prefix), built once per key and updated in place: rebuilding the panels'
// HTML ten times a second had the browser parse, lay out and paint them
// afresh each time, long enough to stall the page during 50,000 tasks.
class BarList {
  private rows = new Map<string, { el: HTMLElement; fills: HTMLElement[]; track: HTMLElement; count: HTMLElement }>();
  private empty: HTMLElement | null = null;

  // fills are the classes of each bar's segments, left to right ("err":
  // the erred segment, coloured as an error).
  constructor(
    private parent: HTMLElement,
    private fills: string[],
  ) {}

  show(bars: BarRow[], emptyText: string) {
    const keep = new Set(bars.map((b) => b.key));
    for (const [k, r] of this.rows) {
      if (!keep.has(k)) {
        r.el.remove();
        this.rows.delete(k);
      }
    }
    if (!bars.length) {
      if (!this.empty) {
        this.empty = document.createElement("div");
        this.empty.className = "dash-empty";
        this.parent.appendChild(this.empty);
      }
      setText(this.empty, emptyText);
      return;
    }
    this.empty?.remove();
    this.empty = null;
    let prev: Element | null = null;
    for (const b of bars) {
      let r = this.rows.get(b.key);
      if (!r) {
        const el = document.createElement("div");
        el.className = "dash-bar";
        const c = colour(b.key);
        el.innerHTML =
          `<span class="dash-name"></span><span class="dash-track">` +
          this.fills.map((f) => (f === "err" ? `<span class="dash-err"></span>` : `<span class="dash-fill ${f}" style="background:${c}"></span>`)).join("") +
          `</span><span class="dash-count"></span>`;
        const name = el.querySelector<HTMLElement>(".dash-name")!;
        name.textContent = b.key;
        name.title = b.key;
        const track = el.querySelector<HTMLElement>(".dash-track")!;
        r = { el, fills: [...track.children] as HTMLElement[], track, count: el.querySelector<HTMLElement>(".dash-count")! };
        this.rows.set(b.key, r);
      }
      // Keep the bars in the order given.
      const want: Element | null = prev ? prev.nextElementSibling : this.parent.firstElementChild;
      if (want !== r.el) this.parent.insertBefore(r.el, want);
      prev = r.el;
      b.widths.forEach((w, i) => setStyle(r.fills[i], "width", `${w.toFixed(2)}%`));
      setText(r.count, b.count);
      setAttr(r.track, "title", b.title);
    }
  }
}

type WorkerRow = {
  tr: HTMLElement;
  state: Element;
  name: HTMLElement;
  memory: HTMLElement;
  spark: Element;
  cpu: Element;
  cpuFill: HTMLElement;
  busy: HTMLElement;
  executing: HTMLElement;
  queued: HTMLElement;
};

// setText, setAttr, setStyle and setHTML change the page only when the
// value changed: an unchanged panel costs the browser no layout or paint.
function setText(el: Element, s: string) {
  if (el.textContent !== s) el.textContent = s;
}

function setAttr(el: Element, name: string, v: string) {
  if (el.getAttribute(name) !== v) el.setAttribute(name, v);
}

function setStyle(el: HTMLElement, prop: string, v: string) {
  if (el.style.getPropertyValue(prop) !== v) el.style.setProperty(prop, v);
}

function setHTML(el: HTMLElement, html: string) {
  if (el.dataset.html !== html) {
    el.dataset.html = html;
    el.innerHTML = html;
  }
}

// The dashboards beside the lesson, fed by the scheduler's events (the
// same stream window.burst.events() returns): the task stream, progress
// per key prefix and the workers' state. They appear when a cluster sends
// its first event.

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
  time: number;
};

type Bar = { row: string; start: number; stop: number; prefix: string; transfer: boolean; key: string };

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
  private bars: Bar[] = [];
  private rows: string[] = [];
  private progress = new Map<string, { started: number; done: number; erred: number; seen: Set<string> }>();
  private workers = new Map<string, Event>();
  private dirty = false;
  private mapCanvas: HTMLCanvasElement;
  private memoryEl: HTMLElement;
  // bytes held per key prefix: results in memory, less those forgotten.
  private memory = new Map<string, number>();
  private held = new Map<string, number>(); // key → bytes
  // flights on the cluster map: a task sent to a worker, data between
  // workers; each drawn for a moment after it happens.
  private flights: { from: string; to: string; at: number; transfer: boolean }[] = [];
  private animating = false;

  constructor() {
    this.root = document.createElement("aside");
    this.root.className = "dashboard";
    this.root.hidden = true;
    this.root.setAttribute("aria-label", "Dashboards");
    this.root.innerHTML = `
      <div class="dash-head"><strong>Dashboard</strong><button type="button" class="dash-toggle" aria-expanded="true">Hide</button></div>
      <section data-panel="task-stream" data-tasks="0"><h4>Task stream</h4><canvas width="560" height="160"></canvas><div class="dash-tip" hidden></div></section>
      <section data-panel="progress"><h4>Progress</h4><div class="dash-progress"></div></section>
      <section data-panel="workers"><h4>Workers</h4><div class="dash-workers"></div></section>
      <section data-panel="memory"><h4>Memory by key</h4><div class="dash-memory"></div></section>
      <section data-panel="cluster-map"><h4>Cluster map</h4><canvas width="560" height="220"></canvas></section>`;
    this.canvas = this.root.querySelector('[data-panel="task-stream"] canvas')!;
    this.mapCanvas = this.root.querySelector('[data-panel="cluster-map"] canvas')!;
    this.memoryEl = this.root.querySelector(".dash-memory")!;
    this.progressEl = this.root.querySelector(".dash-progress")!;
    this.workersEl = this.root.querySelector(".dash-workers")!;
    this.tip = this.root.querySelector(".dash-tip")!;
    const toggle = this.root.querySelector<HTMLButtonElement>(".dash-toggle")!;
    toggle.onclick = () => {
      const open = this.root.classList.toggle("collapsed");
      toggle.textContent = open ? "Show" : "Hide";
      toggle.setAttribute("aria-expanded", String(!open));
    };
    this.canvas.addEventListener("mousemove", (e) => this.hover(e));
    this.canvas.addEventListener("mouseleave", () => (this.tip.hidden = true));
    document.body.appendChild(this.root);
  }

  // add takes a batch of events.
  add(events: Event[]) {
    for (const e of events) {
      switch (e.kind) {
        case "task-start": {
          if (e.worker && e.worker !== "kernel") this.fly("scheduler", e.worker, false);
          const p = this.prefixState(e.prefix || "?");
          if (!p.seen.has(e.key || "")) {
            p.seen.add(e.key || "");
            p.started++;
          }
          break;
        }
        case "task-end": {
          const p = this.prefixState(e.prefix || "?");
          if (e.state === "erred") p.erred++;
          else p.done++;
          this.bar(e.worker || "?", e.start || e.time, e.stop || e.time, e.prefix || "?", false, e.key || "");
          if (e.state === "memory" && e.key && !this.held.has(e.key)) {
            this.held.set(e.key, e.bytes || 0);
            this.memory.set(e.prefix || "?", (this.memory.get(e.prefix || "?") || 0) + (e.bytes || 0));
          }
          break;
        }
        case "forget": {
          const b = this.held.get(e.key || "");
          if (b !== undefined) {
            this.held.delete(e.key || "");
            this.memory.set(e.prefix || "?", Math.max(0, (this.memory.get(e.prefix || "?") || 0) - b));
          }
          break;
        }
        case "transfer":
          this.bar(e.to || "?", e.start || e.time, e.stop || e.time, "transfer", true, e.key || "");
          if (e.from && e.to) this.fly(e.from, e.to, true);
          break;
        case "worker":
          this.workers.set(e.worker || "?", e);
          if (!this.rows.includes(e.worker || "?") && e.worker !== "kernel") this.rows.push(e.worker || "?");
          break;
      }
    }
    if (events.length) {
      this.root.hidden = false;
      document.body.classList.add("with-dashboard");
      this.schedule();
    }
  }

  private prefixState(prefix: string) {
    let p = this.progress.get(prefix);
    if (!p) {
      p = { started: 0, done: 0, erred: 0, seen: new Set() };
      this.progress.set(prefix, p);
    }
    return p;
  }

  private bar(row: string, start: number, stop: number, prefix: string, transfer: boolean, key: string) {
    if (!this.rows.includes(row)) this.rows.push(row);
    this.bars.push({ row, start, stop: Math.max(stop, start), prefix, transfer, key });
  }

  // schedule redraws at the next frame, at most once per frame however
  // many events arrive.
  private schedule() {
    if (this.dirty) return;
    this.dirty = true;
    requestAnimationFrame(() => {
      this.dirty = false;
      this.draw();
    });
  }

  private span(): [number, number] {
    if (!this.bars.length) return [0, 1];
    // The last 30 seconds of activity, or all of it if shorter.
    let hi = -Infinity;
    for (const b of this.bars) hi = Math.max(hi, b.stop);
    let lo = hi;
    for (const b of this.bars) if (b.start >= hi - 30) lo = Math.min(lo, b.start);
    return [lo, Math.max(hi, lo + 0.001)];
  }

  private draw() {
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth || 560;
    const rowH = 22;
    const h = Math.max(60, this.rows.length * rowH + 24);
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.height = h + "px";
    }
    const g = c.getContext("2d")!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    const left = 70;
    const [lo, hi] = this.span();
    const x = (t: number) => left + ((t - lo) / (hi - lo)) * (w - left - 8);
    g.font = "11px ui-monospace, monospace";
    g.fillStyle = "#495057";
    this.rows.forEach((r, i) => g.fillText(r, 4, 16 + i * rowH));
    let drawn = 0;
    for (const b of this.bars) {
      if (b.stop < lo) continue;
      const i = this.rows.indexOf(b.row);
      g.fillStyle = b.transfer ? "rgba(201, 42, 42, 0.75)" : colour(b.prefix);
      const x0 = x(b.start);
      g.fillRect(x0, 4 + i * rowH + (b.transfer ? 12 : 0), Math.max(1.5, x(b.stop) - x0), b.transfer ? 6 : 16);
      if (!b.transfer) drawn++;
    }
    g.fillStyle = "#868e96";
    g.fillText(`${(hi - lo).toFixed(2)} s`, w - 60, h - 4);
    const panel = this.canvas.parentElement!;
    panel.dataset.tasks = String(this.bars.filter((b) => !b.transfer).length);
    panel.dataset.drawn = String(drawn);
    this.drawProgress();
    this.drawWorkers();
    this.drawMemory();
    this.drawMap();
  }

  private fly(from: string, to: string, transfer: boolean) {
    this.flights.push({ from, to, at: performance.now(), transfer });
    if (this.flights.length > 400) this.flights.splice(0, this.flights.length - 400);
  }

  private drawMemory() {
    const entries = [...this.memory.entries()].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]);
    const top = entries.length ? entries[0][1] : 1;
    this.memoryEl.innerHTML = entries.length
      ? entries
          .map(
            ([prefix, b]) => `<div class="dash-bar"><span class="dash-name" title="${prefix}">${prefix}</span>
        <span class="dash-track"><span class="dash-fill" style="width:${(100 * b) / top}%;background:${colour(prefix)}"></span></span><span class="dash-count">${formatBytes(b)}</span></div>`,
          )
          .join("")
      : `<div class="dash-empty">no results held</div>`;
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
    const h = 220;
    if (c.width !== Math.round(w * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.height = h + "px";
    }
    const g = c.getContext("2d")!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    const cx = w / 2;
    const cy = h / 2;
    const r = Math.min(w, h) / 2 - 28;
    const pos = new Map<string, [number, number]>([["scheduler", [cx, cy]]]);
    const ws = this.rows.filter((n) => n !== "kernel");
    ws.forEach((name, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(ws.length, 1);
      pos.set(name, [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    });
    g.strokeStyle = "#dee2e6";
    for (const name of ws) {
      const [x, y] = pos.get(name)!;
      g.beginPath();
      g.moveTo(cx, cy);
      g.lineTo(x, y);
      g.stroke();
    }
    const now = performance.now();
    this.flights = this.flights.filter((f) => now - f.at < 600);
    for (const f of this.flights) {
      const a = pos.get(f.from);
      const b = pos.get(f.to);
      if (!a || !b) continue;
      const t = (now - f.at) / 600;
      g.fillStyle = f.transfer ? "#c92a2a" : "#1c7ed6";
      g.beginPath();
      g.arc(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, 3.5, 0, 2 * Math.PI);
      g.fill();
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
      g.fillText(name, x, y + (name === "scheduler" ? 30 : 24));
    }
    g.textAlign = "start";
    if (this.flights.length && !this.animating) {
      this.animating = true;
      requestAnimationFrame(() => {
        this.animating = false;
        this.drawMap();
      });
    }
  }

  private drawProgress() {
    const rows: string[] = [];
    let started = 0;
    let finished = 0;
    for (const [prefix, p] of [...this.progress.entries()].sort()) {
      started += p.started;
      finished += p.done + p.erred;
      const pct = p.started ? Math.min(100, (100 * (p.done + p.erred)) / p.started) : 0;
      rows.push(`<div class="dash-bar"><span class="dash-name" title="${prefix}">${prefix}</span>
        <span class="dash-track"><span class="dash-fill" style="width:${pct}%;background:${colour(prefix)}"></span>${
          p.erred ? `<span class="dash-err" style="width:${(100 * p.erred) / p.started}%"></span>` : ""
        }</span><span class="dash-count">${p.done + p.erred} / ${p.started}</span></div>`);
    }
    this.progressEl.innerHTML = rows.join("");
    const panel = this.progressEl.parentElement!;
    panel.dataset.percent = String(started ? Math.round((100 * finished) / started) : 0);
  }

  private drawWorkers() {
    const rows = [...this.workers.values()]
      .filter((e) => e.worker !== "kernel")
      .sort((a, b) => (a.worker || "").localeCompare(b.worker || ""))
      .map(
        (e) =>
          `<tr class="${e.state === "lost" ? "lost" : ""}"><td>${e.worker}</td><td>${e.state}</td><td>${formatBytes(e.memory || 0)}</td><td>${e.executing || 0}</td><td>${e.queued || 0}</td></tr>`,
      );
    this.workersEl.innerHTML = `<table><thead><tr><th>worker</th><th>state</th><th>memory</th><th>executing</th><th>queued</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
  }

  private hover(e: MouseEvent) {
    const rect = this.canvas.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    const row = this.rows[Math.floor((py - 4) / 22)];
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

function formatBytes(n: number): string {
  const units = ["B", "kB", "MB", "GB"];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
}

// The dashboards beside the lesson, fed by the scheduler's events (the
// same stream window.burst.events() returns): the task stream, progress
// per key prefix, the live graph, the workers, memory by key and the
// cluster map. They appear when a cluster sends its first event; each
// panel can open full-window.
//
// The events go through reduce (state.ts) into one State; each panel, one
// file each, draws its part of it.
import type { Event } from "../types";
import { newState, reduce, type State } from "./state";
import { TaskStream } from "./taskstream";
import { Progress } from "./progress";
import { LiveGraph } from "./graph";
import { Workers } from "./workers";
import { Memory } from "./memory";
import { ClusterMap } from "./clustermap";

export class Dashboard {
  private root: HTMLElement;
  private state: State = newState();
  private stream: TaskStream;
  private progress: Progress;
  private graph: LiveGraph;
  private workers: Workers;
  private memory: Memory;
  private map: ClusterMap;
  private dirty = false;
  private lastDraw = 0;
  // drawCost is what the last redraw took, in milliseconds (see schedule).
  private drawCost = 0;

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
    const panel = (name: string) => this.root.querySelector<HTMLElement>(`[data-panel="${name}"]`)!;
    this.stream = new TaskStream(panel("task-stream"), this.state);
    this.progress = new Progress(panel("progress"), this.state);
    this.graph = new LiveGraph(panel("graph"), this.state);
    this.workers = new Workers(panel("workers"), this.state);
    this.memory = new Memory(panel("memory"), this.state);
    this.map = new ClusterMap(panel("cluster-map"), this.state);
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
    reduce(this.state, events, performance.now());
    if (events.length) {
      this.root.classList.add("live");
      this.schedule();
    }
  }

  // schedule redraws at the next frame, at most once per frame however
  // many events arrive, and while they stream at most ten times a second,
  // or less when drawing costs more: the page's thread spends at most a
  // tenth of its time on the dashboards (redrawn four times a second at
  // least). The canvases are drawn in the frame; the other panels each in
  // a task of their own right after it. The page shares the machine's
  // cores with the kernel and the workers, busy with 50,000 tasks: one
  // long task drawing everything could be stretched past 100 ms, several
  // short ones let the page answer between them; and what the page's
  // thread does not spend drawing, the engine's web workers get.
  private schedule() {
    if (this.dirty) return;
    this.dirty = true;
    const every = Math.min(250, Math.max(100, 10 * this.drawCost));
    const wait = Math.max(0, every - (performance.now() - this.lastDraw));
    const timed = (f: () => void) => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    };
    const go = () =>
      requestAnimationFrame(() => {
        this.dirty = false;
        this.lastDraw = performance.now();
        let cost = timed(() => {
          this.stream.draw();
          this.map.draw();
        });
        setTimeout(() => {
          cost += timed(() => {
            this.progress.draw();
            this.graph.draw();
          });
        });
        setTimeout(() => {
          cost += timed(() => {
            this.workers.draw();
            this.memory.draw();
          });
          this.drawCost = cost;
        });
      });
    if (wait > 0) setTimeout(go, wait);
    else go();
  }

  // draw draws every panel now.
  private draw() {
    this.stream.draw();
    this.progress.draw();
    this.graph.draw();
    this.workers.draw();
    this.memory.draw();
    this.map.draw();
  }
}

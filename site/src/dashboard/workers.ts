// Workers: each worker's state, memory held now and over time (a
// sparkline of the last minute), how busy it was in the last 10 seconds of
// the task stream, and its tasks executing and queued. Rows are built once
// per worker and updated in place.
import type { State } from "./state";
import { formatBytes, setAttr, setHTML, setStyle, setText, workerLabel } from "./dom";

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

export class Workers {
  private el: HTMLElement;
  private rows = new Map<string, WorkerRow>();

  constructor(
    panel: HTMLElement,
    private s: State,
  ) {
    this.el = panel.querySelector(".dash-workers")!;
  }

  draw() {
    const s = this.s;
    const busy = new Map<string, number>();
    const lo = s.hi - 10;
    for (let i = s.bars.length - 1; i >= 0; i--) {
      const b = s.bars[i];
      if (b.stop < lo - 60) break;
      if (b.transfer || b.stop < lo) continue;
      busy.set(b.row, (busy.get(b.row) || 0) + b.stop - Math.max(b.start, lo));
    }
    const recent = Math.min(10, Math.max(s.hi - (s.bars[0]?.start ?? s.hi), 0.001));
    const workers = [...s.workers.values()].filter((e) => e.worker !== "kernel").sort((a, b) => (a.worker || "").localeCompare(b.worker || ""));
    if (!workers.length) {
      setHTML(this.el, `<div class="dash-empty">no workers yet</div>`);
      this.rows.clear();
      return;
    }
    let body = this.el.querySelector("tbody");
    if (!body) {
      delete this.el.dataset.html;
      this.el.innerHTML = `<table><thead><tr><th>worker</th><th>memory</th><th>over time</th><th>busy</th><th title="tasks executing">exec.</th><th title="tasks queued">queued</th></tr></thead><tbody></tbody></table>`;
      body = this.el.querySelector("tbody")!;
    }
    for (const e of workers) {
      const name = e.worker || "?";
      let r = this.rows.get(name);
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
        this.rows.set(name, r);
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
    const h = this.s.memoryHistory.get(name) || [];
    if (h.length < 2) return "";
    const t1 = h[h.length - 1].t;
    const pts = h.filter((p) => p.t >= t1 - 60);
    const t0 = Math.min(pts[0].t, t1 - 1);
    let top = 1;
    for (const p of pts) top = Math.max(top, p.m);
    return pts.map((p) => `${(((p.t - t0) / (t1 - t0)) * 80).toFixed(1)},${(16 - (p.m / top) * 14).toFixed(1)}`).join(" ");
  }
}

// The task stream: a row per worker, a bar per task coloured by its key
// prefix, transfers in red; hovering a bar shows its key and duration.
import { colour, span, type State } from "./state";
import { fitLabel, HoverCanvas, workerLabel } from "./dom";

export class TaskStream extends HoverCanvas {

  constructor(
    private panel: HTMLElement,
    private s: State,
  ) {
    super(panel);
  }

  draw() {
    const s = this.s;
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth || 560;
    const full = c.parentElement!.classList.contains("full");
    const rowH = full ? Math.max(22, Math.min(60, Math.floor((window.innerHeight - 120) / Math.max(s.rows.length, 1)))) : 22;
    const h = Math.max(60, s.rows.length * rowH + 24);
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.height = h + "px";
    }
    const g = c.getContext("2d", { willReadFrequently: true })!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, w, h);
    const left = 70;
    const [lo, hi] = span(s);
    const scale = (w - left - 8) / (hi - lo);
    g.font = "11px ui-monospace, monospace";
    g.fillStyle = "#495057";
    s.rows.forEach((r, i) => g.fillText(fitLabel(g, workerLabel(r), left - 8), 4, rowH / 2 + 5 + i * rowH));
    // Many tasks shorter than a pixel land on the same pixel: draw each
    // pixel of a row once per colour.
    const lastPixel: number[] = [];
    const lastFill: string[] = [];
    const barH = rowH - 6;
    for (const b of s.bars) {
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
    this.panel.dataset.tasks = String(s.taskBars);
    const keys = [...s.colours.keys()].filter((p) => p !== "transfer");
    const legend = keys.map((p) => `<span><i style="background:${colour(s, p)}"></i>${p}</span>`).join("") + (s.bars.some((b) => b.transfer) || keys.length ? `<span><i class="transfer"></i>transfer</span>` : "");
    const keysEl = this.panel.querySelector<HTMLElement>(".dash-keys")!;
    if (keysEl.dataset.legend !== legend) {
      keysEl.dataset.legend = legend;
      keysEl.innerHTML = legend;
    }
  }

  protected hover(e: MouseEvent) {
    const s = this.s;
    const rect = this.canvas.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    const rowH = s.rows.length ? (this.canvas.clientHeight - 24) / s.rows.length : 22;
    const row = s.rows[Math.floor((py - 4) / rowH)];
    const w = this.canvas.clientWidth;
    const [lo, hi] = span(s);
    const t = lo + ((px - 70) / (w - 78)) * (hi - lo);
    const slack = (hi - lo) / 200;
    const b = s.bars.find((b) => b.row === row && b.start - slack <= t && t <= b.stop + slack);
    if (!b) {
      this.tip.hidden = true;
      return;
    }
    this.tip.hidden = false;
    this.tip.textContent = `${b.transfer ? "transfer of " : ""}${b.key} on ${b.row}: ${((b.stop - b.start) * 1000).toFixed(1)} ms`;
  }
}

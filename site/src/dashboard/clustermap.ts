// The cluster map: the scheduler in the middle and the workers on a ring;
// each task sent and each transfer is a dot flying along its line for
// 0.6 s. It keeps animating while dots fly.
import { landFlights, type State } from "./state";
import { fitLabel, workerLabel } from "./dom";

export class ClusterMap {
  private canvas: HTMLCanvasElement;
  private animating = false;
  private last = 0; // when the map was last drawn
  private background: { key: string; canvas: HTMLCanvasElement } | null = null;

  constructor(
    panel: HTMLElement,
    private s: State,
  ) {
    this.canvas = panel.querySelector("canvas")!;
  }

  draw() {
    const s = this.s;
    const c = this.canvas;
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
    const ws = s.rows.filter((n) => n !== "kernel");
    ws.forEach((name, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(ws.length, 1);
      pos.set(name, [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    });
    // The lines, the nodes and their names change only when the workers
    // do: they are drawn once on a canvas of their own and copied each
    // frame, under the dots. Drawing text every frame was most of the
    // map's cost while thousands of tasks flew.
    const key = `${c.width}x${c.height}:${ws.map((n) => n + (s.workers.get(n)?.state === "lost" ? "!" : "")).join(",")}`;
    if (this.background?.key !== key) {
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
        const lost = s.workers.get(name)?.state === "lost";
        g.fillStyle = name === "scheduler" ? "#e7f5ff" : lost ? "#fff5f5" : "#ebfbee";
        g.strokeStyle = name === "scheduler" ? "#1c7ed6" : lost ? "#c92a2a" : "#2f9e44";
        g.beginPath();
        g.arc(x, y, name === "scheduler" ? 16 : 12, 0, 2 * Math.PI);
        g.fill();
        g.stroke();
        g.fillStyle = "#212529";
        g.fillText(fitLabel(g, workerLabel(name), w / Math.max(2, ws.length)), x, y + (name === "scheduler" ? 30 : 24));
      }
      this.background = { key, canvas: sc };
    }
    const g = c.getContext("2d", { willReadFrequently: true })!;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, c.width, c.height);
    g.drawImage(this.background.canvas, 0, 0);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const now = performance.now();
    landFlights(s, now);
    // One path per colour: a fill per dot cost more than the dots.
    for (const transfer of [false, true]) {
      g.fillStyle = transfer ? "#c92a2a" : "#1c7ed6";
      g.beginPath();
      for (const f of s.flights) {
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
    this.last = now;
    if (s.flights.length && !this.animating) {
      // Fifteen frames a second still read as motion, and leave the page
      // (and the browser's compositor, which shares the cores with the
      // kernel and the workers) time for everything else while 50,000 fly.
      // The next frame is asked for only when it is due: a frame asked
      // for and skipped still costs the page a frame's work (the
      // editors' intersection observers, paint), sixty times a second.
      this.animating = true;
      setTimeout(
        () =>
          requestAnimationFrame(() => {
            this.animating = false;
            this.draw();
          }),
        Math.max(0, 66 - (performance.now() - now)),
      );
    }
  }
}

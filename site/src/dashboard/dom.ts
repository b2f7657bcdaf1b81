// What the panels share: changing the page only where a value changed,
// lists of bars updated in place, and how names and sizes are written.

// setText, setAttr, setStyle and setHTML change the page only when the
// value changed: an unchanged panel costs the browser no layout or paint.
export function setText(el: Element, s: string) {
  if (el.textContent !== s) el.textContent = s;
}

export function setAttr(el: Element, name: string, v: string) {
  if (el.getAttribute(name) !== v) el.setAttribute(name, v);
}

export function setStyle(el: HTMLElement, prop: string, v: string) {
  if (el.style.getPropertyValue(prop) !== v) el.style.setProperty(prop, v);
}

export function setHTML(el: HTMLElement, html: string) {
  if (el.dataset.html !== html) {
    el.dataset.html = html;
    el.innerHTML = html;
  }
}

export type BarRow = { key: string; widths: number[]; count: string; title: string };

// BarList is a panel's list of bars (progress per prefix, memory per
// prefix), built once per key and updated in place: rebuilding the panels'
// HTML ten times a second had the browser parse, lay out and paint them
// afresh each time, long enough to stall the page during 50,000 tasks.
export class BarList {
  private rows = new Map<string, { el: HTMLElement; fills: HTMLElement[]; track: HTMLElement; count: HTMLElement }>();
  private empty: HTMLElement | null = null;

  // fills are the classes of each bar's segments, left to right ("err":
  // the erred segment, coloured as an error); colour gives a key's colour.
  constructor(
    private parent: HTMLElement,
    private fills: string[],
    private colour: (key: string) => string,
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
        const c = this.colour(b.key);
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

// workerLabel shows a worker's name without the scheme of a remote Dask
// worker's address: "tcp://127.0.0.1:40123" → "127.0.0.1:40123".
export function workerLabel(name: string): string {
  return name.replace(/^[a-z]+:\/\//, "");
}

// fitLabel shortens text from the left ("…0.1:40123") until it fits in
// width pixels: the end of an address, its port, tells workers apart.
export function fitLabel(g: CanvasRenderingContext2D, text: string, width: number): string {
  if (g.measureText(text).width <= width) return text;
  let t = text;
  while (t.length > 1 && g.measureText("…" + t).width > width) t = t.slice(1);
  return "…" + t;
}

export function formatBytes(n: number): string {
  const units = ["B", "kB", "MB", "GB"];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
}

// HoverCanvas is a panel drawn on a canvas, with a tooltip that follows
// the mouse over it (the task stream, the graph).
export abstract class HoverCanvas {
  protected canvas: HTMLCanvasElement;
  protected tip: HTMLElement;

  constructor(panel: HTMLElement) {
    this.canvas = panel.querySelector("canvas")!;
    this.tip = panel.querySelector(".dash-tip")!;
    this.canvas.addEventListener("mousemove", (e) => this.hover(e));
    this.canvas.addEventListener("mouseleave", () => (this.tip.hidden = true));
  }

  protected abstract hover(e: MouseEvent): void;
}

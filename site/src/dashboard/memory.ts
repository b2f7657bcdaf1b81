// Memory by key: the bytes the workers hold for each key prefix, largest
// first.
import { colour, type State } from "./state";
import { BarList, formatBytes } from "./dom";

export class Memory {
  private rows: BarList;

  constructor(
    private panel: HTMLElement,
    private s: State,
  ) {
    this.rows = new BarList(panel.querySelector(".dash-memory")!, [""], (k) => colour(s, k));
  }

  draw() {
    const entries = [...this.s.memory.entries()].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]);
    const top = entries.length ? entries[0][1] : 1;
    this.rows.show(
      entries.map(([prefix, b]) => ({ key: prefix, widths: [(100 * b) / top], count: formatBytes(b), title: "" })),
      "no results held",
    );
    this.panel.dataset.bytes = String(entries.reduce((n, [, b]) => n + b, 0));
  }
}

// Progress: one bar per key prefix of the current computation, released,
// in memory, processing and erred from the left; what is still waiting is
// the empty track.
import { colour, waiting, type State } from "./state";
import { BarList, type BarRow } from "./dom";

export class Progress {
  private rows: BarList;

  constructor(
    private panel: HTMLElement,
    private s: State,
  ) {
    this.rows = new BarList(panel.querySelector(".dash-progress")!, ["released", "", "processing", "err"], (k) => colour(s, k));
  }

  draw() {
    let total = 0;
    let finished = 0;
    const bars: BarRow[] = [];
    for (const [prefix, g] of this.s.groups) {
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
    this.rows.show(bars, "no computation yet");
    this.panel.dataset.percent = String(total ? Math.floor((100 * finished) / total) : 0);
  }
}

// The instructor's page of a class (dist/class.html#CLASS.TEACH): the
// link learners join with, then, live from the class's event stream, the
// grid of learners × exercises, who is stuck longest, the most common
// errors and the cells learners shared. Made to be projected: large type,
// states told by symbol as well as colour.
//
// Everything a learner typed (names, error messages, code) is put in the
// page as text (textContent, attributes), never parsed as HTML.
import "./class.css";

type Exercise = { id: string; lesson: string; title: string };
type State = "none" | "attempted" | "error" | "pass";
type Learner = {
  id: string;
  name: string;
  joined: number;
  last: number;
  restarts: number;
  states: Record<string, State>;
  current: string;
  stuckSince: number;
};
type Snapshot = {
  exercises: Exercise[];
  learners: Learner[];
  stuck: { learner: string; name: string; exercise: string; since: number }[];
  errors: { type: string; line: string; exercise: string; count: number; learners: number }[];
  shared: { learner: string; name: string; exercise: string; code: string; time: number }[];
  now: number;
};

const symbols: Record<State, string> = { none: "·", attempted: "○", error: "✗", pass: "✓" };
const words: Record<State, string> = { none: "not started", attempted: "ran, not passed yet", error: "error", pass: "passed" };

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// duration says how long ms is, for a projector: "45 s", "12 min", "1 h 05".
function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")}`;
}

function setStatus(status: string, text: string) {
  document.body.dataset.classStatus = status;
  $("[data-class-status-text]").textContent = text;
}

function showError(message: string) {
  const p = $("[data-class-error]");
  p.textContent = message;
  p.hidden = message === "";
}

type Row = { tr: HTMLTableRowElement; name: HTMLElement; cells: HTMLElement[]; current: number };

// Grid keeps the table's elements between snapshots and changes only the
// cells whose state changed: at 200 learners, rebuilding its 2,600 cells
// four times a second would be most of the page's work.
class Grid {
  private exercises: Exercise[] = [];
  private rows = new Map<string, Row>();
  private passCounts: HTMLElement[] = [];
  private table = $<HTMLTableElement>("[data-class-grid]");
  private tbody = this.table.tBodies[0];

  private header(exercises: Exercise[]) {
    this.exercises = exercises;
    this.rows.clear();
    this.tbody.replaceChildren();
    const tr = el("tr");
    const corner = el("th", "name-col", "Learner");
    corner.scope = "col";
    tr.append(corner);
    this.passCounts = exercises.map((ex) => {
      const th = el("th", "ex-col");
      th.scope = "col";
      th.title = `${ex.title} (${ex.lesson})`;
      const count = el("span", "ex-pass", "✓0");
      count.dataset.passCount = ex.id;
      th.append(el("span", "ex-id", ex.id), count);
      tr.append(th);
      return count;
    });
    this.table.tHead!.replaceChildren(tr);
  }

  private row(l: Learner): Row {
    const tr = el("tr");
    tr.dataset.learnerRow = l.id;
    const name = el("th", "name-col");
    name.scope = "row";
    tr.append(name);
    const cells = this.exercises.map((ex) => {
      const td = el("td", "cell");
      td.dataset.learner = l.id;
      td.dataset.exercise = ex.id;
      td.dataset.state = "";
      tr.append(td);
      return td;
    });
    return { tr, name, cells, current: -1 };
  }

  render(s: Snapshot) {
    const ids = s.exercises.map((e) => e.id).join(" ");
    if (ids !== this.exercises.map((e) => e.id).join(" ")) this.header(s.exercises);
    const passes = new Array(this.exercises.length).fill(0);
    const seen = new Set<string>();
    let i = 0;
    for (const l of s.learners) {
      seen.add(l.id);
      let row = this.rows.get(l.id);
      if (!row) {
        row = this.row(l);
        this.rows.set(l.id, row);
      }
      // Join order; new learners come last, so this rarely moves a row.
      if (this.tbody.rows[i] !== row.tr) this.tbody.insertBefore(row.tr, this.tbody.rows[i] || null);
      i++;
      if (row.name.textContent !== l.name) {
        row.name.textContent = l.name;
        row.name.title = l.name;
      }
      const current = this.exercises.findIndex((e) => e.id === l.current);
      this.exercises.forEach((ex, k) => {
        const st: State = l.states?.[ex.id] || "none";
        if (st === "pass") passes[k]++;
        const td = row!.cells[k];
        if (td.dataset.state !== st) {
          td.dataset.state = st;
          td.textContent = symbols[st];
          td.title = `${l.name} · ${ex.id}: ${words[st]}`;
        }
      });
      if (current !== row.current) {
        if (row.current >= 0) row.cells[row.current].classList.remove("current");
        if (current >= 0) row.cells[current].classList.add("current");
        row.current = current;
      }
    }
    for (const [id, row] of this.rows) {
      if (!seen.has(id)) {
        row.tr.remove();
        this.rows.delete(id);
      }
    }
    const n = s.learners.length;
    passes.forEach((p, k) => {
      const t = `✓${p}`;
      if (this.passCounts[k].textContent !== t) this.passCounts[k].textContent = t;
      this.passCounts[k].title = `${p} of ${n} learners passed ${this.exercises[k].id}`;
    });
  }
}

const grid = new Grid();
let last: Snapshot | null = null;
let clockSkew = 0; // the browser's clock minus the server's
let sharedKey = "";
let renders = 0;
let lastRenderMs = 0;

function renderStuck(s: Snapshot) {
  const now = Date.now() - clockSkew;
  const ol = $("[data-class-stuck]");
  if (s.stuck.length === 0) {
    ol.replaceChildren(el("li", "empty", "Nobody is stuck."));
    return;
  }
  ol.replaceChildren(
    ...s.stuck.map((x) => {
      const li = el("li");
      li.dataset.learner = x.learner;
      li.dataset.exercise = x.exercise;
      li.append(el("strong", "who", x.name), " ", el("span", "ex", x.exercise), " ", el("span", "for", duration(now - x.since)));
      return li;
    }),
  );
}

function renderErrors(s: Snapshot) {
  const tbody = $<HTMLTableElement>("[data-class-errors]").tBodies[0];
  if (s.errors.length === 0) {
    const td = el("td", "empty", "No errors so far.");
    td.colSpan = 5;
    const tr = el("tr");
    tr.append(td);
    tbody.replaceChildren(tr);
    return;
  }
  tbody.replaceChildren(
    ...s.errors.map((e) => {
      const tr = el("tr");
      tr.dataset.errorType = e.type;
      tr.append(
        el("td", "etype", e.type),
        el("td", "eline", e.line),
        el("td", "ex", e.exercise),
        el("td", "num count", String(e.count)),
        el("td", "num learners", String(e.learners)),
      );
      return tr;
    }),
  );
}

function renderShared(s: Snapshot) {
  const key = s.shared.map((x) => `${x.learner} ${x.time} ${x.exercise}`).join("\n");
  if (key === sharedKey) return;
  sharedKey = key;
  const box = $("[data-class-shared]");
  if (s.shared.length === 0) {
    box.replaceChildren(el("p", "empty", "Learners' shared cells appear here."));
    return;
  }
  box.replaceChildren(
    ...s.shared.map((x) => {
      const art = el("article", "shared-cell");
      art.dataset.learner = x.learner;
      art.dataset.exercise = x.exercise;
      const h = el("h3");
      const time = new Date(x.time).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      h.append(el("span", "who", x.name), " · ", el("span", "ex", x.exercise), " · ", el("span", "time", time));
      art.append(h, el("pre", "code", x.code));
      return art;
    }),
  );
}

function render(s: Snapshot) {
  const t0 = performance.now();
  last = s;
  clockSkew = Date.now() - s.now;
  grid.render(s);
  renderStuck(s);
  renderErrors(s);
  renderShared(s);
  const n = s.learners.length;
  document.body.toggleAttribute("data-learners", n > 0);
  $("[data-class-count]").textContent =
    n === 0 ? "No learners yet: put the link above on the screen." : `${n} learner${n === 1 ? "" : "s"} in the class`;
  lastRenderMs = performance.now() - t0;
  renders++;
  document.body.dataset.classRenders = String(renders);
}

function start() {
  // Another class's link typed over this one's changes only the fragment:
  // start again, for that class.
  window.addEventListener("hashchange", () => location.reload());
  const m = /^#([A-Za-z0-9_-]{16,100})\.([A-Za-z0-9_-]{16,100})$/.exec(location.hash);
  (window as any).burstClass = { renders: () => renders, lastRenderMs: () => lastRenderMs, snapshot: () => last };
  if (!m) {
    setStatus("bad-link", "no class");
    showError("This page's address has no class in it (…/class.html#CLASS.KEY): open /class/new to start a class.");
    return;
  }
  const [, cls, teach] = m;
  const learnerURL = `${location.origin}/?class=${cls}`;
  $("[data-class-url]").textContent = learnerURL;
  const copy = $<HTMLButtonElement>("[data-class-copy]");
  copy.onclick = async () => {
    try {
      await navigator.clipboard.writeText(learnerURL);
      copy.textContent = "Copied ✓";
    } catch {
      // No clipboard (an http page that is not localhost): select the
      // link for the instructor to copy.
      const range = document.createRange();
      range.selectNodeContents($("[data-class-url]"));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      copy.textContent = "Selected: press Ctrl+C";
    }
    setTimeout(() => (copy.textContent = "Copy link"), 3000);
  };

  const base = `/api/class/${encodeURIComponent(cls)}`;
  let retry = 0;
  const connect = () => {
    const es = new EventSource(`${base}/stream?key=${encodeURIComponent(teach)}`);
    es.addEventListener("state", (e) => {
      retry = 0;
      setStatus("live", "live");
      try {
        render(JSON.parse((e as MessageEvent).data));
        showError("");
      } catch (err) {
        showError(`Could not show the class's state: ${(err as Error).message}`);
      }
    });
    es.onerror = () => {
      // CONNECTING: the browser reconnects by itself (the network
      // dropped, the server closed the stream).
      if (es.readyState === EventSource.CONNECTING) {
        setStatus("reconnecting", "reconnecting…");
        return;
      }
      // CLOSED: the server refused the stream; ask it why.
      es.close();
      why();
    };
  };
  const why = async () => {
    try {
      const r = await fetch(`${base}/state`, { headers: { Authorization: `Bearer ${teach}` }, cache: "no-store" });
      if (r.status === 404) {
        setStatus("ended", "class ended");
        showError("The server does not know this class any more (it ended after 12 idle hours, or the server restarted): start a new one at /class/new.");
        return;
      }
      if (r.status === 403) {
        setStatus("forbidden", "wrong key");
        showError("The server refused this page's teacher key for this class: open the instructor link you were given when the class started.");
        return;
      }
      if (r.ok) render(await r.json());
    } catch {
      /* the server is not answering: try the stream again */
    }
    setStatus("reconnecting", "reconnecting…");
    retry = Math.min(30_000, retry ? retry * 2 : 1000);
    setTimeout(connect, retry);
  };
  connect();
  // "Stuck for 5 min" grows between snapshots.
  setInterval(() => last && renderStuck(last), 10_000);
}

start();

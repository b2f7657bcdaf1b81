// The dashboards' state and the reducer that turns the scheduler's events
// into it. No DOM here: the panels read the state and draw it.
//
// reduce updates the state in place rather than copying it: 50,000 tasks
// send 100,000 events, and the task stream keeps up to 80,000 bars.
import type { Event } from "../types";

export type TaskState = "waiting" | "processing" | "memory" | "released" | "erred";

// Group is the tasks of one key prefix in the current computation.
export type Group = {
  total: number;
  processing: number;
  memory: number;
  released: number;
  erred: number;
  deps: Set<string>;
  preset: number; // results already in memory when announced (scattered, persisted)
};

export function waiting(g: Group): number {
  return Math.max(0, g.total - g.processing - g.memory - g.released - g.erred);
}

// maxGraphTasks is the largest graph drawn task by task.
export const maxGraphTasks = 150;

// Bar is a task (or a transfer) on the task stream, on row ri.
export type Bar = { row: string; ri: number; start: number; stop: number; fill: string; transfer: boolean; key: string };

// Flight is a dot on the cluster map: a task sent to a worker, or data
// between workers, drawn for a moment after it happens (at, in the page's
// milliseconds).
export type Flight = { from: string; to: string; at: number; transfer: boolean };

export type State = {
  // A colour per key prefix, given in the order prefixes are first shown.
  colours: Map<string, string>;
  // The task stream: bars of the last minute or so (older ones are
  // dropped), how many task bars were drawn in all, the latest time on
  // it, and its rows (one per worker, in the order they appeared).
  bars: Bar[];
  taskBars: number;
  hi: number;
  rows: string[];
  rowIndex: Map<string, number>;
  // The current computation: its groups (one per key prefix), the tasks
  // announced one by one (small graphs only) and each key's state.
  groups: Map<string, Group>;
  tasks: Map<string, { prefix: string; deps: string[] }>;
  states: Map<string, TaskState>;
  // Each worker's latest "worker" event, and its memory over time.
  workers: Map<string, Event>;
  memoryHistory: Map<string, { t: number; m: number }[]>;
  // Bytes held per key prefix: results in memory, less those forgotten;
  // and per key.
  memory: Map<string, number>;
  held: Map<string, number>;
  // The dots flying on the cluster map.
  flights: Flight[];
};

export function newState(): State {
  return {
    colours: new Map(),
    bars: [],
    taskBars: 0,
    hi: 0,
    rows: [],
    rowIndex: new Map(),
    groups: new Map(),
    tasks: new Map(),
    states: new Map(),
    workers: new Map(),
    memoryHistory: new Map(),
    memory: new Map(),
    held: new Map(),
    flights: [],
  };
}

// A stable colour per key prefix, as Dask's dashboard colours by prefix.
const palette = ["#1c7ed6", "#f59f00", "#2f9e44", "#ae3ec9", "#0ca678", "#e8590c", "#4263eb", "#d6336c", "#74b816", "#1098ad"];

// colour is prefix's colour, given it the first time a prefix is asked for
// (by a task ending here, or by a panel showing a prefix no task of has
// ended yet).
export function colour(s: State, prefix: string): string {
  let c = s.colours.get(prefix);
  if (!c) {
    c = palette[s.colours.size % palette.length];
    s.colours.set(prefix, c);
  }
  return c;
}

// reduce takes a batch of events; now is the page's clock
// (performance.now()), when the cluster map's dots start flying.
export function reduce(s: State, events: Event[], now: number): State {
  for (const e of events) {
    const key = e.key || "";
    switch (e.kind) {
      case "graph":
        announce(s, e);
        break;
      case "task-start": {
        if (e.worker && e.worker !== "kernel") fly(s, "scheduler", e.worker, false, now);
        move(s, key, e.prefix || "?", "processing");
        break;
      }
      case "task-end": {
        move(s, key, e.prefix || "?", e.state === "erred" ? "erred" : "memory");
        bar(s, e.worker || "?", e.start || e.time, e.stop || e.time, e.prefix || "?", false, key);
        if (e.state === "memory" && key && !s.held.has(key)) {
          s.held.set(key, e.bytes || 0);
          s.memory.set(e.prefix || "?", (s.memory.get(e.prefix || "?") || 0) + (e.bytes || 0));
        }
        break;
      }
      case "forget": {
        move(s, key, e.prefix || "?", "released");
        const b = s.held.get(key);
        if (b !== undefined) {
          s.held.delete(key);
          s.memory.set(e.prefix || "?", Math.max(0, (s.memory.get(e.prefix || "?") || 0) - b));
        }
        break;
      }
      case "transfer":
        bar(s, e.to || "?", e.start || e.time, e.stop || e.time, "transfer", true, key);
        if (e.from && e.to) fly(s, e.from, e.to, true, now);
        break;
      case "worker": {
        const name = e.worker || "?";
        s.workers.set(name, e);
        if (name !== "kernel") row(s, name);
        let h = s.memoryHistory.get(name);
        if (!h) s.memoryHistory.set(name, (h = []));
        h.push({ t: e.time, m: e.memory || 0 });
        if (h.length > 600) h.splice(0, h.length - 400);
        break;
      }
    }
  }
  return s;
}

// announce adds a computation's tasks. When nothing of the previous
// computation is still waiting or running, the progress and graph panels
// start afresh with this one.
function announce(s: State, e: Event) {
  let busy = false;
  for (const g of s.groups.values()) if (waiting(g) || g.processing) busy = true;
  if (!busy) {
    s.groups.clear();
    s.tasks.clear();
    s.states.clear();
  }
  for (const gr of e.groups || []) {
    const g = group(s, gr.prefix);
    g.total += gr.n;
    for (const d of gr.deps || []) g.deps.add(d);
    if (gr.done) {
      g.memory += gr.done;
      g.preset += gr.done;
    }
  }
  for (const t of e.tasks || []) {
    // Only small graphs are drawn task by task.
    if (s.tasks.size > maxGraphTasks) break;
    s.tasks.set(t.key, { prefix: t.prefix, deps: t.deps || [] });
    if (t.done) s.states.set(t.key, "memory");
  }
}

function group(s: State, prefix: string): Group {
  let g = s.groups.get(prefix);
  if (!g) {
    g = { total: 0, processing: 0, memory: 0, released: 0, erred: 0, deps: new Set(), preset: 0 };
    s.groups.set(prefix, g);
  }
  return g;
}

// move is one task's transition, as the scheduler reported it.
function move(s: State, key: string, prefix: string, to: Exclude<TaskState, "waiting">) {
  const g = s.groups.get(prefix);
  if (!g) return; // a task of an earlier computation, already cleared
  const from = s.states.get(key);
  if (from === to) return;
  if (from === undefined && g.preset > 0 && to === "released") {
    g.preset--; // a scattered or persisted value, announced as done
    g.memory--;
  } else if (from && from !== "waiting") g[from]--;
  g[to]++;
  s.states.set(key, to);
}

function row(s: State, name: string): number {
  let i = s.rowIndex.get(name);
  if (i === undefined) {
    i = s.rows.length;
    s.rows.push(name);
    s.rowIndex.set(name, i);
  }
  return i;
}

// bar adds a task's (or a transfer's) bar to the task stream, on worker
// on's row; past 80,000 bars, those older than a minute are dropped.
function bar(s: State, on: string, start: number, stop: number, prefix: string, transfer: boolean, key: string) {
  const ri = row(s, on);
  const fill = transfer ? "rgba(201, 42, 42, 0.75)" : colour(s, prefix);
  s.bars.push({ row: on, ri, start, stop: Math.max(stop, start), fill, transfer, key });
  if (!transfer) s.taskBars++;
  s.hi = Math.max(s.hi, stop);
  if (s.bars.length > 80000) {
    const lo = s.hi - 60;
    s.bars = s.bars.filter((b) => b.stop >= lo);
  }
}

function fly(s: State, from: string, to: string, transfer: boolean, now: number) {
  // A hundred dots in flight already show a busy cluster.
  if (s.flights.length < 100) s.flights.push({ from, to, at: now, transfer });
}

// landFlights drops the dots that have flown (they fly for 0.6 s).
export function landFlights(s: State, now: number) {
  s.flights = s.flights.filter((f) => now - f.at < 600);
}

// span is the time the task stream shows: the last 30 seconds of
// activity, or all of it if shorter.
export function span(s: State): [number, number] {
  if (!s.bars.length) return [0, 1];
  const hi = s.hi;
  let lo = hi;
  for (let i = s.bars.length - 1; i >= 0; i--) {
    const start = s.bars[i].start;
    if (start >= hi - 30 && start < lo) lo = start;
    if (s.bars[i].stop < hi - 60) break;
  }
  return [lo, Math.max(hi, lo + 0.001)];
}

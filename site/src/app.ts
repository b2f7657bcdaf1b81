// The lesson page: turns the rendered lesson's code blocks into CodeMirror
// cells, starts the engine, and exposes window.burst for automation.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { python } from "@codemirror/lang-python";
import { Kernel, Status } from "./kernel";
import type { Output } from "./types";
import { renderOutput } from "./output";
import { Dashboard } from "./dashboard";

type Cell = {
  el: HTMLElement;
  view: EditorView;
  output: HTMLElement;
  prompt: HTMLElement;
  outputs: Output[];
  original: string; // the lesson's text of the cell
};

// Edits are kept per lesson and cell in the browser's storage, so that a
// reload (or coming back tomorrow) finds the learner's code.
const storageKey = (index: number) => `burst:${location.pathname}:cell:${index}`;

function savedCode(index: number): string | null {
  try {
    return localStorage.getItem(storageKey(index));
  } catch {
    return null; // storage disabled: edits live as long as the page
  }
}

function saveCode(index: number, code: string, original: string) {
  try {
    if (code === original) localStorage.removeItem(storageKey(index));
    else localStorage.setItem(storageKey(index), code);
  } catch {
    /* storage full or disabled */
  }
}

function setCode(c: Cell, code: string) {
  c.view.dispatch({ changes: { from: 0, to: c.view.state.doc.length, insert: code } });
}

// resetCell puts the lesson's text back in cell k.
function resetCell(k: number) {
  const c = cells[k];
  if (!c) return;
  setCode(c, c.original);
  c.el.querySelector<HTMLElement>(".cell-load")?.removeAttribute("hidden");
}

// resetLesson puts every cell's lesson text back.
function resetLesson() {
  cells.forEach((_, k) => resetCell(k));
}

const cells: Cell[] = [];
let kernel: Kernel | null = null;
let dashboard: Dashboard | null = null;

function workerCount(): number {
  const q = new URLSearchParams(location.search).get("workers");
  const n = q ? parseInt(q, 10) : navigator.hardwareConcurrency || 2;
  return Math.max(1, Math.min(n || 2, 32));
}

function setStatus(s: Status, detail?: string) {
  document.body.dataset.kernel = s;
  const el = document.querySelector<HTMLElement>("[data-kernel-status]");
  if (el) {
    el.textContent = s === "dead" ? `kernel dead: ${detail || ""}` : `kernel ${s}`;
    el.title = detail || "";
  }
}

async function runCell(k: number): Promise<void> {
  const cell = cells[k];
  if (!cell) throw new Error(`no cell ${k}`);
  if (!kernel) throw new Error("the kernel is not running");
  await kernel.ready;
  cell.outputs = [];
  cell.output.replaceChildren();
  cell.el.classList.add("running");
  cell.el.classList.remove("failed");
  cell.prompt.textContent = "[*]:";
  const t0 = performance.now();
  const res = await kernel.execute(cell.view.state.doc.toString(), (o) => {
    cell.outputs.push(o);
    if (o.type === "set_next_input") {
      // %load: the cell's code becomes the file's, as in IPython.
      cell.view.dispatch({ changes: { from: 0, to: cell.view.state.doc.length, insert: o.text || "" } });
      cell.el.querySelector<HTMLElement>(".cell-load")?.setAttribute("hidden", "");
      return;
    }
    cell.output.appendChild(renderOutput(o));
  });
  const secs = (performance.now() - t0) / 1000;
  cell.el.classList.remove("running");
  cell.prompt.textContent = `[${res.count || " "}]:`;
  cell.el.dataset.elapsed = secs.toFixed(3);
  const timing = document.createElement("div");
  timing.className = "cell-timing";
  timing.textContent = `${secs < 1 ? (secs * 1000).toFixed(0) + " ms" : secs.toFixed(2) + " s"}`;
  cell.output.appendChild(timing);
  if (!res.ok) {
    cell.el.classList.add("failed");
    const err = cell.outputs.find((o) => o.type === "error");
    throw new Error(err ? `${err.ename}: ${err.evalue}` : `cell ${k} failed`);
  }
}

async function runAll(): Promise<void> {
  for (let k = 0; k < cells.length; k++) {
    // A cell marked data-raises shows an error on purpose.
    if (cells[k].el.hasAttribute("data-raises")) await runCell(k).catch(() => {});
    else await runCell(k);
  }
}

function focusCell(k: number) {
  const c = cells[k];
  if (c) {
    c.view.focus();
    c.el.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
}

function mountCell(el: HTMLElement, index: number) {
  const source = el.querySelector<HTMLElement>(".cell-source");
  const code = (source?.textContent || "").replace(/\n$/, "");
  const input = document.createElement("div");
  input.className = "cell-input";
  const prompt = document.createElement("div");
  prompt.className = "cell-prompt";
  prompt.textContent = "[ ]:";
  const run = document.createElement("button");
  run.className = "cell-run";
  run.title = "Run (Shift+Enter)";
  run.setAttribute("aria-label", `Run cell ${index + 1}`);
  run.textContent = "▶";
  const editorHost = document.createElement("div");
  editorHost.className = "cell-editor";
  const output = el.querySelector<HTMLElement>("[data-output]") || document.createElement("div");
  output.setAttribute("data-output", "");
  output.classList.add("cell-output");

  const runKeys = Prec.highest(
    keymap.of([
      {
        key: "Shift-Enter",
        run: () => {
          runCell(index).catch(() => {});
          focusCell(index + 1);
          return true;
        },
      },
      {
        key: "Ctrl-Enter",
        run: () => {
          runCell(index).catch(() => {});
          return true;
        },
      },
    ]),
  );
  const reset = document.createElement("button");
  reset.className = "cell-reset";
  reset.textContent = "Reset";
  reset.title = "Put the lesson's text back in this cell";
  const edited = (doc: string) => el.classList.toggle("edited", doc !== code);
  const saved = savedCode(index);
  const view = new EditorView({
    doc: saved ?? code,
    extensions: [
      basicSetup,
      python(),
      runKeys,
      EditorView.lineWrapping,
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        const doc = u.state.doc.toString();
        saveCode(index, doc, code);
        edited(doc);
      }),
    ],
    parent: editorHost,
  });
  edited(saved ?? code);
  reset.onclick = () => resetCell(index);
  run.onclick = () => runCell(index).catch(() => {});
  input.append(prompt, run, editorHost, reset);
  if (/^%load\s/.test(code)) {
    // A solution cell: loading it is running it; running it again runs
    // the solution.
    const load = document.createElement("button");
    load.className = "cell-load";
    load.textContent = "Load solution";
    load.title = "Replace this cell with the solution (then run it)";
    load.onclick = () => runCell(index).catch(() => {});
    input.append(load);
  }
  source?.remove();
  el.prepend(input);
  el.append(output);
  cells.push({ el, view, output, prompt, outputs: [], original: code });
}

function start() {
  const cellEls = Array.from(document.querySelectorAll<HTMLElement>("[data-cell-index]"));
  cellEls.forEach((el, i) => mountCell(el, i));
  const interruptButton = document.querySelector<HTMLButtonElement>("[data-interrupt]");
  if (interruptButton) interruptButton.onclick = () => kernel?.interrupt();
  const resetButton = document.querySelector<HTMLButtonElement>("[data-reset-lesson]");
  if (resetButton) resetButton.onclick = () => resetLesson();
  const restartButton = document.querySelector<HTMLButtonElement>("[data-restart]");
  if (restartButton) restartButton.onclick = () => restart();
  const runAllButton = document.querySelector<HTMLButtonElement>("[data-run-all]");
  if (runAllButton) runAllButton.onclick = () => runAll().catch(() => {});

  (window as any).burst = {
    runAll,
    runCell,
    outputs: (k: number) => cells[k]?.outputs ?? [],
    cellCount: () => cells.length,
    workers: () => kernel?.nWorkers ?? 0,
    // events returns the scheduler's events since the last call;
    // subscribe(fn) calls fn with each batch as it arrives.
    events: () => kernel?.events() ?? [],
    subscribe: (fn: (events: any[]) => void) => kernel?.subscribe(fn),
    interrupt: () => kernel?.interrupt(),
    resetCell,
    resetLesson,
    code: (k: number) => cells[k]?.view.state.doc.toString(),
    setCode: (k: number, code: string) => cells[k] && setCode(cells[k], code),
    restart: () => restart(),
    // stopWorker terminates worker web worker i, as a crash would.
    stopWorker: (i: number, restart = true) => kernel?.workerLost(i, "stopped by stopWorker", restart),
    // execute runs code outside any cell (benchmarks, tests) and resolves
    // with its outputs and the wall time in milliseconds.
    execute: async (code: string) => {
      if (!kernel) throw new Error("the kernel is not running");
      await kernel.ready;
      const outputs: Output[] = [];
      const t0 = performance.now();
      const res = await kernel.execute(code, (o) => outputs.push(o));
      return { ok: res.ok, ms: performance.now() - t0, outputs };
    },
  };
  if (cellEls.length === 0) return;
  startKernel();
}

// startKernel starts the kernel web worker and its workers.
function startKernel() {
  // ?worker_memory=MB sets each worker's memory limit (default 2 GiB).
  const mb = parseInt(new URLSearchParams(location.search).get("worker_memory") || "", 10);
  kernel = new Kernel(workerCount(), mb > 0 ? mb * 1024 * 1024 : 0);
  kernel.onStatus = setStatus;
  if (!dashboard) dashboard = new Dashboard();
  kernel.subscribe((evs) => dashboard?.add(evs));
  setStatus("starting");
}

// restart replaces the kernel with a fresh one: every variable is gone,
// the cells' counts start again.
function restart() {
  kernel?.shutdown("the kernel was restarted");
  for (const c of cells) c.prompt.textContent = "[ ]:";
  startKernel();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

// The lesson page: turns the rendered lesson's code blocks into CodeMirror
// cells, starts the engine, and exposes window.burst for automation.
import { notice } from "./notice";
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { python } from "@codemirror/lang-python";
import { Kernel, Status, bundleBuild, mark } from "./kernel";
import { checkNetwork, offline, pageBuild, startOffline, updateAvailable } from "./offline";
import type { Output, SourceCell } from "./types";
import { renderOutput, StreamView } from "./output";
import { Dashboard } from "./dashboard";
import { renderClassroom, reportRestart, reportRun, startClassroom } from "./classroom";
import {
  NBCell,
  NBOutput,
  Notebook,
  Scratch,
  fromNBOutputs,
  hash,
  lines,
  loadScratch,
  parseNotebook,
  pythonMetadata,
  renderMarkdown,
  saveScratch,
  svgText,
  text,
  toNBOutputs,
} from "./notebook";

// CellEditor is a cell's code on the page: a plain <pre> at first, and a
// CodeMirror editor from when the learner focuses or clicks it, or the
// page is idle after its engine started. Making a lesson's twenty editors
// at load took 150–300 ms of the main thread while the engine was
// starting, and every editor watches its visibility on every frame.
class CellEditor {
  private view: EditorView | null = null;
  private text: string;
  private preview: HTMLElement;

  constructor(
    private host: HTMLElement,
    code: string,
    private make: (doc: string, parent: HTMLElement) => EditorView,
    private changed: (doc: string) => void,
  ) {
    this.text = code;
    this.preview = document.createElement("pre");
    this.preview.className = "cell-preview";
    this.preview.tabIndex = 0;
    this.preview.textContent = code;
    this.preview.addEventListener("focus", () => this.editor().focus());
    this.preview.addEventListener("pointerdown", (e) => {
      e.preventDefault();
      const view = this.editor();
      view.focus();
      const pos = view.posAtCoords({ x: e.clientX, y: e.clientY });
      if (pos != null) view.dispatch({ selection: { anchor: pos } });
    });
    host.append(this.preview);
  }

  mounted(): boolean {
    return this.view !== null;
  }

  // editor makes the CodeMirror editor, once, in the preview's place.
  editor(): EditorView {
    if (!this.view) {
      this.view = this.make(this.text, this.host);
      this.preview.remove();
    }
    return this.view;
  }

  code(): string {
    return this.view ? this.view.state.doc.toString() : this.text;
  }

  setCode(code: string) {
    if (this.view) {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: code } });
      return;
    }
    this.text = code;
    this.preview.textContent = code;
    this.changed(code);
  }

  focus() {
    this.editor().focus();
  }

  destroy() {
    this.view?.destroy();
  }
}

type Cell = {
  el: HTMLElement;
  editor: CellEditor;
  output: HTMLElement;
  prompt: HTMLElement;
  outputs: Output[];
  original: string; // the lesson's text of the cell
  count?: number; // the execution count of its last run
  // In a notebook the learner opened: the outputs it came with, kept as
  // they are until the cell runs.
  nbOutputs?: NBOutput[] | null;
  nbCount?: number | null;
};

// Edits are kept per lesson (or opened notebook) and cell in the browser's
// storage, so that a reload (or coming back tomorrow) finds the learner's
// code.
let storageScope = `burst:${location.pathname}`;
const storageKey = (index: number) => `${storageScope}:cell:${index}`;

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
  c.editor.setCode(code);
}

// resetCell puts the lesson's text back in cell k.
// watchOtherTabs keeps two tabs of one lesson from losing each other's
// edits: every edit is saved at once, and the other tab takes it into its
// editor as it is saved (the storage event), so the last writer always
// writes on top of the other's text. The tabs tell each other they are
// there, and each says so once.
function watchOtherTabs() {
  let told = false;
  const tell = () => {
    if (told) return;
    told = true;
    document.body.dataset.otherTab = "open";
    notice("This lesson is also open in another tab: an edit in either appears in both. Variables are not shared: each tab has its own kernel.", "info");
  };
  window.addEventListener("storage", (e) => {
    const prefix = `${storageScope}:cell:`;
    if (!e.key || !e.key.startsWith(prefix)) return;
    const c = cells[Number(e.key.slice(prefix.length))];
    if (!c) return;
    const code = e.newValue ?? c.original;
    if (c.editor.code() !== code) setCode(c, code);
    tell();
  });
  if (!("BroadcastChannel" in window)) return;
  const ch = new BroadcastChannel("burst-tabs");
  ch.onmessage = (e) => {
    if (e.data?.scope !== storageScope) return;
    if (e.data.hello) ch.postMessage({ scope: storageScope });
    tell();
  };
  ch.postMessage({ scope: storageScope, hello: true });
}

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
// The task graphs drawn for outputs, saved as pictures in a download.
const graphs = new WeakMap<Output, SVGElement>();
// The notebook the learner opened, on the scratch page.
let scratch: Scratch | null = null;
const scratchPage = document.body.hasAttribute("data-scratch");
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
  cell.editor.editor(); // a cell that ran is one the learner works on
  cell.outputs = [];
  cell.nbOutputs = null;
  cell.output.replaceChildren();
  cell.el.classList.add("running");
  cell.el.classList.remove("failed");
  cell.prompt.textContent = "[*]:";
  const t0 = performance.now();
  const code = cell.editor.code();
  // An exercise's cell (not its %load line) is checked by the kernel
  // against the value the solution gave when the data was built.
  const exercise = cell.el.dataset.exercise;
  const spec = exercise && !/^\s*%load\s/.test(code) ? await exerciseCheck(exercise) : undefined;
  // Consecutive prints join one stream output (one element), as in
  // Jupyter; the kernel already sends them in batches.
  let stream: { o: Output; view: StreamView } | null = null;
  const res = await kernel.execute(code, (o) => {
    if (o.type === "stream" && stream && stream.o.name === o.name) {
      stream.o.text = (stream.o.text || "") + (o.text || "");
      stream.view.append(o.text || "");
      return;
    }
    stream = null;
    if (o.type === "stream") {
      const so: Output = { ...o };
      const view = new StreamView(o.name || "stdout");
      view.append(o.text || "");
      stream = { o: so, view };
      cell.outputs.push(so);
      cell.output.appendChild(view.el);
      return;
    }
    cell.outputs.push(o);
    if (o.type === "set_next_input") {
      // %load: the cell's code becomes the file's, as in IPython.
      cell.editor.setCode(o.text || "");
      cell.el.querySelector<HTMLElement>(".cell-load")?.setAttribute("hidden", "");
      return;
    }
    const el = renderOutput(o);
    const svg = el.querySelector<SVGElement>("svg.task-graph");
    if (svg) graphs.set(o, svg);
    cell.output.appendChild(el);
  }, spec || undefined);
  cell.count = res.count || undefined;
  const secs = (performance.now() - t0) / 1000;
  cell.el.classList.remove("running");
  cell.prompt.textContent = `[${res.count || " "}]:`;
  cell.el.dataset.elapsed = secs.toFixed(3);
  const timing = document.createElement("div");
  timing.className = "cell-timing";
  timing.textContent = `${secs < 1 ? (secs * 1000).toFixed(0) + " ms" : secs.toFixed(2) + " s"}`;
  if (res.check) {
    // The check's verdict, under the cell's outputs: ✓ or a hint.
    const el = document.createElement("div");
    el.className = "cell-check";
    el.dataset.check = res.check.pass ? "pass" : "fail";
    el.setAttribute("role", "status");
    el.textContent = res.check.pass ? "✓ matches" : res.check.hint;
    cell.output.appendChild(el);
  }
  cell.output.appendChild(timing);
  const err = res.ok ? undefined : cell.outputs.find((o) => o.type === "error");
  if (exercise && spec !== undefined) {
    reportRun(exercise, res.check?.pass ? { kind: "pass" } : res.ok ? { kind: "fail" } : { kind: "error", ename: err?.ename, evalue: err?.evalue });
  }
  if (!res.ok) {
    cell.el.classList.add("failed");
    throw new Error(err ? `${err.ename}: ${err.evalue}` : `cell ${k} failed`);
  }
}

// checks holds the exercises' checks (data/checks.json, written with the
// data by `go run ./build checks`), fetched on the first exercise run.
let checks: Promise<Record<string, any>> | null = null;

// exerciseCheck is an exercise's check as JSON for the kernel, "" when
// this server has none for it (its data is missing, or it is offline
// before the checks were saved): the cell then runs unchecked.
async function exerciseCheck(id: string): Promise<string> {
  if (!checks) {
    checks = fetch("/data/checks.json")
      .then((r) => {
        if (!r.ok) throw new Error(`checks: ${r.status}`);
        return r.json();
      })
      .then((c) => c.exercises || {})
      .catch(() => {
        checks = null; // not there (yet): try again at the next run
        return {};
      });
  }
  const spec = (await checks)[id];
  return spec ? JSON.stringify(spec) : "";
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
    c.editor.focus();
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
  const changed = (doc: string) => {
    saveCode(index, doc, code);
    edited(doc);
  };
  const editor = new CellEditor(
    editorHost,
    saved ?? code,
    (doc, parent) =>
      new EditorView({
        doc,
        extensions: [
          basicSetup,
          python(),
          runKeys,
          EditorView.lineWrapping,
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed(u.state.doc.toString());
          }),
        ],
        parent,
      }),
    changed,
  );
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
  cells.push({ el, editor, output, prompt, outputs: [], original: code });
}

// mountEditors makes the cells' editors one at a time while the page is
// idle (each within a second at most), in page order.
function mountEditors() {
  type Deadline = { timeRemaining(): number };
  const idle: (f: (d?: Deadline) => void, o: { timeout: number }) => void =
    (window as any).requestIdleCallback || ((f: () => void) => setTimeout(f, 50));
  const next = (d?: Deadline) => {
    do {
      const c = cells.find((c) => !c.editor.mounted());
      if (!c) return;
      c.editor.editor();
    } while (d && d.timeRemaining() > 20);
    idle(next, { timeout: 2000 });
  };
  idle(next, { timeout: 2000 });
}

// codeCellJSON is cell c as nbformat's code cell: the learner's code and
// the outputs of its last run (or those the notebook came with).
function codeCellJSON(c: Cell, id: string, metadata: Record<string, any>): NBCell {
  const fresh = c.nbOutputs == null;
  const outputs = fresh
    ? toNBOutputs(c.outputs, (o) => {
        const svg = graphs.get(o);
        return svg ? svgText(svg) : undefined;
      })
    : c.nbOutputs!;
  return {
    cell_type: "code",
    id,
    metadata,
    execution_count: fresh ? (c.count ?? null) : (c.nbCount ?? null),
    outputs,
    source: lines(c.editor.code()),
  };
}

function lessonSlug(): string {
  return decodeURIComponent(location.pathname.split("/").pop() || "lesson").replace(/\.html$/, "");
}

// notebook is the page as an nbformat 4 notebook: a lesson's Markdown and
// code cells, or the opened notebook's cells, with the learner's code and
// outputs.
async function notebook(): Promise<Notebook> {
  if (scratch) {
    const seen = new Set<string>();
    let k = 0;
    const out = scratch.notebook.cells.map((c, i) => {
      // nbformat 4.5 gives every cell a unique id.
      let id = typeof c.id === "string" && /^[a-zA-Z0-9-_]{1,64}$/.test(c.id) ? c.id : `cell-${i}`;
      while (seen.has(id)) id = `cell-${i}-${seen.size}`;
      seen.add(id);
      if (c.cell_type !== "code") return { ...c, id, source: lines(text(c.source)) };
      return { ...c, ...codeCellJSON(cells[k++], id, c.metadata) };
    });
    return {
      cells: out,
      metadata: { ...scratch.notebook.metadata, ...pythonMetadata },
      nbformat: 4,
      nbformat_minor: Math.max(5, scratch.notebook.nbformat_minor),
    };
  }
  if (scratchPage) throw new Error("no notebook is open");
  const script = document.querySelector("[data-lesson-source]");
  if (!script) throw new Error("this page has no lesson to download");
  const source: SourceCell[] = JSON.parse(script.textContent || "[]");
  let k = 0;
  const out: NBCell[] = source.map((s, i) => {
    if (s.kind === "markdown") {
      const md: NBCell = { cell_type: "markdown", id: `markdown-${i}`, metadata: {}, source: lines(s.source) };
      if (s.attachments) md.attachments = s.attachments;
      return md;
    }
    const c = cells[k++];
    const metadata: Record<string, any> = {};
    // nbconvert --execute goes on past a cell tagged raises-exception.
    if (s.raises) metadata.tags = ["raises-exception"];
    // An exercise stays one in the notebook: opened in Burst, it is
    // checked (and reported to a class) as on the lesson's page.
    if (c.el.dataset.exercise) metadata.burst = { exercise: c.el.dataset.exercise };
    return codeCellJSON(c, `code-${i}`, metadata);
  });
  return {
    cells: out,
    metadata: { ...pythonMetadata, burst: { lesson: lessonSlug() } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

// download saves notebook() as a .ipynb file.
async function download() {
  let nb: Notebook;
  try {
    nb = await notebook();
  } catch (e) {
    notice(`Could not make the notebook: ${(e as Error).message}`);
    return;
  }
  let name = scratch ? scratch.name : `${lessonSlug()}.ipynb`;
  if (!/\.ipynb$/i.test(name)) name += ".ipynb";
  const blob = new Blob([JSON.stringify(nb, null, 1) + "\n"], { type: "application/x-ipynb+json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// openNotebook opens a .ipynb (its text or JSON) as the scratch lesson:
// here on the notebook page, or by going there from any other. A file that
// is not an nbformat 4 notebook changes nothing: the page says why.
async function openNotebook(input: string | object, name = "notebook.ipynb"): Promise<{ cells: number }> {
  let nb: Notebook;
  try {
    nb = parseNotebook(input);
  } catch (e) {
    notice(`Could not open ${name}: ${(e as Error).message}. Nothing was changed.`);
    throw e;
  }
  const s: Scratch = { id: hash(typeof input === "string" ? input : JSON.stringify(input)), name, notebook: nb };
  let stored = true;
  try {
    await saveScratch(s);
  } catch (e) {
    stored = false;
    if (!scratchPage) {
      notice(`Could not open ${name}: the browser's storage refused it (${(e as Error).message}).`);
      throw e;
    }
    notice(`${name} is open, but the browser could not keep it: a reload will lose it (${(e as Error).message}).`, "info");
  }
  if (!scratchPage && stored) {
    location.href = "/notebook.html";
    return { cells: nb.cells.length };
  }
  showScratch(s);
  return { cells: nb.cells.length };
}

// showScratch puts notebook s in the page with a fresh kernel: markdown
// rendered, code cells editable and runnable, the outputs it came with
// shown until their cell runs.
function showScratch(s: Scratch) {
  const root = document.querySelector<HTMLElement>("[data-notebook]");
  if (!root) return;
  kernel?.shutdown("another notebook was opened");
  kernel = null;
  for (const c of cells) c.editor.destroy();
  cells.length = 0;
  scratch = s;
  document.body.setAttribute("data-notebook-open", "");
  storageScope = `burst:notebook:${s.id}`;
  document.title = `${s.name} — Burst`;
  const title = document.querySelector<HTMLElement>("[data-lesson-title]");
  if (title) title.textContent = s.name;
  root.replaceChildren();
  for (const c of s.notebook.cells) {
    const src = text(c.source);
    if (c.cell_type === "markdown") {
      const md = document.createElement("div");
      md.className = "markdown-cell";
      md.innerHTML = renderMarkdown(src, c.attachments);
      root.append(md);
    } else if (c.cell_type === "raw") {
      const pre = document.createElement("pre");
      pre.className = "raw-cell";
      pre.textContent = src;
      root.append(pre);
    } else {
      const k = cells.length;
      const el = document.createElement("div");
      el.className = "cell";
      el.dataset.cellIndex = String(k);
      const tags = c.metadata?.tags;
      if (Array.isArray(tags) && tags.includes("raises-exception")) el.setAttribute("data-raises", "");
      const exercise = c.metadata?.burst?.exercise;
      if (typeof exercise === "string" && /^[a-z0-9][a-z0-9-]{0,39}$/.test(exercise)) el.dataset.exercise = exercise;
      const pre = document.createElement("pre");
      pre.className = "cell-source";
      pre.textContent = src;
      const out = document.createElement("div");
      out.className = "cell-output";
      out.setAttribute("data-output", "");
      el.append(pre, out);
      root.append(el);
      mountCell(el, k);
      const cell = cells[k];
      cell.nbOutputs = c.outputs ?? [];
      cell.nbCount = typeof c.execution_count === "number" ? c.execution_count : null;
      cell.outputs = fromNBOutputs(c.outputs);
      for (const o of cell.outputs) cell.output.appendChild(renderOutput(o, false));
      if (cell.nbCount != null) cell.prompt.textContent = `[${cell.nbCount}]:`;
    }
  }
  renderClassroom();
  if (cells.length > 0) startKernel();
  else {
    document.body.dataset.kernel = "none";
    const st = document.querySelector<HTMLElement>("[data-kernel-status]");
    if (st) st.textContent = "no code cells";
  }
}

// wireNotebookFiles connects the Open notebook buttons, the file picker
// and dropping a file on the page.
function wireNotebookFiles() {
  const input = document.querySelector<HTMLInputElement>("[data-notebook-file]");
  const openFile = async (f: File) => {
    let t: string;
    try {
      t = await f.text();
    } catch (e) {
      notice(`Could not read ${f.name}: ${(e as Error).message}`);
      return;
    }
    openNotebook(t, f.name).catch(() => {});
  };
  document.querySelectorAll<HTMLElement>("[data-open-notebook]").forEach((b) => (b.onclick = () => input?.click()));
  if (input) {
    input.onchange = () => {
      const f = input.files?.[0];
      input.value = "";
      if (f) openFile(f);
    };
  }
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types || []).includes("Files");
  // A file dropped on a cell's editor would become its text: a notebook is
  // opened instead (other files dropped there are left to the editor).
  const wanted = (e: DragEvent) => {
    if (!hasFiles(e)) return false;
    const inEditor = (e.target as Element | null)?.closest?.(".cm-editor");
    const f = e.dataTransfer?.files?.[0];
    return !inEditor || (f ? /\.ipynb$/i.test(f.name) : true);
  };
  window.addEventListener("dragover", (e) => {
    if (!wanted(e)) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    document.body.classList.add("dropping");
  }, true);
  window.addEventListener("dragleave", (e) => {
    if (!e.relatedTarget) document.body.classList.remove("dropping");
  });
  window.addEventListener("drop", (e) => {
    document.body.classList.remove("dropping");
    if (!wanted(e)) return;
    e.preventDefault();
    e.stopPropagation();
    const f = e.dataTransfer?.files?.[0];
    if (f) openFile(f);
  }, true);
}

function start() {
  mark("burst:app-start");
  const cellEls = Array.from(document.querySelectorAll<HTMLElement>("[data-cell-index]"));
  // The page's HTML and its bundle from different builds (a cache that
  // mixed them): say so rather than run.
  const mixed = !!pageBuild() && bundleBuild !== "dev" && pageBuild() !== bundleBuild;
  // A lesson's engine starts before its cells are mounted: the web
  // workers load while the editors are made.
  const lesson = !mixed && !scratchPage && cellEls.length > 0;
  if (lesson) startKernel();
  cellEls.forEach((el, i) => mountCell(el, i));
  mark("burst:cells-mounted");
  wireNotebookFiles();
  const downloadButton = document.querySelector<HTMLButtonElement>("[data-download-notebook]");
  if (downloadButton) downloadButton.onclick = () => download();
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
    code: (k: number) => cells[k]?.editor.code(),
    setCode: (k: number, code: string) => cells[k] && setCode(cells[k], code),
    restart: () => restart(),
    // stopWorker terminates worker web worker i, as a crash would.
    stopWorker: (i: number, restart = true) => kernel?.workerLost(i, "stopped by stopWorker", restart),
    // execute runs code outside any cell (benchmarks, tests) and resolves
    // with its outputs and the wall time in milliseconds.
    // notebook resolves with the page as an nbformat 4 notebook (the JSON
    // object "Download as notebook" saves); openNotebook opens one (its
    // JSON or text) as the scratch lesson.
    notebook,
    openNotebook,
    download,
    // offline does "Make available offline" and resolves when the whole
    // course is saved in this browser; build is the page's build id,
    // engineBuild the one its engine reported.
    offline,
    build: pageBuild,
    bundleBuild: () => bundleBuild,
    engineBuild: () => kernel?.engineBuild ?? "",
    checkNetwork,
    execute: async (code: string) => {
      if (!kernel) throw new Error("the kernel is not running");
      await kernel.ready;
      const outputs: Output[] = [];
      const t0 = performance.now();
      const res = await kernel.execute(code, (o) => outputs.push(o));
      return { ok: res.ok, ms: performance.now() - t0, outputs };
    },
  };
  // The service worker is registered once this page's engine is up (or at
  // once on a first visit to a page without cells, like the index).
  let engineUp = () => {};
  const afterEngine = new Promise<void>((resolve) => {
    engineUp = resolve;
    setTimeout(resolve, 20_000);
  });
  startOffline(afterEngine);
  if (mixed) {
    updateAvailable();
    notice(`This page (build ${pageBuild()}) and its script (build ${bundleBuild}) are from different versions of Burst: reload the page.`);
    document.body.dataset.kernel = "dead";
    return;
  }
  startClassroom();
  if (scratchPage) {
    engineUp();
    loadScratch()
      .then((s) => s && showScratch(s))
      .catch((e) => notice(`Could not read the notebook kept in this browser: ${(e as Error).message}`));
    return;
  }
  const list = document.querySelector(".lesson-list");
  if (list) {
    // The index links the notebook the learner opened last.
    loadScratch()
      .then((s) => {
        if (!s) return;
        const li = document.createElement("li");
        li.className = "scratch-entry";
        const a = document.createElement("a");
        a.href = "/notebook.html";
        a.textContent = s.name;
        const p = document.createElement("p");
        p.textContent = "The notebook you opened last, with your edits.";
        li.append(a, p);
        list.append(li);
      })
      .catch(() => {});
  }
  if (cellEls.length === 0) {
    engineUp();
    return;
  }
  watchOtherTabs();
  // The service worker (which downloads the whole build) waits until the
  // workers are up too.
  kernel!.ready.then(() => kernel!.workersReady).then(engineUp, engineUp);
}

// startKernel starts the kernel web worker and its workers.
function startKernel(freshEngine = false) {
  // ?worker_memory=MB sets each worker's memory limit (default 2 GiB).
  const mb = parseInt(new URLSearchParams(location.search).get("worker_memory") || "", 10);
  kernel = new Kernel(workerCount(), mb > 0 ? mb * 1024 * 1024 : 0, freshEngine);
  kernel.onStatus = setStatus;
  // body[data-workers] is "ready" once every worker web worker runs its
  // engine (and again after a lost one's replacement does), "starting"
  // before: the startup test and the bench wait for it.
  kernel.onWorkers = (s) => (document.body.dataset.workers = s);
  const k = kernel;
  k.ready.then(() => (document.body.dataset.engineBuild = k.engineBuild)).catch(() => {});
  // The editors are made while the engine starts (in web workers, and
  // the compile on the browser's threads), when the page's own thread
  // is idle: the first one (CodeMirror's styles) is a long task, better
  // there than in the first computation.
  mountEditors();
  kernel.onBuildMismatch = (engine) => {
    document.body.dataset.engineBuild = engine;
    updateAvailable();
  };
  if (!dashboard) dashboard = new Dashboard();
  kernel.subscribe((evs) => dashboard?.add(evs));
  setStatus("starting");
}

// restart replaces the kernel with a fresh one: every variable is gone,
// the cells' counts start again.
function restart() {
  kernel?.shutdown("the kernel was restarted");
  reportRestart();
  for (const c of cells) c.prompt.textContent = "[ ]:";
  startKernel(true);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

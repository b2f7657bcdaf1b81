// Jupyter notebooks in and out: reading and checking a .ipynb (nbformat 4),
// rendering its Markdown, turning Burst's outputs into nbformat's MIME
// bundles and back, and keeping the learner's scratch notebook in
// IndexedDB.
import { marked } from "marked";
import DOMPurify from "dompurify";
import type { Output } from "./types";

// The nbformat 4 JSON, as far as Burst reads and writes it; other fields
// are kept as they come.
export type NBOutput = {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, any>;
  metadata?: Record<string, any>;
  execution_count?: number | null;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  [k: string]: any;
};

export type NBCell = {
  cell_type: "markdown" | "code" | "raw";
  id?: string;
  metadata: Record<string, any>;
  source: string | string[];
  attachments?: Record<string, Record<string, string>>;
  execution_count?: number | null;
  outputs?: NBOutput[];
  [k: string]: any;
};

export type Notebook = {
  cells: NBCell[];
  metadata: Record<string, any>;
  nbformat: number;
  nbformat_minor: number;
};

// What Jupyter needs to run a downloaded notebook with its Python 3 kernel.
export const pythonMetadata = {
  kernelspec: { display_name: "Python 3 (ipykernel)", language: "python", name: "python3" },
  language_info: {
    codemirror_mode: { name: "ipython", version: 3 },
    file_extension: ".py",
    mimetype: "text/x-python",
    name: "python",
    nbconvert_exporter: "python",
    pygments_lexer: "ipython3",
  },
};

// text joins nbformat's multiline strings (a string or a list of lines).
export function text(s: string | string[] | undefined | null): string {
  if (s == null) return "";
  return Array.isArray(s) ? s.join("") : String(s);
}

// lines splits text as Jupyter saves it: one string per line, each but the
// last ending in "\n".
export function lines(s: string): string[] {
  if (s === "") return [];
  const out = s.split("\n").map((l) => l + "\n");
  const last = out.length - 1;
  out[last] = out[last].slice(0, -1);
  if (out[last] === "") out.pop();
  return out;
}

// parseNotebook reads a .ipynb's text (or its JSON already parsed) and
// checks that it is a notebook Burst can open; the error says what is
// wrong, in words for the learner.
export function parseNotebook(input: string | object): Notebook {
  let nb: any = input;
  if (typeof input === "string") {
    try {
      nb = JSON.parse(input);
    } catch (e) {
      throw new Error(`it is not a notebook: the file is not JSON (${(e as Error).message})`);
    }
  }
  if (nb === null || typeof nb !== "object" || Array.isArray(nb)) {
    throw new Error("it is not a notebook: a .ipynb file holds a JSON object with cells");
  }
  if (nb.nbformat === undefined && !("cells" in nb)) {
    throw new Error("it is not a notebook: it has no nbformat and no cells");
  }
  if (nb.nbformat !== 4) {
    const v = nb.nbformat === undefined ? "no nbformat version" : `nbformat ${JSON.stringify(nb.nbformat)}`;
    throw new Error(
      `it has ${v}; Burst opens nbformat 4 notebooks (Jupyter has written them since 2015: ` +
        "`jupyter nbconvert --to notebook` converts an older one)",
    );
  }
  if (!Array.isArray(nb.cells)) throw new Error("it is not a valid nbformat 4 notebook: it has no list of cells");
  nb.cells.forEach((c: any, i: number) => {
    const where = `cell ${i + 1}`;
    if (c === null || typeof c !== "object") throw new Error(`${where} is not an object`);
    if (!["markdown", "code", "raw"].includes(c.cell_type)) {
      throw new Error(`${where} has cell_type ${JSON.stringify(c.cell_type)} (want markdown, code or raw)`);
    }
    const src = c.source ?? "";
    if (typeof src !== "string" && !(Array.isArray(src) && src.every((l: any) => typeof l === "string"))) {
      throw new Error(`${where}'s source is neither a string nor a list of strings`);
    }
    if (c.cell_type === "code" && c.outputs !== undefined && !Array.isArray(c.outputs)) {
      throw new Error(`${where}'s outputs are not a list`);
    }
  });
  return {
    cells: nb.cells.map((c: any) => ({ ...c, metadata: c.metadata ?? {}, source: c.source ?? "" })),
    metadata: nb.metadata && typeof nb.metadata === "object" ? nb.metadata : {},
    nbformat: 4,
    nbformat_minor: typeof nb.nbformat_minor === "number" ? nb.nbformat_minor : 0,
  };
}

// toNBOutputs turns a cell's outputs into nbformat's: streams (one per run
// of the same stream), results and displays as MIME bundles, errors.
// set_next_input (%load) is not an output in a notebook. svgOf gives the
// drawing of a task graph shown in the page, saved beside its JSON.
export function toNBOutputs(outs: Output[], svgOf?: (o: Output) => string | undefined): NBOutput[] {
  const res: NBOutput[] = [];
  for (const o of outs) {
    switch (o.type) {
      case "stream": {
        const name = o.name || "stdout";
        const prev = res[res.length - 1];
        if (prev && prev.output_type === "stream" && prev.name === name) {
          prev.text = lines(text(prev.text) + (o.text || ""));
        } else res.push({ output_type: "stream", name, text: lines(o.text || "") });
        break;
      }
      case "execute_result":
      case "display_data": {
        const data: Record<string, any> = {};
        for (const [mime, v] of Object.entries(o.data || {})) {
          data[mime] = typeof v === "string" ? lines(v) : v;
        }
        if (!("text/plain" in data)) data["text/plain"] = [];
        const svg = svgOf?.(o);
        if (svg && !data["image/svg+xml"]) data["image/svg+xml"] = lines(svg);
        const out: NBOutput = { output_type: o.type, data, metadata: {} };
        if (o.type === "execute_result") out.execution_count = o.execution_count ?? null;
        res.push(out);
        break;
      }
      case "error":
        res.push({
          output_type: "error",
          ename: o.ename || "Error",
          evalue: o.evalue || "",
          traceback: o.traceback && o.traceback.length ? o.traceback : [`${o.ename}: ${o.evalue}`],
        });
        break;
    }
  }
  return res;
}

// fromNBOutputs turns a notebook's outputs into the page's, to show them
// until the cell runs again.
export function fromNBOutputs(outs: NBOutput[] | undefined): Output[] {
  const res: Output[] = [];
  for (const o of outs || []) {
    if (!o || typeof o !== "object") continue;
    switch (o.output_type) {
      case "stream":
        res.push({ type: "stream", name: o.name || "stdout", text: text(o.text) });
        break;
      case "execute_result":
      case "display_data": {
        const data: Record<string, any> = {};
        for (const [mime, v] of Object.entries(o.data || {})) {
          data[mime] = typeof v === "string" || Array.isArray(v) ? text(v as any) : v;
        }
        res.push({ type: o.output_type, data, execution_count: o.execution_count ?? undefined });
        break;
      }
      case "error":
        res.push({
          type: "error",
          ename: String(o.ename ?? "Error"),
          evalue: String(o.evalue ?? ""),
          traceback: (o.traceback || []).map((l) => stripANSI(String(l))),
        });
        break;
    }
  }
  return res;
}

// stripANSI removes the terminal colours IPython puts in tracebacks.
export function stripANSI(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
}

// sanitize keeps the HTML of a notebook (which anyone may have written)
// from running scripts in the page.
export function sanitize(html: string): string {
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true, svg: true } }) as unknown as string;
}

// renderMarkdown renders a markdown cell as Jupyter does (GitHub-flavoured
// Markdown), with its attachments, sanitized.
export function renderMarkdown(src: string, attachments?: Record<string, Record<string, string>>): string {
  const html = marked.parse(src, { gfm: true, async: false }) as string;
  const t = document.createElement("template");
  t.innerHTML = sanitize(html);
  // A link leaves the notebook open: it opens in another tab.
  t.content.querySelectorAll<HTMLAnchorElement>("a[href]").forEach((a) => {
    if (a.getAttribute("href")!.startsWith("#")) return;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
  });
  if (!attachments) return t.innerHTML;
  t.content.querySelectorAll<HTMLImageElement>("img[src^='attachment:']").forEach((img) => {
    const name = decodeURIComponent(img.getAttribute("src")!.slice("attachment:".length));
    const bundle = attachments[name];
    const mime = bundle && Object.keys(bundle)[0];
    if (mime) img.src = `data:${mime};base64,${text(bundle[mime] as any).replace(/\s/g, "")}`;
  });
  return t.innerHTML;
}

// hash is a short, stable name for a notebook's text (cyrb53).
export function hash(s: string): string {
  let h1 = 0xdeadbeef,
    h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

// The scratch notebook, kept in IndexedDB (notebooks with pictures pass
// localStorage's few megabytes).
export type Scratch = { id: string; name: string; notebook: Notebook };

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open("burst", 1);
    req.onupgradeneeded = () => req.result.createObjectStore("notebooks");
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function saveScratch(s: Scratch): Promise<void> {
  const d = await db();
  await new Promise<void>((resolve, reject) => {
    const tx = d.transaction("notebooks", "readwrite");
    tx.objectStore("notebooks").put(s, "scratch");
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  d.close();
}

export async function loadScratch(): Promise<Scratch | null> {
  const d = await db();
  const s = await new Promise<Scratch | null>((resolve, reject) => {
    const req = d.transaction("notebooks").objectStore("notebooks").get("scratch");
    req.onsuccess = () => resolve((req.result as Scratch) ?? null);
    req.onerror = () => reject(req.error);
  });
  d.close();
  return s;
}

// svgText serializes a task graph drawn in the page with its styles
// inlined, so that it looks the same as an image in Jupyter.
export function svgText(svg: SVGElement): string {
  const copy = svg.cloneNode(true) as SVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.removeAttribute("class");
  const styles: Record<string, string> = {
    edge: "fill:none;stroke:#868e96;stroke-width:1.2",
    task: "fill:#fff;stroke:#495057;stroke-width:1.4",
    "task-label": "font:12px monospace;fill:#212529",
    data: "fill:#e7f5ff;stroke:#1c7ed6;stroke-width:1.2",
  };
  copy.querySelectorAll("[class]").forEach((el) => {
    const st = styles[el.getAttribute("class") || ""];
    if (st) el.setAttribute("style", st);
    el.removeAttribute("class");
  });
  return copy.outerHTML;
}

// The DuckDB-WASM side of `go run ./build bench browser`: the bench opens
// this page in a fresh headless Chromium, reads window.duck.readyMs
// (navigation → db.instantiate done and a connection open, in the page's
// clock) and runs its SQL through window.duck.query, timed in the page as
// Burst's cells are by window.burst.execute.
import * as duckdb from "@duckdb/duckdb-wasm";

type Result = { ok: boolean; ms: number; result?: unknown; error?: string };

// The bundle: "eh" (one thread, wasm exceptions) unless ?bundle=coi asks
// for the cross-origin-isolated one with pthreads.
const bundle = new URLSearchParams(location.search).get("bundle") === "coi" ? "coi" : "eh";
const here = (p: string) => new URL(p, location.href).href;

async function start(): Promise<duckdb.AsyncDuckDBConnection> {
  const worker = new Worker(here(`/duckdb-browser-${bundle}.worker.js`));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  if (bundle === "coi") {
    await db.instantiate(here("/duckdb-coi.wasm"), here("/duckdb-browser-coi.pthread.worker.js"));
  } else {
    await db.instantiate(here("/duckdb-eh.wasm"));
  }
  (window as any).duckDB = db;
  return db.connect();
}

// plain turns an Arrow result into the pandas peer's JSON: two columns are
// a Series (index, values), one value a number, no columns null.
function plain(t: any): unknown {
  const cols: string[] = t.schema.fields.map((f: any) => f.name);
  const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : v == null ? null : Number(v));
  if (cols.length === 2) {
    const index: string[] = [];
    const values: (number | null)[] = [];
    for (const row of t.toArray()) {
      index.push(String(row[cols[0]]));
      values.push(num(row[cols[1]]));
    }
    return { index, values };
  }
  if (cols.length === 1 && t.numRows === 1) return num(t.toArray()[0][cols[0]]);
  return null;
}

const connected = start();
const duck = {
  bundle,
  readyMs: -1,
  error: "",
  // register makes each data file (a path on this server) a DuckDB file
  // named by its base name, read over HTTP with range requests.
  async register(paths: string[]): Promise<Result> {
    const t0 = performance.now();
    try {
      const db = (window as any).duckDB as duckdb.AsyncDuckDB;
      await connected;
      for (const p of paths) {
        await db.registerFileURL(p.split("/").pop()!, here(p), duckdb.DuckDBDataProtocol.HTTP, false);
      }
      return { ok: true, ms: performance.now() - t0 };
    } catch (e) {
      return { ok: false, ms: performance.now() - t0, error: String(e) };
    }
  },
  async query(sql: string): Promise<Result> {
    const conn = await connected;
    const t0 = performance.now();
    try {
      const t = await conn.query(sql);
      const ms = performance.now() - t0;
      return { ok: true, ms, result: plain(t) };
    } catch (e) {
      return { ok: false, ms: performance.now() - t0, error: String(e) };
    }
  },
};
(window as any).duck = duck;
connected.then(
  () => {
    duck.readyMs = performance.now();
    document.body.dataset.duckdb = "ready";
  },
  (e) => {
    duck.error = String(e);
    document.body.dataset.duckdb = "dead";
  },
);

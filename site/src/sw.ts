// Burst's service worker (dist/sw.js, scope /): it keeps the site for
// offline use and answers from what it kept when the network is gone.
//
//   - The app (pages, bundle, engine, pictures, solutions, icons) of one
//     build lives in the cache burst-<build>, filled when this worker
//     installs and served from it first: a page, its bundle and its
//     engine always come from the same build. A new build is a new
//     sw.js (the build id and file list are inside it); once installed it
//     takes over and deletes the old build's cache.
//   - Datasets (/data/…) go to the network first, so that a file changed
//     on the server is read anew; each file is stored whole in burst-data
//     the first time it is read, and without a network the worker answers
//     from there: whole files, byte ranges (206) and HEAD.
//   - /api/glob goes to the network first; offline it matches the
//     pattern against the saved /data/index.json.

import { APP_PREFIX, DATA_CACHE, PRECACHE_HEADER, type FileEntry, globNames } from "./offline-shared";

declare const BURST_BUILD: string;
declare const BURST_FILES: FileEntry[];

const sw = self as any;
const APP_CACHE = APP_PREFIX + BURST_BUILD;

// The headers the page needs on every response for crossOriginIsolated
// (SharedArrayBuffer): the server's responses carry them; those this
// worker makes add them.
const isolation: Record<string, string> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
};

function made(body: BodyInit | null, status: number, headers: Record<string, string>, statusText = ""): Response {
  return new Response(body, { status, statusText, headers: { ...isolation, ...headers } });
}

// stored makes a response fit for the Cache API from a fetched one: the
// body as received (decoded), the server's headers but the encoding's.
async function stored(r: Response): Promise<{ resp: Response; size: number }> {
  const blob = await r.blob();
  const headers = new Headers(r.headers);
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  return { resp: new Response(blob, { status: 200, statusText: r.statusText, headers }), size: blob.size };
}

// precache fills this build's cache. A file whose size is not the one the
// build listed (a deployment changing under the install) fails the
// install, which the browser tries again later: never a mixed cache.
async function precache() {
  const cache = await caches.open(APP_CACHE);
  const queue = BURST_FILES.slice();
  const one = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const url = "/" + f.name;
      const have = await cache.match(url, { ignoreVary: true });
      if (have) continue;
      const r = await fetch(url, { cache: "reload" });
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      const { resp, size } = await stored(r);
      if (size !== f.size) throw new Error(`${url}: ${size} bytes, the build listed ${f.size}: another build is being published`);
      await cache.put(url, resp);
    }
  };
  await Promise.all([one(), one(), one(), one()]);
  // The dataset list, for /api/glob offline (best effort: the page saves
  // it again with "Make available offline").
  try {
    const r = await fetch("/data/index.json", { cache: "no-store" });
    if (r.ok) await (await caches.open(DATA_CACHE)).put("/data/index.json", r);
  } catch {
    /* offline or no index: later */
  }
}

sw.addEventListener("install", (event: any) => {
  event.waitUntil(precache().then(() => sw.skipWaiting()));
});

sw.addEventListener("activate", (event: any) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(APP_PREFIX) && name !== APP_CACHE && name !== DATA_CACHE) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener("message", (event: any) => {
  if (event.data?.type === "manifest") event.ports[0]?.postMessage({ build: BURST_BUILD, files: BURST_FILES });
});

sw.addEventListener("fetch", (event: any) => {
  const req: Request = event.request;
  const url = new URL(req.url);
  if (url.origin !== location.origin || (req.method !== "GET" && req.method !== "HEAD")) return;
  if (req.headers.get(PRECACHE_HEADER)) return; // the page saves it itself
  const p = url.pathname;
  if (p === "/api/glob") event.respondWith(glob(req, url));
  else if (p.startsWith("/api/") || p === "/build.json" || p === "/sw.js") return;
  else if (p.startsWith("/data/")) event.respondWith(data(event, req, url));
  else if (req.method === "GET") event.respondWith(app(req, url));
});

// appKey is the cache key of a site path, as the server maps it: / is
// /index.html, a path without an extension is its .html page.
function appKey(p: string): string {
  if (p === "/") return "/index.html";
  if (!/\.[^/]*$/.test(p)) return p + ".html";
  return p;
}

async function app(req: Request, url: URL): Promise<Response> {
  const cache = await caches.open(APP_CACHE);
  const hit = await cache.match(appKey(url.pathname), { ignoreVary: true });
  if (hit) return hit;
  return fetch(req); // not part of the build (or its install is not over)
}

// --- datasets ---

// whole keeps, per file, the fetch that stores it whole in burst-data.
const whole = new Map<string, Promise<void>>();

// keepWhole stores the file at key in burst-data unless the cache already
// holds this version of it (lastModified, when known).
function keepWhole(key: string, lastModified: string | null): Promise<void> {
  const pending = whole.get(key);
  if (pending) return pending;
  const job = (async () => {
    const cache = await caches.open(DATA_CACHE);
    const have = await cache.match(key);
    if (have && (!lastModified || have.headers.get("Last-Modified") === lastModified)) return;
    const r = await fetch(key, { cache: "no-store" });
    if (r.status === 200) await cache.put(key, r);
  })()
    .catch(() => {})
    .finally(() => whole.delete(key));
  whole.set(key, job);
  return job;
}

async function data(event: any, req: Request, url: URL): Promise<Response> {
  const key = url.pathname;
  const cache = await caches.open(DATA_CACHE);
  let resp: Response;
  try {
    resp = await fetch(req);
  } catch {
    return fromCache(req, key, await cache.match(key));
  }
  if (key === "/data/index.json") {
    if (resp.status === 200 && req.method === "GET") event.waitUntil(cache.put(key, resp.clone()).catch(() => {}));
    return resp;
  }
  if (req.method === "GET") {
    if (resp.status === 200 && !req.headers.get("Range")) {
      event.waitUntil(cache.put(key, resp.clone()).catch(() => {}));
    } else if (resp.status === 206 || resp.status === 304) {
      event.waitUntil(keepWhole(key, resp.headers.get("Last-Modified")));
    }
  }
  return resp;
}

// fromCache answers a dataset request without a network.
async function fromCache(req: Request, key: string, cached: Response | undefined): Promise<Response> {
  if (!cached) {
    const name = key.slice(1);
    return made(`offline: ${name} was not saved for offline use`, 503, { "Content-Type": "text/plain; charset=utf-8" }, `Offline (${name} was not saved for offline use)`);
  }
  const lm = cached.headers.get("Last-Modified");
  const base: Record<string, string> = { "Content-Type": cached.headers.get("Content-Type") || "application/octet-stream", "Accept-Ranges": "bytes" };
  if (lm) base["Last-Modified"] = lm;
  const ims = req.headers.get("If-Modified-Since");
  if (ims && lm && ims === lm) return made(null, 304, { "Last-Modified": lm });
  const blob = await cached.blob();
  const size = blob.size;
  const range = req.headers.get("Range");
  if (range) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    let start = -1;
    let end = -1;
    if (m && (m[1] || m[2])) {
      if (m[1]) {
        start = parseInt(m[1], 10);
        end = m[2] ? Math.min(parseInt(m[2], 10), size - 1) : size - 1;
      } else {
        start = Math.max(size - parseInt(m[2], 10), 0); // the last N bytes
        end = size - 1;
      }
    }
    if (start < 0 || start >= size || end < start) {
      return made(null, 416, { "Content-Range": `bytes */${size}` });
    }
    const part = blob.slice(start, end + 1);
    return made(req.method === "HEAD" ? null : part, 206, {
      ...base,
      "Content-Range": `bytes ${start}-${end}/${size}`,
      "Content-Length": String(part.size),
    });
  }
  return made(req.method === "HEAD" ? null : blob, 200, { ...base, "Content-Length": String(size) });
}

// glob answers /api/glob: the server's answer, or offline the saved
// dataset list's.
async function glob(req: Request, url: URL): Promise<Response> {
  try {
    return await fetch(req);
  } catch {
    /* offline */
  }
  const json = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  const text = { "Content-Type": "text/plain; charset=utf-8" };
  const pattern = url.searchParams.get("pattern") || "";
  if (!pattern.startsWith("data/")) return made("only files under data/ can be listed\n", 400, text);
  const cache = await caches.open(DATA_CACHE);
  const names = new Set<string>();
  const index = await cache.match("/data/index.json");
  if (index) {
    try {
      for (const f of (await index.json()).files || []) names.add(f.name);
    } catch {
      /* a broken index: the saved files still count */
    }
  }
  for (const r of await cache.keys()) {
    const p = new URL(r.url).pathname.slice(1);
    if (p !== "data/index.json") names.add(p);
  }
  try {
    return made(JSON.stringify(globNames(pattern, [...names])) + "\n", 200, json);
  } catch (e) {
    return made(`bad pattern "${pattern}": ${(e as Error).message}\n`, 400, text);
  }
}

// The page's side of offline use: it registers the service worker
// (sw.ts), shows "offline" and "update available" in the top bar, and
// drives "Make available offline" on the index (window.burst.offline()).

import { bundleBuild } from "./kernel";
import { APP_PREFIX, DATA_CACHE, PRECACHE_HEADER, dataFiles, type FileEntry } from "./offline-shared";

const sw: ServiceWorkerContainer | undefined = (navigator as any).serviceWorker;

// pageBuild is the build of this page's HTML (body[data-build]).
export function pageBuild(): string {
  return document.body.dataset.build || "";
}

function badge(): HTMLElement | null {
  return document.querySelector<HTMLElement>("[data-net-badge]");
}

// showBadge puts the top bar's badge in its state: "update available"
// wins over "offline", which wins over nothing.
function showBadge() {
  const el = badge();
  if (!el) return;
  const b = document.body.dataset;
  if (b.update === "available") {
    el.textContent = "update available: reload";
    el.title = "A newer version of Burst was published: reload the page to use it (your edits are kept).";
    el.dataset.kind = "update";
    el.hidden = false;
  } else if (b.network === "offline") {
    el.textContent = "offline";
    el.title = "No network: Burst runs from what this browser saved. Datasets not made available offline cannot be read.";
    el.dataset.kind = "offline";
    el.hidden = false;
  } else el.hidden = true;
}

// updateAvailable marks the page as outdated: a newer build is published
// or already installed.
export function updateAvailable() {
  document.body.dataset.update = "available";
  showBadge();
}

let checking: Promise<void> | null = null;

// checkNetwork asks the server which build it serves (build.json, never
// from a cache): no answer means offline, another build means an update.
export function checkNetwork(): Promise<void> {
  if (checking) return checking;
  checking = (async () => {
    try {
      const r = await fetch("/build.json", { cache: "no-store" });
      if (!r.ok) throw new Error(`status ${r.status}`);
      const info = await r.json();
      document.body.dataset.network = "online";
      if (info.build && pageBuild() && info.build !== pageBuild()) updateAvailable();
    } catch {
      document.body.dataset.network = "offline";
    }
    showBadge();
  })().finally(() => (checking = null));
  return checking;
}

// registration resolves with the service worker's registration, or null
// where the browser has none (an insecure origin).
let registration: Promise<ServiceWorkerRegistration | null> = Promise.resolve(null);

// startOffline registers the service worker (once after, when it is
// given, so that a first visit's engine does not share the network with
// the service worker's download of the whole build) and starts watching
// the network and the deployments.
export function startOffline(after: Promise<unknown> = Promise.resolve()) {
  if (sw) {
    const hadController = !!sw.controller;
    registration = after
      .catch(() => {})
      .then(() => sw.register("/sw.js", { scope: "/" }))
      .catch((e) => {
        console.warn(`burst: the service worker could not be registered, offline use is off: ${e}`);
        return null;
      });
    // A new build took over this page's service worker (it was published
    // while the page was open): the page's own files are from the old one.
    sw.addEventListener("controllerchange", () => {
      if (hadController) updateAvailable();
    });
  }
  const b = badge();
  if (b) b.onclick = () => reloadToUpdate();
  checkNetwork();
  window.addEventListener("online", () => checkNetwork());
  window.addEventListener("offline", () => checkNetwork());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") checkNetwork();
  });
  setInterval(() => checkNetwork(), 60_000);
  wireOfflineControl();
}

// reloadToUpdate lets the new service worker finish installing, then
// reloads: the page, its bundle and the engine come from the new build.
async function reloadToUpdate() {
  if (document.body.dataset.update !== "available") return;
  const reg = await registration;
  if (reg) {
    await reg.update().catch(() => {});
    const w = reg.installing || reg.waiting;
    if (w) {
      await new Promise<void>((resolve) => {
        const done = () => w.state === "activated" || w.state === "redundant";
        if (done()) return resolve();
        w.addEventListener("statechange", () => done() && resolve());
      });
    }
  }
  location.reload();
}

// active resolves with the active service worker (on a first visit, once
// the one just registered has installed the build).
async function active(): Promise<ServiceWorker> {
  const reg = await registration;
  if (!sw || !reg) throw new Error("this browser cannot keep Burst offline here (no service worker)");
  const ready = await sw.ready;
  if (!ready.active) throw new Error("no active service worker");
  return ready.active;
}

// manifest asks the active service worker for its build and file list.
async function manifest(): Promise<{ build: string; files: FileEntry[] }> {
  const worker = await active();
  return new Promise((resolve, reject) => {
    const ch = new MessageChannel();
    const timer = setTimeout(() => reject(new Error("the service worker did not answer")), 10_000);
    ch.port1.onmessage = (e) => {
      clearTimeout(timer);
      resolve(e.data);
    };
    worker.postMessage({ type: "manifest" }, [ch.port2]);
  });
}

export type Plan = {
  build: string;
  app: FileEntry[];
  data: FileEntry[];
  total: number; // bytes, uncompressed
  missing: { cache: string; file: FileEntry }[];
};

// plan lists what offline use needs and what is not saved yet.
async function plan(): Promise<Plan> {
  const m = await manifest();
  const r = await fetch("/data/index.json", { cache: "no-store" });
  if (!r.ok) throw new Error(`the list of datasets (/data/index.json) answered ${r.status}`);
  const index = await r.json();
  const data = dataFiles(index);
  const appCache = await caches.open(APP_PREFIX + m.build);
  const dataCache = await caches.open(DATA_CACHE);
  const missing: Plan["missing"] = [];
  for (const f of m.files) if (!(await appCache.match("/" + f.name, { ignoreVary: true }))) missing.push({ cache: APP_PREFIX + m.build, file: f });
  for (const f of data) if (!(await dataCache.match("/" + f.name))) missing.push({ cache: DATA_CACHE, file: f });
  // The index itself, for /api/glob without a network.
  await dataCache.put("/data/index.json", new Response(JSON.stringify(index), { headers: { "Content-Type": "application/json" } }));
  const total = [...m.files, ...data].reduce((n, f) => n + f.size, 0);
  return { build: m.build, app: m.files, data, total, missing };
}

export type Progress = { done: number; total: number; files: number; of: number };

let running: Promise<{ files: number; bytes: number }> | null = null;

// makeOffline saves everything the course needs (the app of the active
// build and every dataset), reporting progress in bytes; it resolves when
// all of it is in the browser's caches.
export function makeOffline(onProgress: (p: Progress) => void = () => {}): Promise<{ files: number; bytes: number }> {
  if (running) return running;
  running = (async () => {
    // Ask the browser not to evict the caches under storage pressure.
    await (navigator as any).storage?.persist?.().catch(() => false);
    const p = await plan();
    const missingBytes = p.missing.reduce((n, m) => n + m.file.size, 0);
    let done = p.total - missingBytes;
    let files = 0;
    const report = () => onProgress({ done, total: p.total, files, of: p.missing.length });
    report();
    const queue = p.missing.slice();
    const one = async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        // The header tells the service worker to leave this request to
        // the network: the page stores the answer itself.
        const r = await fetch("/" + m.file.name, { cache: "no-store", headers: { [PRECACHE_HEADER]: "1" } });
        if (!r.ok || !r.body) throw new Error(`/${m.file.name}: the server answered ${r.status}`);
        const reader = r.body.getReader();
        const chunks: Uint8Array[] = [];
        let got = 0;
        for (;;) {
          const { done: end, value } = await reader.read();
          if (end) break;
          chunks.push(value);
          got += value.length;
          done += value.length;
          report();
        }
        const headers = new Headers(r.headers);
        headers.delete("Content-Encoding");
        headers.delete("Content-Length");
        const blob = new Blob(chunks, { type: r.headers.get("Content-Type") || "" });
        await (await caches.open(m.cache)).put("/" + m.file.name, new Response(blob, { status: 200, headers }));
        done += m.file.size - got; // a file whose size changed since the list
        files++;
        report();
      }
    };
    await Promise.all([one(), one(), one()]);
    return { files: p.missing.length, bytes: p.total };
  })().finally(() => (running = null));
  return running;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} kB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

// wireOfflineControl connects the index's "Make available offline": the
// size is shown before anything is fetched, then a progress bar.
function wireOfflineControl() {
  const box = document.querySelector<HTMLElement>("[data-offline]");
  if (!box) return;
  const button = box.querySelector<HTMLButtonElement>('[data-action="offline"]');
  const bar = box.querySelector<HTMLProgressElement>("[data-offline-progress]");
  const status = box.querySelector<HTMLElement>("[data-offline-status]");
  const say = (t: string) => status && (status.textContent = t);
  const show = (p: Progress) => {
    if (bar) {
      bar.hidden = false;
      bar.max = p.total || 1;
      bar.value = p.done;
    }
    say(`Saving for offline use: ${formatBytes(p.done)} of ${formatBytes(p.total)} (${p.files} of ${p.of} files)…`);
  };
  // The size, once the service worker runs.
  if (sw) {
    plan()
      .then((p) => {
        box.dataset.size = String(p.total);
        if (p.missing.length === 0) {
          box.dataset.state = "done";
          say(`Available offline: every lesson, the engine and the datasets (${formatBytes(p.total)}) are saved in this browser.`);
        } else {
          const left = p.missing.reduce((n, m) => n + m.file.size, 0);
          say(`Save every lesson, the engine and the datasets in this browser (${formatBytes(p.total)}, ${formatBytes(left)} still to fetch), so that the course opens and runs without a network.`);
        }
      })
      .catch(() => {});
  } else if (button) {
    button.disabled = true;
    say("This browser cannot keep Burst for offline use here.");
  }
  if (button) {
    button.onclick = () => {
      button.disabled = true;
      box.dataset.state = "saving";
      makeOffline(show)
        .then((r) => {
          box.dataset.state = "done";
          if (bar) bar.value = bar.max;
          say(`Available offline: every lesson, the engine and the datasets (${formatBytes(r.bytes)}) are saved in this browser.`);
        })
        .catch((e) => {
          box.dataset.state = "failed";
          say(`Could not save everything for offline use: ${(e as Error).message}. Try again when the network is back.`);
        })
        .finally(() => (button.disabled = false));
    };
  }
}

// offline is window.burst.offline(): "Make available offline", through
// the index's control when the page has one (so its progress shows).
export function offline(): Promise<{ files: number; bytes: number }> {
  const box = document.querySelector<HTMLElement>("[data-offline]");
  const button = box?.querySelector<HTMLButtonElement>('[data-action="offline"]');
  if (!box || !button) return makeOffline();
  if (!running) button.click();
  return running ?? makeOffline();
}

export { bundleBuild };

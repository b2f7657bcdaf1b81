// The script of every engine web worker: it loads Go's wasm support and
// runs the engine in the role named by ?role= (kernel or worker). The page
// compiles burst.wasm once and posts the WebAssembly.Module here (an
// "engine" message); this worker only instantiates it. Other messages that
// arrive before Go is running are queued and handed over when it starts.

declare const Go: any;
declare function importScripts(...urls: string[]): void;

const scope = self as any;
const role = new URL(self.location.href).searchParams.get("role") || "worker";
scope.burstRole = role;

const queue: any[] = [];
let deliver: ((msg: any) => void) | null = null;
let started = false;

self.onmessage = (e: MessageEvent) => {
  if (!started && e.data?.type === "engine") {
    started = true;
    start(e.data.module);
  } else if (deliver) deliver(e.data);
  else queue.push(e.data);
};

// Called by Go once its handler is ready.
scope.burstReady = (fn: (msg: any) => void) => {
  deliver = fn;
  for (const m of queue.splice(0)) fn(m);
};

// burstNow is an absolute time (the page converts it to its own clock):
// Go reports when its main starts with it.
scope.burstNow = () => performance.timeOrigin + performance.now();

importScripts("/wasm_exec.js");

async function start(module: WebAssembly.Module) {
  (self as any).postMessage({ type: "mark", name: "module-received", at: scope.burstNow() });
  const go = new Go();
  let instance: WebAssembly.Instance;
  try {
    instance = await WebAssembly.instantiate(module, go.importObject);
  } catch (err) {
    (self as any).postMessage({ type: "fatal", message: `could not load the engine (/burst.wasm): ${err}` });
    return;
  }
  (self as any).postMessage({ type: "mark", name: "instantiated", at: scope.burstNow() });
  go.run(instance).then(() => {
    (self as any).postMessage({ type: "fatal", message: `the ${role} stopped` });
  });
}

// The script of every engine web worker: it loads Go's wasm support and
// burst.wasm, in the role named by ?role= (kernel or worker). Messages that
// arrive before Go is running are queued and handed over when it starts.

declare const Go: any;
declare function importScripts(...urls: string[]): void;

const scope = self as any;
const role = new URL(self.location.href).searchParams.get("role") || "worker";
scope.burstRole = role;

const queue: any[] = [];
let deliver: ((msg: any) => void) | null = null;

self.onmessage = (e: MessageEvent) => {
  if (deliver) deliver(e.data);
  else queue.push(e.data);
};

// Called by Go once its handler is ready.
scope.burstReady = (fn: (msg: any) => void) => {
  deliver = fn;
  for (const m of queue.splice(0)) fn(m);
};

importScripts("/wasm_exec.js");

async function start() {
  const go = new Go();
  const wasmURL = new URL(self.location.href).searchParams.get("wasm") || "/burst.wasm";
  let result: WebAssembly.WebAssemblyInstantiatedSource;
  try {
    result = await WebAssembly.instantiateStreaming(fetch(wasmURL), go.importObject);
  } catch (err) {
    (self as any).postMessage({ type: "fatal", message: `could not load the engine (${wasmURL}): ${err}` });
    return;
  }
  go.run(result.instance).then(() => {
    (self as any).postMessage({ type: "fatal", message: `the ${role} stopped` });
  });
}

start();

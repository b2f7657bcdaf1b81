// The page's connection to the engine: one kernel web worker (interpreter,
// client, scheduler) and N worker web workers, wired to the kernel with
// MessageChannels so that tasks and partitions never pass through the page.

import type { Event, Output } from "./types";

export type Status = "starting" | "idle" | "busy" | "dead";

// The build id compiled into this bundle (build/site.go defines it).
declare const BURST_BUILD: string;
export const bundleBuild: string = typeof BURST_BUILD === "string" ? BURST_BUILD : "dev";

// BuildMismatch is the message of a kernel whose engine is from another
// build than the page: a deployment changed while the page was open.
export function buildMismatch(page: string, engine: string): string {
  return `update available: this page is build ${page} but the engine is build ${engine}; reload the page`;
}

// The engine (burst.wasm) is compiled once per page and the compiled
// WebAssembly.Module is posted to every engine web worker, which only
// instantiates it: three instances fetching, decoding and compiling their
// own 22 MB copy at once took about 1.2 s of a 2-core machine. The page's
// HTML starts the compile in an inline script in <head> (window.burstEngine,
// see build/site.go), before app.js has even arrived; a page without it
// (or a restart after a failed compile) compiles here.
export const engineURL = "/burst.wasm";
let compiled: Promise<WebAssembly.Module> | null = null;

// engineModule is the compiled engine: the one compiled first, or with
// fresh a new one (a restarted kernel loads the engine anew, which may be
// a newer build the service worker installed meanwhile: the build check
// then says an update is available).
export function engineModule(fresh = false): Promise<WebAssembly.Module> {
  if (fresh) {
    compiled = null;
    (window as any).burstEngine = undefined;
  }
  if (!compiled) {
    const early = (window as any).burstEngine as Promise<WebAssembly.Module> | undefined;
    (window as any).burstEngine = undefined;
    compiled = early ?? WebAssembly.compileStreaming(fetch(engineURL));
    compiled.then(
      () => mark("burst:engine-compiled"),
      () => (compiled = null), // a restart tries again
    );
  }
  return compiled;
}

// mark records a startup milestone in the page's performance timeline
// (performance.getEntriesByType("mark"), names "burst:…"): at is a time on
// the page's clock, or an engine web worker's absolute time
// (performance.timeOrigin + performance.now() there) converted to it. The
// startup test checks their order; the bench reads them.
export function mark(name: string, at?: number) {
  try {
    performance.mark(name, at === undefined ? undefined : { startTime: Math.max(0, at) });
  } catch {
    /* an old browser without mark options */
  }
}

// fromWorkerClock converts an absolute time sent by a web worker to the
// page's clock.
function fromWorkerClock(abs: unknown): number | undefined {
  return typeof abs === "number" && abs > 0 ? abs - performance.timeOrigin : undefined;
}

type Pending = {
  onOutput: (o: Output) => void;
  resolve: (r: ExecuteResult) => void;
};

export class Kernel {
  private kernel: Worker;
  private workers: Worker[] = [];
  private nextID = 1;
  private pending = new Map<number, Pending>();
  private running = 0;
  readonly nWorkers: number;
  ready: Promise<void>;
  // kernelStarted resolves when the kernel's Go has started (or died).
  private kernelStarted: Promise<void>;
  private resolveKernelStarted = () => {};
  onStatus: (s: Status, detail?: string) => void = () => {};
  // onWorkers is called with "ready" once every worker web worker has its
  // engine running and its ports wired (and again after a lost worker's
  // replacement is), with "starting" while one is not.
  onWorkers: (s: "starting" | "ready") => void = () => {};
  private workerState: ("starting" | "ready" | "gone")[] = [];
  // workersReady resolves the first time every worker is ready.
  readonly workersReady: Promise<void>;
  private resolveWorkers = () => {};
  // engineBuild is the build id the engine reported; onBuildMismatch is
  // called when an engine instance is from another build than the page.
  engineBuild = "";
  onBuildMismatch: (engine: string) => void = () => {};

  // events holds the scheduler's events not yet taken by events();
  // listeners get every batch as it arrives (the dashboards).
  private eventLog: Event[] = [];
  private listeners: ((events: Event[]) => void)[] = [];

  // names[i] is worker i's name; peer channels link every pair.
  private names: string[] = [];
  private memoryLimit: number;

  // module is this kernel's engine: every instance it starts (a lost
  // worker's replacement too) runs the same build.
  private module: Promise<WebAssembly.Module>;

  constructor(nWorkers: number, memoryLimit = 0, freshEngine = false) {
    this.nWorkers = nWorkers;
    this.memoryLimit = memoryLimit;
    this.kernel = new Worker("/engine-worker.js?role=kernel");
    const module = (this.module = engineModule(freshEngine));
    this.kernelStarted = new Promise((resolve) => (this.resolveKernelStarted = resolve));
    this.workersReady = new Promise((resolve) => (this.resolveWorkers = resolve));
    this.names = Array.from({ length: nWorkers }, (_, i) => `worker-${i}`);
    // Every worker gets a port to the kernel and one to each peer, so that
    // partitions move between workers without passing through the kernel.
    const peers: Record<string, MessagePort>[] = this.names.map(() => ({}));
    for (let i = 0; i < nWorkers; i++) {
      for (let j = i + 1; j < nWorkers; j++) {
        const ch = new MessageChannel();
        peers[i][this.names[j]] = ch.port1;
        peers[j][this.names[i]] = ch.port2;
      }
    }
    const ports: MessagePort[] = [];
    for (let i = 0; i < nWorkers; i++) ports.push(this.startWorker(i, peers[i]));
    const memory = ((performance as any).memory?.jsHeapSizeLimit as number) || 0;
    // ?kernel_memory=MB sets the kernel's memory budget (MemoryError past
    // it; default 1 GiB).
    const kmb = parseInt(new URLSearchParams(location.search).get("kernel_memory") || "", 10);
    this.kernel.postMessage({ type: "workers", ports, memory, kernelMemory: kmb > 0 ? kmb * 1024 * 1024 : 0 }, ports);
    this.ready = new Promise((resolve, reject) => {
      this.kernel.onmessage = (e) => {
        const m = e.data;
        if (m.type === "build") {
          // The engine says first which build it is: never run cells with
          // an engine and a page from different builds.
          mark("burst:kernel-go-start", fromWorkerClock(m.at));
          this.resolveKernelStarted();
          this.engineBuild = m.build;
          if (!this.checkBuild(m.build)) reject(new Error(buildMismatch(bundleBuild, m.build)));
        } else if (m.type === "mark") {
          mark(`burst:kernel-${m.name}`, fromWorkerClock(m.at));
        } else if (m.type === "ready") {
          if (this.mismatch) return;
          mark("burst:kernel-ready");
          this.onStatus("idle");
          resolve();
        } else this.receive(m);
      };
      module.catch((err) => {
        const why = `could not load the engine (${engineURL}): ${err}`;
        this.die(why);
        reject(new Error(why));
      });
    });
    this.post(this.kernel);
    this.ready.catch(() => {}); // runCell reports it
    this.kernel.onerror = (e) => this.die(`kernel: ${deathReason(e.message)}`);
    this.onStatus("starting");
  }

  // startWorker starts worker web worker i with its peers' ports and
  // returns the port the kernel talks to it on.
  private startWorker(i: number, peers: Record<string, MessagePort>): MessagePort {
    const w = new Worker("/engine-worker.js?role=worker");
    this.setWorker(i, "starting");
    const ch = new MessageChannel();
    w.postMessage(
      { type: "port", name: this.names[i], port: ch.port2, peers, memoryLimit: this.memoryLimit },
      [ch.port2, ...Object.values(peers)],
    );
    w.onmessage = (e) => {
      const m = e.data;
      if (m?.type === "fatal") this.workerLost(i, m.message);
      else if (m?.type === "build") {
        mark(`burst:worker-${i}-go-start`, fromWorkerClock(m.at));
        this.checkBuild(m.build);
      } else if (m?.type === "mark") mark(`burst:worker-${i}-${m.name}`, fromWorkerClock(m.at));
      else if (m?.type === "ready" && this.workers[i] === w) this.setWorker(i, "ready");
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.workerLost(i, deathReason(e.message || "the worker crashed"));
    };
    this.workers[i] = w;
    this.post(w);
    return ch.port1;
  }

  // post hands the compiled engine to an engine web worker, which
  // instantiates it (engine-worker.ts); messages posted to it before are
  // queued there until its Go runs. The worker web workers get it once
  // the kernel's Go has started: the engine's functions are compiled on
  // their first call, into the one module all instances share, and Go's
  // start calls a thousand of them. Three instances starting at once each
  // compiled them again, on two cores; started after the kernel, a worker
  // finds them compiled (and the kernel, which the page waits for, had
  // the cores to itself).
  private post(w: Worker) {
    const after = w === this.kernel ? Promise.resolve() : this.kernelStarted;
    Promise.all([this.module, after]).then(
      ([module]) => w.postMessage({ type: "engine", module }),
      () => {}, // the kernel dies saying why (see ready)
    );
  }

  // setWorker notes worker i's state; the workers are ready when every
  // one is, those stopped for good (stopWorker without restart) aside.
  private setWorker(i: number, state: "starting" | "ready" | "gone") {
    this.workerState[i] = state;
    const all = this.names.every((_, j) => this.workerState[j] === "ready" || this.workerState[j] === "gone");
    if (all && !this.workersMarked) {
      this.workersMarked = true;
      mark("burst:workers-ready");
      this.resolveWorkers();
    }
    this.onWorkers(all ? "ready" : "starting");
  }
  private workersMarked = false;

  // workerLost ends worker i (crashed, over its memory limit, or stopped on
  // purpose), tells the scheduler — which computes what it held again on
  // the others — and starts a fresh worker in its place. A running cell
  // says so in its output.
  workerLost(i: number, why: string, restart = true) {
    const w = this.workers[i];
    if (!w) return;
    w.terminate();
    delete (this.workers as any)[i];
    this.setWorker(i, restart ? "starting" : "gone");
    const name = this.names[i];
    this.kernel.postMessage({ type: "worker-lost", name });
    const text = restart
      ? `${name} stopped (${why}) and was restarted; the tasks it held run again on the other workers.\n`
      : `${name} stopped (${why}); the tasks it held run again on the other workers.\n`;
    for (const p of this.pending.values()) p.onOutput({ type: "stream", name: "stderr", text });
    if (!restart) return;
    const peers: Record<string, MessagePort> = {};
    this.workers.forEach((other, j) => {
      if (!other || j === i) return;
      const ch = new MessageChannel();
      peers[this.names[j]] = ch.port1;
      other.postMessage({ type: "peer", name, port: ch.port2 }, [ch.port2]);
    });
    const port = this.startWorker(i, peers);
    this.kernel.postMessage({ type: "worker-added", name, port }, [port]);
  }

  // interrupt stops the running cell (an infinite loop included); the
  // kernel keeps its variables.
  interrupt() {
    this.kernel.postMessage({ type: "interrupt" });
  }

  // shutdown ends the kernel and its workers; pending cells fail.
  shutdown(why: string) {
    this.kernel.terminate();
    for (const w of this.workers) w?.terminate();
    for (const [id, p] of this.pending) {
      p.onOutput({ type: "error", ename: "KernelRestarted", evalue: why, traceback: [`KernelRestarted: ${why}`] });
      p.resolve({ ok: false, count: 0 });
      this.pending.delete(id);
    }
    this.running = 0;
  }

  // events returns the events recorded since the last call.
  events(): Event[] {
    return this.eventLog.splice(0);
  }

  subscribe(fn: (events: Event[]) => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((f) => f !== fn);
    };
  }

  private mismatch = false;

  // checkBuild compares an engine instance's build with the page's; on a
  // difference the kernel stops, saying that an update is available.
  private checkBuild(engine: string): boolean {
    if (engine === bundleBuild || bundleBuild === "dev") return true;
    if (!this.mismatch) {
      this.mismatch = true;
      this.onBuildMismatch(engine);
      this.die(buildMismatch(bundleBuild, engine));
    }
    return false;
  }

  // dead says why the kernel stopped, once it has: later cells fail at
  // once, pointing to Restart, instead of waiting for a worker that is gone.
  private dead: string | null = null;

  private die(why: string) {
    console.error(`burst: ${why}`);
    this.resolveKernelStarted();
    this.dead = why;
    this.running = 0;
    this.onStatus("dead", why);
    for (const [id, p] of this.pending) {
      p.onOutput({ type: "error", ename: "KernelDied", evalue: why, traceback: [`KernelDied: ${why}`] });
      p.resolve({ ok: false, count: 0 });
      this.pending.delete(id);
    }
  }

  private receive(m: any) {
    if (m.type === "fatal") {
      this.die(m.message);
      return;
    }
    if (m.type === "events") {
      const evs: Event[] = JSON.parse(m.events);
      for (const e of evs) this.eventLog.push(e);
      if (this.eventLog.length > 250000) this.eventLog.splice(0, this.eventLog.length - 200000);
      for (const fn of this.listeners) fn(evs);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === "output") p.onOutput(JSON.parse(m.output));
    else if (m.type === "done") {
      this.pending.delete(m.id);
      if (--this.running === 0) this.onStatus("idle");
      p.resolve({ ok: m.ok, count: m.count, check: m.check ? JSON.parse(m.check) : undefined });
    }
  }

  // execute runs code; outputs stream to onOutput as they happen. With
  // check (an exercise's check.Spec as JSON), the kernel compares the
  // cell's value with the expected one and the result says how it went.
  execute(code: string, onOutput: (o: Output) => void, check?: string): Promise<ExecuteResult> {
    if (this.dead !== null) {
      const why = `the kernel stopped (${this.dead}); press Restart to start a fresh one`;
      onOutput({ type: "error", ename: "KernelDied", evalue: why, traceback: [`KernelDied: ${why}`] });
      return Promise.resolve({ ok: false, count: 0 });
    }
    const id = this.nextID++;
    return new Promise((resolve) => {
      this.pending.set(id, { onOutput, resolve });
      this.running++;
      this.onStatus("busy");
      this.kernel.postMessage(check ? { type: "execute", id, code, check } : { type: "execute", id, code });
    });
  }
}

// ExecuteResult is how a cell's run ended: ok unless it raised, its
// execution count, and an exercise's check (check.Result) when asked.
export type ExecuteResult = { ok: boolean; count: number; check?: { pass: boolean; hint: string } };

// deathReason says in a learner's words why a web worker running the
// engine died, keeping the browser's message.
export function deathReason(msg: string): string {
  if (/Maximum call stack size exceeded|too much recursion/i.test(msg)) return `it ran out of stack space: recursion too deep (${msg})`;
  if (/out of memory|Array buffer allocation failed|memory access out of bounds|Cannot allocate Wasm memory/i.test(msg)) return `it ran out of memory (${msg})`;
  return msg;
}

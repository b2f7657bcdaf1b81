// The page's connection to the engine: one kernel web worker (interpreter,
// client, scheduler) and N worker web workers, wired to the kernel with
// MessageChannels so that tasks and partitions never pass through the page.

export type Output = {
  type: "stream" | "execute_result" | "display_data" | "error";
  name?: string;
  text?: string;
  data?: Record<string, any>;
  execution_count?: number;
  ename?: string;
  evalue?: string;
  traceback?: string[];
};

export type Status = "starting" | "idle" | "busy" | "dead";

type Pending = {
  onOutput: (o: Output) => void;
  resolve: (r: { ok: boolean; count: number }) => void;
};

export class Kernel {
  private kernel: Worker;
  private workers: Worker[] = [];
  private nextID = 1;
  private pending = new Map<number, Pending>();
  private running = 0;
  readonly nWorkers: number;
  ready: Promise<void>;
  onStatus: (s: Status, detail?: string) => void = () => {};

  // events holds the scheduler's events not yet taken by events();
  // listeners get every batch as it arrives (the dashboards).
  private eventLog: any[] = [];
  private listeners: ((events: any[]) => void)[] = [];

  constructor(nWorkers: number) {
    this.nWorkers = nWorkers;
    this.kernel = new Worker("/engine-worker.js?role=kernel");
    // Every worker gets a port to the kernel and one to each peer, so that
    // partitions move between workers without passing through the kernel.
    const names = Array.from({ length: nWorkers }, (_, i) => `worker-${i}`);
    const peers: Record<string, MessagePort>[] = names.map(() => ({}));
    for (let i = 0; i < nWorkers; i++) {
      for (let j = i + 1; j < nWorkers; j++) {
        const ch = new MessageChannel();
        peers[i][names[j]] = ch.port1;
        peers[j][names[i]] = ch.port2;
      }
    }
    const ports: MessagePort[] = [];
    for (let i = 0; i < nWorkers; i++) {
      const w = new Worker("/engine-worker.js?role=worker");
      const ch = new MessageChannel();
      const mine = Object.values(peers[i]);
      w.postMessage({ type: "port", name: names[i], port: ch.port2, peers: peers[i] }, [ch.port2, ...mine]);
      w.onmessage = (e) => {
        if (e.data?.type === "fatal") this.workerLost(i, e.data.message);
      };
      w.onerror = (e) => this.workerLost(i, e.message);
      ports.push(ch.port1);
      this.workers.push(w);
    }
    const memory = ((performance as any).memory?.jsHeapSizeLimit as number) || 0;
    this.kernel.postMessage({ type: "workers", ports, memory }, ports);
    this.ready = new Promise((resolve) => {
      this.kernel.onmessage = (e) => {
        const m = e.data;
        if (m.type === "ready") {
          this.onStatus("idle");
          resolve();
        } else this.receive(m);
      };
    });
    this.kernel.onerror = (e) => this.die(`kernel: ${e.message}`);
    this.onStatus("starting");
  }

  // workerLost ends worker i (crashed, out of memory, or terminated on
  // purpose) and tells the scheduler, which computes what it held again
  // on the others.
  workerLost(i: number, why: string) {
    const w = this.workers[i];
    if (!w) return;
    console.warn(`burst: worker-${i} stopped: ${why}`);
    w.terminate();
    this.kernel.postMessage({ type: "worker-lost", name: `worker-${i}` });
  }

  // events returns the events recorded since the last call.
  events(): any[] {
    return this.eventLog.splice(0);
  }

  subscribe(fn: (events: any[]) => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((f) => f !== fn);
    };
  }

  private die(why: string) {
    console.error(`burst: ${why}`);
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
      const evs = JSON.parse(m.events);
      this.eventLog.push(...evs);
      if (this.eventLog.length > 200000) this.eventLog.splice(0, this.eventLog.length - 200000);
      for (const fn of this.listeners) fn(evs);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === "output") p.onOutput(JSON.parse(m.output));
    else if (m.type === "done") {
      this.pending.delete(m.id);
      if (--this.running === 0) this.onStatus("idle");
      p.resolve({ ok: m.ok, count: m.count });
    }
  }

  // execute runs code; outputs stream to onOutput as they happen.
  execute(code: string, onOutput: (o: Output) => void): Promise<{ ok: boolean; count: number }> {
    const id = this.nextID++;
    return new Promise((resolve) => {
      this.pending.set(id, { onOutput, resolve });
      this.running++;
      this.onStatus("busy");
      this.kernel.postMessage({ type: "execute", id, code });
    });
  }
}

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

  constructor(nWorkers: number) {
    this.nWorkers = nWorkers;
    this.kernel = new Worker("/engine-worker.js?role=kernel");
    const ports: MessagePort[] = [];
    for (let i = 0; i < nWorkers; i++) {
      const w = new Worker("/engine-worker.js?role=worker");
      const ch = new MessageChannel();
      w.postMessage({ type: "port", port: ch.port2 }, [ch.port2]);
      w.onmessage = (e) => {
        if (e.data?.type === "fatal") this.die(`worker ${i}: ${e.data.message}`);
      };
      w.onerror = (e) => this.die(`worker ${i}: ${e.message}`);
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

// Code generated from the Go types by build/tstypes_test.go; DO NOT EDIT.
// go test ./build -run TestTSTypes -update rewrites it; without -update the
// test fails, naming the field, while this file and the Go types disagree.
//
// The JSON the engine sends the page: the scheduler's events (sched.Event)
// and a cell's outputs (kernel.Output); and the lesson's cells the build
// puts in the page (SourceCell). A field is optional where Go omits it when
// empty (omitempty).

// Event is sched.Event: one thing that happened on the cluster. Its
// doc comment says which fields each kind sets.
export type Event = {
  kind: string;
  key?: string;
  prefix?: string;
  worker?: string;
  from?: string;
  to?: string;
  bytes?: number;
  start?: number;
  stop?: number;
  state?: string;
  attempt?: number;
  memory?: number;
  executing?: number;
  queued?: number;
  counts?: Record<string, number>;
  groups?: GraphGroup[];
  tasks?: GraphTask[];
  time: number;
};

// GraphGroup is one of Event.groups.
export type GraphGroup = {
  prefix: string;
  n: number;
  deps?: string[];
  done?: number;
};

// GraphTask is one of Event.tasks.
export type GraphTask = {
  key: string;
  prefix: string;
  deps?: string[];
  done?: boolean;
};

// Output is kernel.Output: one output of a cell (a stream, a result,
// an error, or set_next_input for %load).
export type Output = {
  type: string;
  name?: string;
  text?: string;
  data?: Record<string, any>;
  execution_count?: number;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  meta?: Record<string, string>;
};

// SourceCell is build's SourceCell: one cell of a lesson in the page's
// data-lesson-source JSON, which Download as notebook starts from.
export type SourceCell = {
  kind: string;
  source: string;
  raises?: boolean;
  attachments?: Record<string, Record<string, string>>;
};

// A class, on the learner's side: joining one from its link (the index
// page's ?class=), the "In class as NAME · Leave" banner, the Share button
// of each exercise cell, and the events that tell the instructor's page
// how each exercise went (server/class holds the class).
//
// Nothing here may get in the way of the lesson: every failure is caught
// and shown as a notice at most, and events wait in a queue, retried with
// backoff, until the server takes them.

import { notice } from "./notice";

const membershipKey = "burst:class";
// Events not yet sent when the page went away, sent by the next page.
const pendingKey = "burst:class:pending";
// At most this many events wait; past it the oldest are dropped (a
// learner offline for a whole lesson still sends the latest of each).
const maxQueued = 200;
// The server's limits (the shared contract), in UTF-8 bytes so that they
// hold whether it counts bytes or runes.
const maxType = 80;
const maxLine = 200;
const maxCode = 8 * 1024;

// Membership is what localStorage["burst:class"] keeps of the class joined.
export type Membership = { class: string; learner: string; key: string; name: string };

type ClassEvent = {
  kind: "attempted" | "pass" | "error" | "restart" | "share";
  exercise?: string;
  error?: { type: string; line: string };
  code?: string;
};

// Queued is an event and the class it goes to: leaving or joining another
// class later does not send it elsewhere.
type Queued = { to: Membership; ev: ClassEvent; done?: (sent: boolean) => void };

function membership(): Membership | null {
  try {
    const m = JSON.parse(localStorage.getItem(membershipKey) || "null");
    if (m && ["class", "learner", "key", "name"].every((k) => typeof m[k] === "string")) return m;
  } catch {
    /* storage disabled or garbage: not in a class */
  }
  return null;
}

function setMembership(m: Membership | null) {
  try {
    if (m) localStorage.setItem(membershipKey, JSON.stringify(m));
    else localStorage.removeItem(membershipKey);
  } catch {
    /* storage disabled: the class lasts as long as the page */
  }
  render();
}

// cut shortens s to at most max bytes of UTF-8, on a character boundary.
function cut(s: string, max: number): string {
  const enc = new TextEncoder();
  if (enc.encode(s).length <= max) return s;
  const chars = Array.from(s);
  let n = 0;
  let out = "";
  for (const c of chars) {
    n += enc.encode(c).length;
    if (n > max) break;
    out += c;
  }
  return out;
}

const queue: Queued[] = [];
let sending = false;
let inFlight: Queued | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let backoff = 0; // ms; doubles with each failure, up to a minute

function enqueue(ev: ClassEvent, done?: (sent: boolean) => void) {
  const to = membership();
  if (!to) {
    done?.(false);
    return;
  }
  queue.push({ to, ev, done });
  while (queue.length > maxQueued) queue.shift()?.done?.(false);
  pump();
}

function later(ms: number) {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    pump();
  }, ms);
}

// pump sends the queued events one at a time, in order.
async function pump() {
  if (sending || timer) return;
  sending = true;
  try {
    while (queue.length > 0) {
      const q = queue[0];
      const body = JSON.stringify(q.ev);
      let r: Response;
      inFlight = q;
      try {
        r = await fetch(`/api/class/${encodeURIComponent(q.to.class)}/events`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${q.to.key}` },
          body,
          // A run just before the learner goes to the next lesson still
          // arrives.
          keepalive: true,
        });
      } catch {
        later(nextBackoff()); // offline or the server is down
        return;
      } finally {
        inFlight = null;
      }
      if (r.ok) {
        backoff = 0;
        queue.shift();
        q.done?.(true);
        continue;
      }
      if (r.status === 429) {
        const s = parseFloat(r.headers.get("Retry-After") || "");
        later(s > 0 ? Math.min(s, 300) * 1000 : nextBackoff());
        return;
      }
      if (r.status === 403 || r.status === 404) {
        ended(q.to, r.status);
        continue;
      }
      if (r.status >= 500 || r.status === 408) {
        later(nextBackoff());
        return;
      }
      // 400, 413: the server will never take this one; the next may do.
      queue.shift();
      q.done?.(false);
      console.warn(`burst class: the server refused a ${q.ev.kind} event (${r.status}): ${await r.text().catch(() => "")}`);
    }
  } catch (e) {
    console.warn("burst class:", e);
  } finally {
    sending = false;
  }
}

function nextBackoff(): number {
  backoff = Math.min(60_000, backoff ? backoff * 2 : 1000);
  return backoff * (0.75 + Math.random() / 2);
}

// ended drops what waits for class m, which the server no longer knows
// (404: it ended, or the server restarted) or no longer takes from this
// learner (403), and leaves it.
function ended(m: Membership, status: number) {
  for (let i = queue.length - 1; i >= 0; i--) {
    if (queue[i].to.key === m.key) queue.splice(i, 1)[0].done?.(false);
  }
  if (membership()?.key !== m.key) return;
  setMembership(null);
  notice(
    status === 404
      ? "You have left the class: the server no longer knows it (it ended, or the server restarted). Ask your instructor for the class link to join again."
      : "You have left the class: the server refused this browser's place in it. Ask your instructor for the class link to join again.",
  );
}

// persist keeps the unsent events for the next page of this site.
function persist() {
  const left = queue.filter((q) => q !== inFlight).map(({ to, ev }) => ({ to, ev }));
  if (left.length === 0) return;
  try {
    const old = JSON.parse(localStorage.getItem(pendingKey) || "[]");
    const all = (Array.isArray(old) ? old : []).concat(left).slice(-maxQueued);
    localStorage.setItem(pendingKey, JSON.stringify(all));
    // Stored, they are the next page's to send (or this one's again, if
    // the browser brings it back from its cache: pageshow).
    queue.splice(0, queue.length, ...queue.filter((q) => q === inFlight));
  } catch {
    /* lost with the page */
  }
}

function restorePending() {
  try {
    const old = JSON.parse(localStorage.getItem(pendingKey) || "[]");
    localStorage.removeItem(pendingKey);
    if (!Array.isArray(old)) return;
    for (const q of old) {
      if (q && q.to && typeof q.to.key === "string" && typeof q.to.class === "string" && q.ev && typeof q.ev.kind === "string") {
        queue.push({ to: q.to, ev: q.ev });
      }
    }
    if (queue.length > 0) pump();
  } catch {
    /* nothing to send */
  }
}

// reportRun tells the class how a run of exercise's cell went: "fail" is
// a run whose check did not pass (attempted).
export function reportRun(exercise: string, outcome: { kind: "pass" | "fail" | "error"; ename?: string; evalue?: string }): void {
  try {
    if (!exercise || !membership()) return;
    if (outcome.kind === "error") {
      const line = (outcome.evalue || "").split("\n", 1)[0];
      enqueue({ kind: "error", exercise, error: { type: cut(outcome.ename || "Error", maxType), line: cut(line, maxLine) } });
    } else {
      enqueue({ kind: outcome.kind === "pass" ? "pass" : "attempted", exercise });
    }
  } catch (e) {
    console.warn("burst class:", e);
  }
}

// reportRestart tells the class the learner restarted the kernel.
export function reportRestart(): void {
  try {
    if (membership()) enqueue({ kind: "restart" });
  } catch (e) {
    console.warn("burst class:", e);
  }
}

// cellCode is the code in cell el now: app.ts's editor, through the page's
// window.burst, or what the page shows of it.
function cellCode(el: HTMLElement): string {
  const k = Number(el.dataset.cellIndex);
  const code = (window as any).burst?.code?.(k);
  if (typeof code === "string") return code;
  const lines = el.querySelectorAll(".cm-content .cm-line");
  if (lines.length > 0) return Array.from(lines, (l) => l.textContent || "").join("\n");
  return el.querySelector(".cell-preview, .cell-source")?.textContent || "";
}

function share(el: HTMLElement, button: HTMLButtonElement, status: HTMLElement) {
  const exercise = el.dataset.exercise;
  if (!exercise) return;
  let code = cellCode(el);
  if (new TextEncoder().encode(code).length > maxCode) code = cut(code, maxCode - 64) + "\n# … (cut: a shared cell is at most 8 KiB)";
  button.disabled = true;
  status.textContent = "Sending…";
  enqueue({ kind: "share", exercise, code }, (sent) => {
    button.disabled = false;
    status.textContent = sent ? "Shared with the instructor." : "Not shared: you are no longer in the class.";
  });
  // The queue may be waiting for the network: say so meanwhile.
  setTimeout(() => {
    if (button.disabled) status.textContent = "Waiting for the server; it will be sent.";
  }, 3000);
}

// render shows the banner and the Share buttons while in a class, and
// takes them away when not.
function render() {
  const m = membership();
  const bar = document.querySelector(".topbar");
  let banner = document.querySelector<HTMLElement>("[data-class-banner]");
  if (m && bar) {
    if (!banner) {
      banner = document.createElement("span");
      banner.className = "class-banner";
      banner.setAttribute("data-class-banner", "");
      const title = bar.querySelector(".lesson-title");
      if (title) title.after(banner);
      else bar.append(banner);
    }
    const who = document.createElement("strong");
    who.textContent = m.name;
    const leave = document.createElement("button");
    leave.type = "button";
    leave.className = "link";
    leave.textContent = "Leave";
    leave.title = "Leave the class: the instructor no longer sees your progress";
    leave.onclick = () => {
      setMembership(null);
      notice("You have left the class.", "info");
      // The index's class box offers to join again.
      if (joinToken !== null) {
        document.querySelector("[data-class-join]")?.remove();
        joinForm(joinToken, m.name);
      }
    };
    banner.replaceChildren("In class as ", who, " · ", leave);
  } else banner?.remove();

  document.querySelectorAll<HTMLElement>("[data-exercise]").forEach((el) => {
    let box = el.querySelector<HTMLElement>(":scope > .class-share");
    if (!m) {
      box?.remove();
      return;
    }
    if (box) return;
    box = document.createElement("div");
    box.className = "class-share";
    const button = document.createElement("button");
    button.type = "button";
    button.setAttribute("data-class-share", "");
    button.textContent = "Share this cell with the instructor";
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    button.onclick = () => share(el, button, status);
    box.append(button, status);
    const input = el.querySelector(":scope > .cell-input");
    if (input) input.after(box);
    else el.append(box);
  });
}

// joinForm is the index page's form for the class link /?class=TOKEN.
function joinForm(token: string, name = "") {
  const main = document.querySelector("main");
  if (!main) return;
  const section = document.createElement("section");
  section.className = "class-join";
  section.setAttribute("data-class-join", "");
  section.setAttribute("aria-labelledby", "class-join-title");
  const h = document.createElement("h2");
  h.id = "class-join-title";
  h.textContent = "Join the class";
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  status.setAttribute("data-class-join-status", "");
  const h1 = main.querySelector("h1");
  if (h1) h1.after(section);
  else main.prepend(section);

  const m = membership();
  if (m && m.class === token) {
    h.textContent = "You are in the class";
    status.textContent = `You are in this class as ${m.name}. Pick a lesson below.`;
    section.append(h, status);
    return;
  }
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(token)) {
    status.textContent = "This class link is not complete: ask your instructor for it again.";
    section.append(h, status);
    return;
  }
  const form = document.createElement("form");
  const label = document.createElement("label");
  label.htmlFor = "class-name";
  label.textContent = "Your name, as the instructor will see it";
  const input = document.createElement("input");
  input.id = "class-name";
  input.name = "name";
  input.required = true;
  input.maxLength = 40;
  input.autocomplete = "nickname";
  input.value = m?.name || name;
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Join";
  form.append(label, input, button);
  section.append(h, form, status);
  form.onsubmit = async (e) => {
    e.preventDefault();
    const name = input.value.trim();
    if (!name) {
      status.textContent = "Type your name first.";
      input.focus();
      return;
    }
    button.disabled = true;
    status.textContent = "Joining…";
    try {
      const r = await fetch(`/api/class/${encodeURIComponent(token)}/join`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name }),
      });
      if (r.status === 201 || r.ok) {
        const j = await r.json();
        if (typeof j.learner !== "string" || typeof j.key !== "string") throw new Error("the server's answer has no learner key");
        setMembership({ class: token, learner: j.learner, key: j.key, name });
        form.remove();
        h.textContent = "You are in the class";
        status.textContent = `You are in the class as ${name}. Pick a lesson below: your instructor sees how your exercises go, and what you share.`;
        return;
      }
      const why = (await r.text().catch(() => "")).trim();
      status.textContent =
        r.status === 404
          ? "This class is not running any more (or the link is wrong): ask your instructor for the link again."
          : `Could not join: ${why || `the server answered ${r.status}`}.`;
    } catch (err) {
      status.textContent = `Could not reach the server to join: ${(err as Error).message}. Try again.`;
    } finally {
      button.disabled = false;
    }
  };
}

let started = false;
// joinToken is the index page's ?class=, when it has one.
let joinToken: string | null = null;

// renderClassroom adds the Share buttons to exercise cells made after
// startClassroom (a notebook opened on the notebook page).
export function renderClassroom(): void {
  if (!started) return;
  try {
    render();
  } catch (e) {
    console.warn("burst class:", e);
  }
}

// startClassroom sets the page up for the class the learner joined (the
// banner, the Share buttons, events left by the last page), and on the
// index page with ?class= shows the form to join it.
export function startClassroom(): void {
  if (started) return;
  started = true;
  try {
    const token = new URLSearchParams(location.search).get("class");
    if (token !== null && document.querySelector(".lesson-list")) {
      joinToken = token;
      joinForm(token);
    }
    render();
    restorePending();
    // Joining or leaving in another tab shows here too.
    window.addEventListener("storage", (e) => {
      if (e.key === membershipKey || e.key === null) render();
    });
    window.addEventListener("online", () => {
      if (timer) clearTimeout(timer);
      timer = null;
      backoff = 0;
      pump();
    });
    window.addEventListener("pagehide", persist);
    window.addEventListener("pageshow", (e) => {
      if (e.persisted) restorePending();
    });
  } catch (e) {
    console.warn("burst class:", e);
  }
}

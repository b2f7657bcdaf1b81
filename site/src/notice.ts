// notice shows a message under the top bar ([data-notices]) until it is
// closed: the lesson page's and the class module's.
export function notice(message: string, kind: "error" | "info" = "error") {
  const host = document.querySelector<HTMLElement>("[data-notices]");
  if (!host) return;
  const n = document.createElement("div");
  n.className = `notice notice-${kind}`;
  n.setAttribute("role", kind === "error" ? "alert" : "status");
  const msg = document.createElement("span");
  msg.textContent = message;
  const close = document.createElement("button");
  close.type = "button";
  close.className = "notice-close";
  close.setAttribute("aria-label", "Close");
  close.textContent = "✕";
  close.onclick = () => n.remove();
  n.append(msg, close);
  host.append(n);
}

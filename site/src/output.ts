// Rendering of cell outputs: streams, rich results (HTML or text), errors.
import type { Output } from "./kernel";

export function renderOutput(o: Output): HTMLElement {
  switch (o.type) {
    case "stream": {
      const pre = document.createElement("pre");
      pre.className = `output-stream output-${o.name || "stdout"}`;
      pre.textContent = o.text || "";
      return pre;
    }
    case "error": {
      const pre = document.createElement("pre");
      pre.className = "output-error";
      pre.textContent = (o.traceback && o.traceback.length ? o.traceback : [`${o.ename}: ${o.evalue}`]).join("\n");
      return pre;
    }
    default: {
      const div = document.createElement("div");
      div.className = "output-result";
      const data = o.data || {};
      if (data["text/html"]) {
        div.classList.add("output-html");
        // Produced by our own kernel (pandas-style tables), not by users.
        div.innerHTML = data["text/html"];
      } else {
        const pre = document.createElement("pre");
        pre.textContent = data["text/plain"] ?? "";
        div.appendChild(pre);
      }
      return div;
    }
  }
}

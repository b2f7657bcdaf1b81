// What the page (offline.ts) and the service worker (sw.ts) agree on.

// APP_PREFIX + build names the cache of one build's files; DATA_CACHE
// keeps the datasets, whatever the build.
export const APP_PREFIX = "burst-";
export const DATA_CACHE = "burst-data";

// PRECACHE_HEADER marks the page's own fetches for "Make available
// offline": the service worker leaves them to the network.
export const PRECACHE_HEADER = "X-Burst-Precache";

export type FileEntry = { name: string; size: number };

// dataFiles lists the datasets offline use needs: all of /data/index.json
// but the taxi data, which only a remote cluster reads (lesson 04).
export function dataFiles(index: { files?: FileEntry[] }): FileEntry[] {
  return (index.files || []).filter((f) => f.name.startsWith("data/") && !f.name.startsWith("data/nyctaxi/"));
}

// matchPattern compiles a pattern in Go's path.Match syntax (`*`, `?`,
// `[...]` with `^` and ranges, `\` escapes; `*` and `?` never match `/`)
// into a RegExp, or throws on a malformed one.
export function matchPattern(pattern: string): RegExp {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "\\") {
      if (++i >= pattern.length) throw new Error("syntax error in pattern");
      re += escape(pattern[i]);
    } else if (c === "[") {
      let j = i + 1;
      let cls = "";
      if (pattern[j] === "^") {
        cls += "^";
        j++;
      }
      let n = 0;
      for (; j < pattern.length && (pattern[j] !== "]" || n === 0); j++, n++) {
        let ch = pattern[j];
        if (ch === "\\") {
          if (++j >= pattern.length) throw new Error("syntax error in pattern");
          ch = pattern[j];
          cls += escape(ch);
        } else if (ch === "-" && n > 0 && pattern[j + 1] !== "]") cls += "-";
        else cls += escape(ch);
      }
      if (j >= pattern.length) throw new Error("syntax error in pattern");
      re += cls.startsWith("^") ? `(?!/)[${cls}]` : `[${cls}]`;
      i = j;
    } else re += escape(c);
  }
  return new RegExp(re + "$");
}

function escape(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? "\\" + c : c;
}

// globNames returns the names among files (and the folders that hold
// them) matching pattern, sorted: what the server's /api/glob answers.
export function globNames(pattern: string, files: string[]): string[] {
  const re = matchPattern(pattern);
  const seen = new Set<string>();
  for (const f of files) {
    for (let name = f; name && name !== "."; name = name.includes("/") ? name.slice(0, name.lastIndexOf("/")) : "") {
      if (seen.has(name)) break;
      seen.add(name);
    }
  }
  return [...seen].filter((n) => re.test(n)).sort();
}

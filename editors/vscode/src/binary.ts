// Which `clauselint` program to run: the one the user set, else the copy shipped in the extension
// for this platform, else the first on PATH. Pure apart from the injected file check, so the
// choice is unit-tested without VS Code.

import * as path from "node:path";

export interface BinarySearch {
  /** The `clauselint.path` setting, possibly empty. */
  configuredPath: string;
  /** Where the extension is installed (its `server/<platform>-<arch>/` may hold a binary). */
  extensionPath: string;
  platform: NodeJS.Platform;
  arch: string;
  /** The PATH environment variable. */
  envPath: string | undefined;
  homeDir: string;
  /** The first workspace folder, for relative and `${workspaceFolder}` paths. */
  workspaceFolder: string | undefined;
  isExecutableFile: (file: string) => boolean;
}

export type BinarySource = "setting" | "bundled" | "path";

export type Resolution =
  | { found: true; path: string; source: BinarySource }
  | { found: false; source: "setting" | "search"; message: string };

export function executableName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "clauselint.exe" : "clauselint";
}

/** `server/linux-x64/clauselint`: the layout platform-specific packages use (see README.md). */
export function bundledBinaryPath(extensionPath: string, platform: NodeJS.Platform, arch: string): string {
  return path.join(extensionPath, "server", `${platform}-${arch}`, executableName(platform));
}

function pathModule(platform: NodeJS.Platform): typeof path.posix {
  return platform === "win32" ? path.win32 : path.posix;
}

/** Finds `name` in the folders of PATH, as a shell would. */
export function searchPath(name: string, search: Pick<BinarySearch, "envPath" | "platform" | "isExecutableFile">): string | undefined {
  const p = pathModule(search.platform);
  const separator = search.platform === "win32" ? ";" : ":";
  const names = search.platform === "win32" && !name.toLowerCase().endsWith(".exe") ? [`${name}.exe`, name] : [name];
  for (const folder of (search.envPath ?? "").split(separator)) {
    if (folder === "") {
      continue;
    }
    for (const candidate of names) {
      const full = p.join(folder, candidate);
      if (search.isExecutableFile(full)) {
        return full;
      }
    }
  }
  return undefined;
}

/** Expands `~` and `${workspaceFolder}` and makes a relative path absolute against the workspace. */
export function expandPath(
  value: string,
  search: Pick<BinarySearch, "homeDir" | "workspaceFolder" | "platform">,
): string {
  const p = pathModule(search.platform);
  let out = value.trim();
  if (search.workspaceFolder !== undefined) {
    out = out.split("${workspaceFolder}").join(search.workspaceFolder);
  }
  if (out === "~") {
    out = search.homeDir;
  } else if (out.startsWith("~/") || out.startsWith("~\\")) {
    out = p.join(search.homeDir, out.slice(2));
  }
  if (!p.isAbsolute(out) && search.workspaceFolder !== undefined) {
    out = p.join(search.workspaceFolder, out);
  }
  return out;
}

function isBareCommand(value: string): boolean {
  return !value.includes("/") && !value.includes("\\") && !value.startsWith("~");
}

export function resolveBinary(search: BinarySearch): Resolution {
  const configured = search.configuredPath.trim();
  if (configured !== "") {
    if (isBareCommand(configured)) {
      const onPath = searchPath(configured, search);
      if (onPath !== undefined) {
        return { found: true, path: onPath, source: "setting" };
      }
      return {
        found: false,
        source: "setting",
        message: `The program "${configured}" set in clauselint.path was not found on PATH.`,
      };
    }
    const full = expandPath(configured, search);
    if (search.isExecutableFile(full)) {
      return { found: true, path: full, source: "setting" };
    }
    return {
      found: false,
      source: "setting",
      message: `The program set in clauselint.path does not exist or cannot be run: ${full}`,
    };
  }
  const bundled = bundledBinaryPath(search.extensionPath, search.platform, search.arch);
  if (search.isExecutableFile(bundled)) {
    return { found: true, path: bundled, source: "bundled" };
  }
  const onPath = searchPath(executableName(search.platform), search);
  if (onPath !== undefined) {
    return { found: true, path: onPath, source: "path" };
  }
  return {
    found: false,
    source: "search",
    message:
      `The clauselint program was not found: this copy of the extension carries none for ` +
      `${search.platform}-${search.arch} and "clauselint" is not on PATH. Install it ` +
      `(cargo install --path crates/clauselint-cli) or set clauselint.path to where it is.`,
  };
}

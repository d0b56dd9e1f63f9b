// What the status bar item says about the active document's findings.

export interface FindingCounts {
  errors: number;
  warnings: number;
  notes: number;
}

/** VS Code's DiagnosticSeverity numbering: Error 0, Warning 1, Information 2, Hint 3. */
export function countFindings(diagnostics: ReadonlyArray<{ source?: string; severity: number }>, source: string): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, notes: 0 };
  for (const d of diagnostics) {
    if (d.source !== source) {
      continue;
    }
    if (d.severity === 0) {
      counts.errors += 1;
    } else if (d.severity === 1) {
      counts.warnings += 1;
    } else {
      counts.notes += 1;
    }
  }
  return counts;
}

export type ServerState = "starting" | "running" | "stopped";

export interface StatusView {
  text: string;
  tooltip: string;
  /** Draw attention (the warning background) because the server is not running. */
  alert: boolean;
  /** The command a click runs. */
  command: string;
}

export const OPEN_PROBLEMS = "workbench.actions.view.problems";
export const RESTART = "clauselint.restartServer";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listJoin(items: string[]): string {
  if (items.length <= 1) {
    return items.join("");
  }
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function statusView(state: ServerState, counts: FindingCounts | undefined, fileName: string): StatusView {
  if (state === "stopped") {
    return {
      text: "$(law) clauselint: stopped",
      tooltip: "The clauselint language server is not running. Click to restart it.",
      alert: true,
      command: RESTART,
    };
  }
  if (state === "starting" || counts === undefined) {
    return {
      text: "$(law) clauselint $(sync~spin)",
      tooltip: `clauselint is reviewing ${fileName}…`,
      alert: false,
      command: OPEN_PROBLEMS,
    };
  }
  const total = counts.errors + counts.warnings + counts.notes;
  if (total === 0) {
    return {
      text: "$(law) clauselint: no findings",
      tooltip: `clauselint found nothing to flag in ${fileName}.`,
      alert: false,
      command: OPEN_PROBLEMS,
    };
  }
  const icons: string[] = [];
  const words: string[] = [];
  if (counts.errors > 0) {
    icons.push(`$(error) ${counts.errors}`);
    words.push(plural(counts.errors, "error", "errors"));
  }
  if (counts.warnings > 0) {
    icons.push(`$(warning) ${counts.warnings}`);
    words.push(plural(counts.warnings, "warning", "warnings"));
  }
  if (counts.notes > 0) {
    icons.push(`$(info) ${counts.notes}`);
    words.push(plural(counts.notes, "note", "notes"));
  }
  return {
    text: `$(law) ${icons.join(" ")}`,
    tooltip: `clauselint: ${listJoin(words)} in ${fileName}. Click to open the Problems panel.`,
    alert: false,
    command: OPEN_PROBLEMS,
  };
}

// "Show review checklist": runs `clauselint checklist` on the document as the user sees it.
// A saved file is read where it is; an unsaved or changed one is written to a temporary folder
// under its own name first (the checklist names the document it reviewed, so the name matters).

import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";

export type ChecklistFormat = "markdown" | "html";

export interface ChecklistSource {
  /** The file on disk, or undefined for an untitled document. */
  filePath: string | undefined;
  /** The editor's text differs from the file (or there is no file). */
  unsaved: boolean;
  text: string;
  languageId: string;
}

export interface ChecklistInvocation {
  args: string[];
  cwd: string;
  /** A temporary folder to delete afterwards, when the text was written out. */
  tempDir: string | undefined;
}

export function formatArgument(format: ChecklistFormat): "md" | "html" {
  return format === "html" ? "html" : "md";
}

/** The name the checklist shows: the file's own, or one that keeps the parser's format choice. */
export function documentName(source: ChecklistSource): string {
  if (source.filePath !== undefined) {
    return path.basename(source.filePath);
  }
  return source.languageId === "markdown" ? "Untitled.md" : "Untitled.txt";
}

/** The arguments and working folder; `makeTempDir` is only called for unsaved text. */
export async function prepareChecklist(
  source: ChecklistSource,
  format: ChecklistFormat,
  makeTempDir: () => Promise<string> = () => mkdtemp(path.join(os.tmpdir(), "clauselint-checklist-")),
): Promise<ChecklistInvocation> {
  const name = documentName(source);
  const args = ["checklist", "--format", formatArgument(format), name];
  if (source.filePath !== undefined && !source.unsaved) {
    return { args, cwd: path.dirname(source.filePath), tempDir: undefined };
  }
  const tempDir = await makeTempDir();
  await writeFile(path.join(tempDir, name), source.text, "utf8");
  return { args, cwd: tempDir, tempDir };
}

export class ChecklistError extends Error {}

/** Exit status 0 (nothing to flag) and 1 (findings) both produce a checklist; 2 is an error. */
export function runChecklist(binary: string, invocation: ChecklistInvocation, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      invocation.args,
      { cwd: invocation.cwd, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, encoding: "utf8", windowsHide: true },
      (error, stdout, stderr) => {
        const code: unknown = error === null ? 0 : (error as { code?: unknown }).code;
        if (error === null || (code === 1 && stdout !== "")) {
          resolve(stdout);
          return;
        }
        const detail = stderr.trim() !== "" ? stderr.trim() : error.message;
        reject(new ChecklistError(`clauselint could not make the checklist: ${detail}`));
      },
    );
  });
}

export async function checklistFor(binary: string, source: ChecklistSource, format: ChecklistFormat): Promise<string> {
  const invocation = await prepareChecklist(source, format);
  try {
    return await runChecklist(binary, invocation);
  } finally {
    if (invocation.tempDir !== undefined) {
      await rm(invocation.tempDir, { recursive: true, force: true });
    }
  }
}

/**
 * The checklist page is self-contained (inline styles, no scripts); a webview gets a policy that
 * allows exactly that and nothing else.
 */
export function withContentSecurityPolicy(html: string, cspSource: string): string {
  const meta =
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; ` +
    `style-src 'unsafe-inline' ${cspSource}; img-src data: ${cspSource}; font-src ${cspSource};">`;
  const head = /<head[^>]*>/i.exec(html);
  if (head !== null) {
    const at = head.index + head[0].length;
    return html.slice(0, at) + meta + html.slice(at);
  }
  return `<!DOCTYPE html><html><head>${meta}</head><body>${html}</body></html>`;
}

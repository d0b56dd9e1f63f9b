import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ChecklistError, checklistFor, documentName, prepareChecklist, runChecklist, withContentSecurityPolicy } from "../src/checklist";

const scratch = mkdtempSync(path.join(os.tmpdir(), "clauselint-vscode-test-"));

/** A stand-in for the clauselint binary: prints its arguments, working folder and the file's text. */
function fakeBinary(exitCode: number, stderr = ""): string {
  const file = path.join(scratch, `fake-clauselint-${exitCode}`);
  writeFileSync(
    file,
    `#!/bin/sh\necho "args: $*"\necho "cwd: $(pwd)"\ncat "$4"\n${stderr ? `echo "${stderr}" >&2\n` : ""}exit ${exitCode}\n`,
  );
  chmodSync(file, 0o755);
  return file;
}

describe("prepareChecklist", () => {
  it("runs a saved file in its own folder under its own name", async () => {
    const inv = await prepareChecklist(
      { filePath: "/deals/acme/msa.contract.md", unsaved: false, text: "", languageId: "markdown" },
      "markdown",
      () => Promise.reject(new Error("no temp folder for a saved file")),
    );
    expect(inv).toEqual({ args: ["checklist", "--format", "md", "msa.contract.md"], cwd: "/deals/acme", tempDir: undefined });
  });

  it("writes unsaved text to a temporary copy with the same name", async () => {
    const dir = mkdtempSync(path.join(scratch, "t-"));
    const text = "1. “Customer Content” means … § 2 — data.\n";
    const inv = await prepareChecklist({ filePath: "/deals/msa.txt", unsaved: true, text, languageId: "plaintext" }, "html", async () => dir);
    expect(inv.args).toEqual(["checklist", "--format", "html", "msa.txt"]);
    expect(inv.cwd).toBe(dir);
    expect(readFileSync(path.join(dir, "msa.txt"), "utf8")).toBe(text);
    expect(documentName({ filePath: undefined, unsaved: true, text, languageId: "plaintext" })).toBe("Untitled.txt");
    expect(documentName({ filePath: undefined, unsaved: true, text, languageId: "markdown" })).toBe("Untitled.md");
  });
});

describe("runChecklist", () => {
  it.runIf(process.platform !== "win32")("accepts exit status 1 (findings) and cleans up its copy", async () => {
    const out = await checklistFor(fakeBinary(1), { filePath: undefined, unsaved: true, text: "§ 1 — “Data”", languageId: "markdown" }, "markdown");
    expect(out).toContain("args: checklist --format md Untitled.md");
    expect(out).toContain("§ 1 — “Data”");
    const tempDir = /cwd: (.*)/.exec(out)![1];
    expect(existsSync(tempDir)).toBe(false);
  });

  it.runIf(process.platform !== "win32")("reports the program's own error for status 2", async () => {
    const bin = fakeBinary(2, "error: msa.md: not UTF-8 (line 3)");
    await expect(runChecklist(bin, { args: ["checklist", "--format", "md", "/dev/null"], cwd: scratch, tempDir: undefined })).rejects.toThrow(
      /could not make the checklist: error: msa.md: not UTF-8 \(line 3\)/,
    );
  });

  it("reports a missing program", async () => {
    const error = await runChecklist(path.join(scratch, "missing"), { args: [], cwd: scratch, tempDir: undefined }).catch((e) => e);
    expect(error).toBeInstanceOf(ChecklistError);
    expect(String(error.message)).toContain("ENOENT");
  });
});

// With CLAUSELINT_BIN (editors/vscode/ci.sh sets it to the freshly built binary) the command runs
// the real checklist on the bundled example and on unsaved text.
const realBinary = process.env.CLAUSELINT_BIN;
describe.runIf(realBinary !== undefined && realBinary !== "")("the real clauselint checklist", () => {
  const example = path.resolve(__dirname, "../../../corpus/examples/zoom-terms-of-service.md");

  it("renders Markdown for a saved contract", async () => {
    const md = await checklistFor(realBinary!, { filePath: example, unsaved: false, text: "", languageId: "markdown" }, "markdown");
    expect(md).toContain("zoom-terms-of-service.md");
    expect(md).toContain("May the vendor train or improve AI/ML models");
  });

  it("renders HTML for unsaved text with curly quotes and section signs", async () => {
    const text =
      "# Terms\n\n## 1. Definitions\n\n“Customer Content” means all data you upload.\n\n## 2. Licence\n\n" +
      "You agree that we may use Customer Content to train and improve our artificial intelligence and machine learning models (see § 1).\n";
    const html = await checklistFor(realBinary!, { filePath: "/nowhere/draft — v2.md", unsaved: true, text, languageId: "markdown" }, "html");
    expect(html).toContain("draft — v2.md");
    expect(html).toContain("<blockquote");
    expect(html).toMatch(/train and improve/);
  });
});

describe("withContentSecurityPolicy", () => {
  it("puts the policy first in the head", () => {
    const out = withContentSecurityPolicy('<!DOCTYPE html><html><head lang="en"><style>p{}</style></head><body>x</body></html>', "vscode-webview:");
    expect(out).toMatch(/<head lang="en"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' vscode-webview:;/);
    expect(out).toContain("<style>p{}</style>");
    expect(withContentSecurityPolicy("<p>bare</p>", "x")).toMatch(/^<!DOCTYPE html><html><head><meta .*<body><p>bare<\/p><\/body>/);
  });
});

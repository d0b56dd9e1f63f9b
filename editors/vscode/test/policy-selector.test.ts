import { describe, expect, it } from "vitest";
import { RestartPolicy } from "../src/restartPolicy";
import { documentSelector } from "../src/selector";

describe("RestartPolicy", () => {
  it("restarts until the server has died five times within three minutes", () => {
    const policy = new RestartPolicy();
    const t0 = 1_000_000;
    expect([0, 1, 2, 3].map((i) => policy.recordCrash(t0 + i * 1000))).toEqual([true, true, true, true]);
    expect(policy.recordCrash(t0 + 5000)).toBe(false);
    policy.reset();
    expect(policy.recordCrash(t0 + 6000)).toBe(true);
  });

  it("forgets crashes older than the window", () => {
    const policy = new RestartPolicy(2, 60_000);
    expect(policy.recordCrash(0)).toBe(true);
    expect(policy.recordCrash(61_000)).toBe(true);
    expect(policy.recordCrash(62_000)).toBe(false);
  });
});

describe("documentSelector", () => {
  it("covers saved and untitled Markdown and plain text by default", () => {
    expect(documentSelector("all")).toEqual([
      { language: "markdown", scheme: "file" },
      { language: "markdown", scheme: "untitled" },
      { language: "plaintext", scheme: "file" },
      { language: "plaintext", scheme: "untitled" },
    ]);
  });

  it("narrows to *.contract.md and *.contract.txt", () => {
    const selector = documentSelector("contracts");
    expect(selector.map((f) => f.pattern)).toEqual(["**/*.contract.{md,txt}", "**/*.contract.{md,txt}"]);
    expect(selector.every((f) => f.scheme === "file")).toBe(true);
  });
});

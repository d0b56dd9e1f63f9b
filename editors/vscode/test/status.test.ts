import { describe, expect, it } from "vitest";
import { countFindings, statusView } from "../src/status";

describe("countFindings", () => {
  it("counts only clauselint's diagnostics, by severity", () => {
    const counts = countFindings(
      [
        { source: "clauselint", severity: 0 },
        { source: "clauselint", severity: 0 },
        { source: "clauselint", severity: 1 },
        { source: "clauselint", severity: 2 },
        { source: "clauselint", severity: 3 },
        { source: "markdownlint", severity: 0 },
        { severity: 1 },
      ],
      "clauselint",
    );
    expect(counts).toEqual({ errors: 2, warnings: 1, notes: 2 });
  });
});

describe("statusView", () => {
  it("shows the counts that are not zero and opens the Problems panel", () => {
    const view = statusView("running", { errors: 2, warnings: 0, notes: 1 }, "Zoom — Terms § 10.md");
    expect(view.text).toBe("$(law) $(error) 2 $(info) 1");
    expect(view.tooltip).toBe("clauselint: 2 errors and 1 note in Zoom — Terms § 10.md. Click to open the Problems panel.");
    expect(view.command).toBe("workbench.actions.view.problems");
    expect(view.alert).toBe(false);
  });

  it("says so when there is nothing", () => {
    expect(statusView("running", { errors: 0, warnings: 0, notes: 0 }, "a.md").text).toBe("$(law) clauselint: no findings");
    expect(statusView("running", { errors: 1, warnings: 1, notes: 1 }, "a.md").tooltip).toContain("1 error, 1 warning and 1 note");
  });

  it("offers a restart when the server is down", () => {
    const view = statusView("stopped", undefined, "a.md");
    expect(view.alert).toBe(true);
    expect(view.command).toBe("clauselint.restartServer");
    expect(statusView("starting", undefined, "a.md").text).toContain("sync~spin");
  });
});

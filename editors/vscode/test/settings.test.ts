import { describe, expect, it } from "vitest";
import { RULE_TABLE, RuleTable } from "../src/rules";
import { ExtensionSettings, toServerSettings } from "../src/settings";

const paths = { homeDir: "/home/ana", workspaceFolder: "/work/deal", platform: "linux" as const };
const allGroups = RULE_TABLE.groups.map((g) => g.id);

function settings(overrides: Partial<ExtensionSettings> = {}): ExtensionSettings {
  return { enabledGroups: allGroups, minSeverity: "info", configPath: "", rules: {}, ...overrides };
}

const table: RuleTable = {
  groups: [
    { id: "ai-training", title: "AI training", description: "" },
    { id: "drafting", title: "Drafting", description: "" },
  ],
  rules: [
    { id: "ai-training/content-grant", group: "ai-training", setting: "", defaultSeverity: "error", summary: "", why: "", example: "", suggested: "", references: [] },
    { id: "drafting/undefined-term", group: "drafting", setting: "", defaultSeverity: "warning", summary: "", why: "", example: "", suggested: "", references: [] },
    { id: "drafting/unused-definition", group: "drafting", setting: "", defaultSeverity: "info", summary: "", why: "", example: "", suggested: "", references: [] },
  ],
};

describe("toServerSettings", () => {
  it("sends nothing switched off by default", () => {
    expect(toServerSettings(settings(), RULE_TABLE, paths)).toEqual({
      disabled: [],
      severities: {},
      minSeverity: "info",
      configPath: null,
    });
  });

  it("switches a whole group off with its pattern", () => {
    const out = toServerSettings(settings({ enabledGroups: ["ai-training"] }), table, paths);
    expect(out.disabled).toEqual(["drafting/*"]);
  });

  it("lets a rule's own setting beat its group", () => {
    const out = toServerSettings(
      settings({
        enabledGroups: ["ai-training"],
        rules: { drafting: { "undefined-term": "error" }, "ai-training": { "content-grant": "off" } },
      }),
      table,
      paths,
    );
    expect(out.disabled).toEqual(["ai-training/content-grant", "drafting/unused-definition"]);
    expect(out.severities).toEqual({ "drafting/undefined-term": "error" });
  });

  it("maps severities and ignores unknown values", () => {
    const out = toServerSettings(
      settings({ minSeverity: "loud", rules: { drafting: { "unused-definition": "warning", "undefined-term": "sometimes" } } }),
      table,
      paths,
    );
    expect(out.severities).toEqual({ "drafting/unused-definition": "warning" });
    expect(out.disabled).toEqual([]);
    expect(out.minSeverity).toBe("info");
    expect(toServerSettings(settings({ minSeverity: "warning" }), table, paths).minSeverity).toBe("warning");
  });

  it("resolves the config path against the workspace", () => {
    expect(toServerSettings(settings({ configPath: "clauselint.toml" }), table, paths).configPath).toBe("/work/deal/clauselint.toml");
    expect(toServerSettings(settings({ configPath: "${workspaceFolder}/review/c.toml" }), table, paths).configPath).toBe(
      "/work/deal/review/c.toml",
    );
    expect(toServerSettings(settings({ configPath: "  " }), table, paths).configPath).toBeNull();
  });
});

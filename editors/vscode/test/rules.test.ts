import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { RULE_TABLE, findRule, ruleMarkdown } from "../src/rules";

const manifest = JSON.parse(readFileSync(path.join(__dirname, "../package.json"), "utf8"));

describe("the generated rule table", () => {
  it("has every group's rules, each with a documented reason and example", () => {
    expect(RULE_TABLE.groups.map((g) => g.id)).toEqual(["ai-training", "data-rights", "terms", "drafting"]);
    expect(RULE_TABLE.rules.length).toBeGreaterThan(20);
    for (const rule of RULE_TABLE.rules) {
      expect(rule.id.startsWith(`${rule.group}/`)).toBe(true);
      expect(rule.why).not.toBe("");
      expect(rule.example).not.toBe("");
    }
  });

  it("matches the settings package.json contributes, one per rule", () => {
    const properties: Record<string, { markdownDescription: string; default: string }> = Object.assign(
      {},
      ...manifest.contributes.configuration.map((s: { properties: object }) => s.properties),
    );
    for (const rule of RULE_TABLE.rules) {
      const setting = properties[rule.setting];
      expect(setting, rule.setting).toBeDefined();
      expect(setting.default).toBe("default");
      expect(setting.markdownDescription).toContain(rule.summary);
    }
    const ruleSettings = Object.keys(properties).filter((k) => k.startsWith("clauselint.rules."));
    expect(ruleSettings.length).toBe(RULE_TABLE.rules.length);
    expect(properties["clauselint.enabledGroups"].default).toEqual(RULE_TABLE.groups.map((g) => g.id));
  });
});

describe("ruleMarkdown", () => {
  it("renders the page in the server's section order", () => {
    const rule = findRule("ai-training/content-grant");
    expect(rule).toBeDefined();
    const md = ruleMarkdown(rule!);
    const order = ["# ai-training/content-grant", "## Why it matters", "## Example", "## Suggested language", "## Switching it off"].map(
      (h) => md.indexOf(h),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md).toContain("**Group:** AI training");
    expect(md).toContain("clauselint-disable-next-line ai-training/content-grant");
    expect(md).toContain("`clauselint.rules.ai-training.content-grant`");
    expect(findRule("no/such-rule")).toBeUndefined();
  });

  it("quotes multi-line text line by line", () => {
    const md = ruleMarkdown(
      { ...findRule("ai-training/content-grant")!, example: "§ 1 “Customer Content” —\nsecond line", references: [] },
    );
    expect(md).toContain("> § 1 “Customer Content” —\n> second line");
    expect(md).not.toContain("## References");
  });
});

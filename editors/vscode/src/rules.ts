// The analyzer's rule table as generated into `generated/rules.json` by `cargo xtask
// vscode-settings`, and a rule's documentation page rendered from it.

import table from "./generated/rules.json";

export type Severity = "info" | "warning" | "error";

export interface RuleGroup {
  id: string;
  title: string;
  description: string;
}

export interface RuleInfo {
  id: string;
  group: string;
  /** The setting key, `clauselint.rules.<group>.<name>`. */
  setting: string;
  defaultSeverity: Severity;
  summary: string;
  why: string;
  example: string;
  suggested: string;
  references: string[];
}

export interface RuleTable {
  groups: RuleGroup[];
  rules: RuleInfo[];
}

export const RULE_TABLE: RuleTable = table as RuleTable;

export function findRule(id: string, rules: RuleTable = RULE_TABLE): RuleInfo | undefined {
  return rules.rules.find((r) => r.id === id);
}

function quote(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

/** A rule's page: summary, why it matters, example, suggested language, references, switching off. */
export function ruleMarkdown(rule: RuleInfo, rules: RuleTable = RULE_TABLE): string {
  const group = rules.groups.find((g) => g.id === rule.group);
  const parts = [
    `# ${rule.id}`,
    `**Default severity:** ${rule.defaultSeverity} · **Group:** ${group?.title ?? rule.group}`,
    rule.summary,
    "## Why it matters",
    rule.why,
  ];
  if (rule.example !== "") {
    parts.push("## Example", quote(rule.example));
  }
  if (rule.suggested !== "") {
    parts.push("## Suggested language", quote(rule.suggested));
  }
  if (rule.references.length > 0) {
    parts.push("## References", rule.references.map((r) => `- ${r}`).join("\n"));
  }
  parts.push(
    "## Switching it off",
    `For one place: \`<!-- clauselint-disable-next-line ${rule.id} -->\` on the line before ` +
      `(Markdown) or \`[clauselint-disable-next-line ${rule.id}]\` (plain text). Everywhere: set ` +
      `\`${rule.setting}\` to \`off\` in the settings.`,
  );
  return parts.join("\n\n") + "\n";
}

// VS Code's `clauselint.*` settings → the settings object the language server reads
// (initialization options and workspace/didChangeConfiguration; see crates/clauselint-lsp
// src/config.rs): `disabled`, `severities`, `minSeverity`, `configPath`.

import { expandPath } from "./binary";
import { RuleTable, Severity } from "./rules";

/** The `clauselint` section as `workspace.getConfiguration("clauselint")` gives it. */
export interface ExtensionSettings {
  enabledGroups: string[];
  minSeverity: string;
  configPath: string;
  /** `rules.<group>.<name>`: "default", "off", "info", "warning" or "error". */
  rules: Record<string, Record<string, string> | undefined>;
}

export interface ServerSettings {
  disabled: string[];
  severities: Record<string, Severity>;
  minSeverity: Severity;
  configPath: string | null;
}

const SEVERITIES: readonly string[] = ["info", "warning", "error"];

function isSeverity(value: string): value is Severity {
  return SEVERITIES.includes(value);
}

export interface PathContext {
  homeDir: string;
  workspaceFolder: string | undefined;
  platform: NodeJS.Platform;
}

export function toServerSettings(settings: ExtensionSettings, table: RuleTable, paths: PathContext): ServerSettings {
  const enabledGroups = new Set(settings.enabledGroups);
  const disabled: string[] = [];
  const severities: Record<string, Severity> = {};
  for (const group of table.groups) {
    const groupOn = enabledGroups.has(group.id);
    const off: string[] = [];
    let explicitlyOn = false;
    for (const rule of table.rules.filter((r) => r.group === group.id)) {
      const name = rule.id.slice(rule.id.indexOf("/") + 1);
      const value = settings.rules[group.id]?.[name] ?? "default";
      if (value === "off") {
        off.push(rule.id);
      } else if (isSeverity(value)) {
        // A rule given its own severity runs even when its group is switched off.
        severities[rule.id] = value;
        explicitlyOn = true;
      } else if (!groupOn) {
        off.push(rule.id);
      }
    }
    if (!groupOn && !explicitlyOn) {
      disabled.push(`${group.id}/*`);
    } else {
      disabled.push(...off);
    }
  }
  const configPath = settings.configPath.trim();
  return {
    disabled,
    severities,
    minSeverity: isSeverity(settings.minSeverity) ? settings.minSeverity : "info",
    configPath: configPath === "" ? null : expandPath(configPath, paths),
  };
}

// The extension's wiring against the fake `vscode` module and a recording language client.

import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { activate, deactivate } from "../src/extension";
import { fake, Position, Range, Uri } from "./fake-vscode";

interface RecordedClient {
  id: string;
  server: { command: string; args: string[] };
  options: {
    documentSelector: unknown;
    initializationOptions: unknown;
    errorHandler: {
      closed(): { action: number; handled?: boolean };
    };
    middleware: {
      workspace: {
        configuration(params: { items: { section?: string }[] }, token: unknown, next: () => unknown): unknown;
      };
    };
  };
  notifications: unknown[];
  stopped: boolean;
}

const clients: RecordedClient[] = [];

vi.mock("vscode-languageclient/node", () => {
  class LanguageClient {
    private record: RecordedClient;
    private listeners: ((e: { newState: number }) => void)[] = [];
    constructor(id: string, _name: string, server: RecordedClient["server"], options: RecordedClient["options"]) {
      this.record = { id, server, options, notifications: [], stopped: false };
      clients.push(this.record);
    }
    onDidChangeState(listener: (e: { newState: number }) => void) {
      this.listeners.push(listener);
    }
    async start() {
      this.listeners.forEach((l) => l({ newState: 3 }));
      this.listeners.forEach((l) => l({ newState: 2 }));
    }
    async stop() {
      this.record.stopped = true;
      this.listeners.forEach((l) => l({ newState: 1 }));
    }
    async dispose() {}
    isRunning() {
      return !this.record.stopped;
    }
    async sendNotification(_type: unknown, params: unknown) {
      this.record.notifications.push(params);
    }
  }
  return {
    LanguageClient,
    State: { Stopped: 1, Running: 2, Starting: 3 },
    ErrorAction: { Continue: 1, Shutdown: 2 },
    CloseAction: { DoNotRestart: 1, Restart: 2 },
    TransportKind: { stdio: 0 },
    DidChangeConfigurationNotification: { type: "workspace/didChangeConfiguration" },
  };
});


const scratch = mkdtempSync(path.join(os.tmpdir(), "clauselint-ext-test-"));
const fakeServer = path.join(scratch, "clauselint");
writeFileSync(fakeServer, "#!/bin/sh\nexit 0\n");
chmodSync(fakeServer, 0o755);

function context() {
  return { extensionPath: path.join(scratch, "no-bundled-binary"), subscriptions: [] as { dispose(): void }[] };
}

function openEditor(file: string, languageId = "markdown") {
  fake.state.activeTextEditor = {
    document: { uri: Uri.file(file), languageId, isDirty: false, isUntitled: false, getText: () => "" },
    selection: { active: new Position(3, 5) },
  };
}

const status = () => fake.state.statusItems[0];

beforeEach(() => {
  fake.reset();
  clients.length = 0;
});

afterEach(async () => {
  await deactivate();
});

describe("activation", () => {
  it("tells the user, with a way to the setting, when the program is missing", async () => {
    fake.state.settings["clauselint.path"] = "/nowhere/clauselint";
    fake.state.nextChoice = "Open settings";
    openEditor("/deals/msa.md");
    await activate(context() as never);
    expect(clients).toHaveLength(0);
    const [message] = fake.state.messages;
    expect(message.level).toBe("error");
    expect(message.text).toContain("/nowhere/clauselint");
    expect(message.actions).toContain("Open settings");
    await vi.waitFor(() => expect(fake.state.executed).toContainEqual(["workbench.action.openSettings", "clauselint.path"]));
    expect(status().visible).toBe(true);
    expect(status().text).toContain("stopped");
    expect(status().command).toBe("clauselint.restartServer");
  });

  it("starts `clauselint lsp` with the settings in the server's vocabulary", async () => {
    fake.state.settings = {
      "clauselint.path": fakeServer,
      "clauselint.enabledGroups": ["ai-training", "data-rights", "terms"],
      "clauselint.minSeverity": "warning",
      "clauselint.rules.terms.arbitration": "off",
    };
    await activate(context() as never);
    expect(clients).toHaveLength(1);
    const [client] = clients;
    expect(client.id).toBe("clauselint");
    expect(client.server).toMatchObject({ command: fakeServer, args: ["lsp"] });
    expect(client.options.initializationOptions).toEqual({
      disabled: ["terms/arbitration", "drafting/*"],
      severities: {},
      minSeverity: "warning",
      configPath: null,
    });
    expect([...fake.state.commands.keys()].sort()).toEqual([
      "clauselint.explainRule",
      "clauselint.restartServer",
      "clauselint.showChecklist",
      "clauselint.showOutput",
    ]);
    // The server's workspace/configuration request gets the same translated object.
    const answered = client.options.middleware.workspace.configuration({ items: [{ section: "clauselint" }] }, undefined, () => "raw");
    expect(answered).toEqual([client.options.initializationOptions]);
  });

  it("sends changed settings to the running server, and restarts for a new program path", async () => {
    fake.state.settings = { "clauselint.path": fakeServer };
    await activate(context() as never);
    fake.changeSettings({ "clauselint.minSeverity": "error" });
    expect(clients[0].notifications).toEqual([
      { settings: { clauselint: { disabled: [], severities: {}, minSeverity: "error", configPath: null } } },
    ]);
    fake.changeSettings({ "clauselint.path": fakeServer });
    await vi.waitFor(() => expect(clients).toHaveLength(2));
    expect(clients[0].stopped).toBe(true);
  });
});

describe("a crashing server", () => {
  it("is restarted with a warning, then left stopped with an error offering a restart", async () => {
    fake.state.settings = { "clauselint.path": fakeServer };
    await activate(context() as never);
    const { errorHandler } = clients[0].options;
    expect(errorHandler.closed()).toEqual({ action: 2, handled: true });
    expect(fake.state.messages[0]).toMatchObject({ level: "warning", actions: ["Show output"] });
    for (let i = 0; i < 3; i++) {
      errorHandler.closed();
    }
    expect(errorHandler.closed()).toEqual({ action: 1, handled: true });
    const last = fake.state.messages[fake.state.messages.length - 1];
    expect(last.level).toBe("error");
    expect(last.text).toContain("will not be restarted automatically");
    expect(last.actions).toEqual(["Restart", "Open settings", "Show output"]);
  });
});

describe("status bar", () => {
  it("counts the active contract's findings and hides for other files", async () => {
    fake.state.settings = { "clauselint.path": fakeServer };
    openEditor("/deals/msa.contract.md");
    const at = new Range(new Position(0, 0), new Position(9, 0));
    fake.state.diagnostics.set("file:/deals/msa.contract.md", [
      { source: "clauselint", severity: 0, code: "ai-training/content-grant", range: at },
      { source: "clauselint", severity: 1, code: "terms/arbitration", range: at },
      { source: "clauselint", severity: 1, code: "terms/arbitration", range: at },
      { source: "cSpell", severity: 2, range: at },
    ]);
    await activate(context() as never);
    expect(status().visible).toBe(true);
    expect(status().text).toBe("$(law) $(error) 1 $(warning) 2");
    expect(status().command).toBe("workbench.actions.view.problems");
    expect(status().tooltip).toContain("msa.contract.md");

    openEditor("/src/main.rs", "rust");
    fake.state.activeEditorChanged.fire(undefined);
    expect(status().visible).toBe(false);
  });
});

describe("Explain rule", () => {
  it("offers the rules flagged at the cursor first and shows the chosen rule's page", async () => {
    fake.state.settings = { "clauselint.path": fakeServer };
    openEditor("/deals/msa.md");
    const here = new Range(new Position(3, 0), new Position(3, 40));
    fake.state.diagnostics.set("file:/deals/msa.md", [
      { source: "clauselint", severity: 1, code: { value: "terms/arbitration" }, range: here },
    ]);
    await activate(context() as never);
    await fake.state.commands.get("clauselint.explainRule")!();
    expect(fake.state.quickPickItems[0]).toMatchObject({ label: "terms/arbitration" });
    expect(fake.state.quickPickItems[0].description).toContain("flagged here");
    const [, command, uri] = ["", ...fake.state.executed[fake.state.executed.length - 1]] as [string, string, Uri];
    expect(command).toBe("markdown.showPreview");
    const page = fake.state.providers.get(uri.scheme)!.provideTextDocumentContent(uri);
    expect(page.startsWith("# terms/arbitration")).toBe(true);
    expect(page).toContain("## Suggested language");
  });

  it("takes a rule id as its argument", async () => {
    fake.state.settings = { "clauselint.path": fakeServer };
    await activate(context() as never);
    await fake.state.commands.get("clauselint.explainRule")!("drafting/undefined-term");
    expect(fake.state.quickPickItems).toEqual([]);
    const uri = fake.state.executed[fake.state.executed.length - 1][1] as Uri;
    expect(fake.state.providers.get(uri.scheme)!.provideTextDocumentContent(uri)).toContain("# drafting/undefined-term");
  });
});

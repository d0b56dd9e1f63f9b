// The VS Code side of clauselint: starts `clauselint lsp` for Markdown and plain-text documents
// and adds the checklist, explain and restart commands and a status bar item. The decisions
// (which binary, which settings, what the status says, how the checklist runs) live in the
// small modules beside this one, which are unit-tested without VS Code.

import * as os from "node:os";
import { accessSync, constants, statSync } from "node:fs";
import * as vscode from "vscode";
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from "vscode-languageclient/node";

import { Resolution, resolveBinary } from "./binary";
import { ChecklistFormat, checklistFor, documentName, withContentSecurityPolicy } from "./checklist";
import { RestartPolicy } from "./restartPolicy";
import { RULE_TABLE, RuleInfo, findRule, ruleMarkdown } from "./rules";
import { documentSelector } from "./selector";
import { ExtensionSettings, ServerSettings, toServerSettings } from "./settings";
import { ServerState, countFindings, statusView } from "./status";

const SECTION = "clauselint";
/** The `source` of every diagnostic the server publishes. */
const DIAGNOSTIC_SOURCE = "clauselint";
const RULE_SCHEME = "clauselint-rule";
const CHECKLIST_SCHEME = "clauselint-checklist";

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) {
      return false;
    }
    if (process.platform !== "win32") {
      accessSync(file, constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

function workspaceFolder(): string | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

function readExtensionSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    enabledGroups: config.get<string[]>("enabledGroups", RULE_TABLE.groups.map((g) => g.id)),
    minSeverity: config.get<string>("minSeverity", "info"),
    configPath: config.get<string>("configPath", ""),
    rules: config.get<ExtensionSettings["rules"]>("rules", {}),
  };
}

function serverSettings(): ServerSettings {
  return toServerSettings(readExtensionSettings(), RULE_TABLE, {
    homeDir: os.homedir(),
    workspaceFolder: workspaceFolder(),
    platform: process.platform,
  });
}

async function openSettings(query = SECTION): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.openSettings", query);
}

/** Read-only documents for rule pages and checklists, shown through the Markdown preview. */
class VirtualDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? "";
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function showMarkdown(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand("markdown.showPreview", uri);
  } catch {
    // The built-in Markdown extension can be disabled; the source is still readable.
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}

export class ClauselintExtension implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private state: ServerState = "stopped";
  private readonly output: vscode.OutputChannel;
  private readonly status: vscode.StatusBarItem;
  private readonly documents = new VirtualDocuments();
  private readonly policy = new RestartPolicy();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel("clauselint");
    this.status = vscode.window.createStatusBarItem("clauselint.findings", vscode.StatusBarAlignment.Left, 100);
    this.status.name = "clauselint findings";
    this.disposables.push(
      this.output,
      this.status,
      this.documents,
      vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, this.documents),
      vscode.workspace.registerTextDocumentContentProvider(CHECKLIST_SCHEME, this.documents),
      vscode.commands.registerCommand("clauselint.restartServer", () => this.restart()),
      vscode.commands.registerCommand("clauselint.showOutput", () => this.output.show()),
      vscode.commands.registerCommand("clauselint.explainRule", (ruleId?: unknown) => this.explainRule(ruleId)),
      vscode.commands.registerCommand("clauselint.showChecklist", () => this.showChecklist()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active !== undefined && e.uris.some((u) => u.toString() === active)) {
          this.updateStatus();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
      vscode.workspace.onDidChangeConfiguration((e) => this.onConfigurationChanged(e)),
    );
  }

  private resolve(): Resolution {
    return resolveBinary({
      configuredPath: vscode.workspace.getConfiguration(SECTION).get<string>("path", ""),
      extensionPath: this.context.extensionPath,
      platform: process.platform,
      arch: process.arch,
      envPath: process.env.PATH,
      homeDir: os.homedir(),
      workspaceFolder: workspaceFolder(),
      isExecutableFile,
    });
  }

  private notifyMissingBinary(message: string): void {
    this.output.appendLine(message);
    void vscode.window.showErrorMessage(message, "Open settings", "Show output").then(async (choice) => {
      if (choice === "Open settings") {
        await openSettings("clauselint.path");
      } else if (choice === "Show output") {
        this.output.show();
      }
    });
  }

  private notifyCrash(stoppedForGood: boolean): void {
    const message = stoppedForGood
      ? `The clauselint language server stopped ${this.policy.recentCrashes} times in a few minutes and ` +
        `will not be restarted automatically. Findings are not updated until it runs again.`
      : "The clauselint language server stopped unexpectedly and was restarted.";
    const actions = stoppedForGood ? ["Restart", "Open settings", "Show output"] : ["Show output"];
    const show = stoppedForGood ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    void show(message, ...actions).then(async (choice) => {
      if (choice === "Restart") {
        await this.restart();
      } else if (choice === "Open settings") {
        await openSettings();
      } else if (choice === "Show output") {
        this.output.show();
      }
    });
  }

  async start(): Promise<void> {
    const binary = this.resolve();
    if (!binary.found) {
      this.setState("stopped");
      this.notifyMissingBinary(binary.message);
      return;
    }
    this.output.appendLine(`Starting ${binary.path} lsp (${binary.source})`);
    const serverOptions: ServerOptions = {
      command: binary.path,
      args: ["lsp"],
      transport: TransportKind.stdio,
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(vscode.workspace.getConfiguration(SECTION).get<string>("documents", "all")),
      initializationOptions: serverSettings(),
      outputChannel: this.output,
      errorHandler: {
        error: (_error, _message, count) =>
          count !== undefined && count <= 3 ? { action: ErrorAction.Continue } : { action: ErrorAction.Shutdown },
        closed: () => {
          const restart = this.policy.recordCrash(Date.now());
          this.notifyCrash(!restart);
          if (!restart) {
            this.setState("stopped");
          }
          return { action: restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
        },
      },
      initializationFailedHandler: (error) => {
        this.output.appendLine(`The language server failed to initialise: ${String(error)}`);
        this.notifyMissingBinary(
          `The program at ${binary.path} did not start as clauselint's language server (${String(error)}). ` +
            `Check that clauselint.path names a clauselint binary.`,
        );
        return false;
      },
      middleware: {
        workspace: {
          // The server asks for the `clauselint` section when a change notification carries none;
          // answer in its own vocabulary rather than VS Code's setting layout.
          configuration: (params, token, next) => {
            if (params.items.some((item) => item.section === SECTION)) {
              return params.items.map((item) => (item.section === SECTION ? serverSettings() : null));
            }
            return next(params, token);
          },
        },
      },
    };
    const client = new LanguageClient(SECTION, "clauselint", serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        this.setState("running");
      } else if (e.newState === State.Starting) {
        this.setState("starting");
      } else {
        this.setState("stopped");
      }
    });
    this.setState("starting");
    try {
      await client.start();
    } catch (error) {
      this.setState("stopped");
      this.notifyMissingBinary(`clauselint's language server could not be started from ${binary.path}: ${String(error)}`);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) {
      try {
        await client.stop(2000);
      } catch (error) {
        this.output.appendLine(`Stopping the language server: ${String(error)}`);
      }
      await client.dispose().catch(() => undefined);
    }
    this.setState("stopped");
  }

  async restart(): Promise<void> {
    this.policy.reset();
    await this.stop();
    await this.start();
  }

  private onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration(SECTION)) {
      return;
    }
    if (e.affectsConfiguration("clauselint.path") || e.affectsConfiguration("clauselint.documents")) {
      void this.restart();
      return;
    }
    const client = this.client;
    if (client !== undefined && client.isRunning()) {
      void client.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { [SECTION]: serverSettings() },
      });
    }
  }

  private setState(state: ServerState): void {
    this.state = state;
    this.updateStatus();
  }

  private isReviewed(document: vscode.TextDocument): boolean {
    const selector = documentSelector(vscode.workspace.getConfiguration(SECTION).get<string>("documents", "all"));
    return vscode.languages.match(selector, document) > 0;
  }

  updateStatus(): void {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || !this.isReviewed(editor.document)) {
      this.status.hide();
      return;
    }
    const uri = editor.document.uri;
    const diagnostics = vscode.languages.getDiagnostics(uri);
    const counts = this.state === "running" ? countFindings(diagnostics, DIAGNOSTIC_SOURCE) : undefined;
    const view = statusView(this.state, counts, documentName({
      filePath: uri.scheme === "file" ? uri.fsPath : undefined,
      unsaved: editor.document.isDirty,
      text: "",
      languageId: editor.document.languageId,
    }));
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    this.status.command = view.command;
    this.status.backgroundColor = view.alert ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
    this.status.show();
  }

  /** Rules flagged at the cursor come first in the pick list. */
  private rulesAtCursor(): string[] {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined) {
      return [];
    }
    const position = editor.selection.active;
    const ids: string[] = [];
    for (const d of vscode.languages.getDiagnostics(editor.document.uri)) {
      if (d.source !== DIAGNOSTIC_SOURCE || !d.range.contains(position)) {
        continue;
      }
      const code = typeof d.code === "object" && d.code !== null ? d.code.value : d.code;
      if (typeof code === "string" && !ids.includes(code)) {
        ids.push(code);
      }
    }
    return ids;
  }

  async explainRule(ruleId?: unknown): Promise<void> {
    let rule: RuleInfo | undefined = typeof ruleId === "string" ? findRule(ruleId) : undefined;
    if (rule === undefined) {
      const here = this.rulesAtCursor();
      const ordered = [
        ...here.map((id) => findRule(id)).filter((r): r is RuleInfo => r !== undefined),
        ...RULE_TABLE.rules.filter((r) => !here.includes(r.id)),
      ];
      const picked = await vscode.window.showQuickPick(
        ordered.map((r) => ({
          label: r.id,
          description: here.includes(r.id) ? `${r.defaultSeverity} · flagged here` : r.defaultSeverity,
          detail: r.summary,
          rule: r,
        })),
        { title: "clauselint: Explain rule", placeHolder: "Which rule?", matchOnDetail: true },
      );
      rule = picked?.rule;
    }
    if (rule === undefined) {
      return;
    }
    const uri = vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${rule.id}.md` });
    this.documents.set(uri, ruleMarkdown(rule));
    await showMarkdown(uri);
  }

  async showChecklist(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || !["markdown", "plaintext"].includes(editor.document.languageId)) {
      void vscode.window.showInformationMessage("Open a contract (a Markdown or plain-text document) to see its checklist.");
      return;
    }
    const binary = this.resolve();
    if (!binary.found) {
      this.notifyMissingBinary(binary.message);
      return;
    }
    const document = editor.document;
    const source = {
      filePath: document.uri.scheme === "file" ? document.uri.fsPath : undefined,
      unsaved: document.isDirty || document.isUntitled,
      text: document.getText(),
      languageId: document.languageId,
    };
    const format = vscode.workspace.getConfiguration(SECTION).get<ChecklistFormat>("checklist.format", "markdown");
    const name = documentName(source);
    let rendered: string;
    try {
      rendered = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `clauselint: checklist for ${name}` },
        () => checklistFor(binary.path, source, format),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.output.appendLine(message);
      void vscode.window.showErrorMessage(message, "Show output").then((choice) => {
        if (choice === "Show output") {
          this.output.show();
        }
      });
      return;
    }
    if (format === "html") {
      const panel = vscode.window.createWebviewPanel(
        "clauselint.checklist",
        `Checklist: ${name}`,
        vscode.ViewColumn.Beside,
        { enableScripts: false, localResourceRoots: [] },
      );
      panel.webview.html = withContentSecurityPolicy(rendered, panel.webview.cspSource);
      return;
    }
    const uri = vscode.Uri.from({ scheme: CHECKLIST_SCHEME, path: `/${name} checklist.md` });
    this.documents.set(uri, rendered);
    await showMarkdown(uri);
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}

let extension: ClauselintExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extension = new ClauselintExtension(context);
  context.subscriptions.push(extension);
  await extension.start();
}

export async function deactivate(): Promise<void> {
  await extension?.stop();
  extension = undefined;
}

// A small stand-in for the `vscode` module (which exists only inside the editor), covering what
// src/extension.ts calls. Tests drive it through `fake` and read back what the extension did.

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) {
      l(e);
    }
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static from(parts: { scheme: string; path: string }): Uri {
    return new Uri(parts.scheme, parts.path);
  }
  static file(path: string): Uri {
    return new Uri("file", path);
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}:${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
  contains(p: Position): boolean {
    const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
    return after(p, this.start) && after(this.end, p);
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}
export enum ProgressLocation {
  Window = 10,
}
export enum ViewColumn {
  Beside = -2,
}

export interface FakeDiagnostic {
  source?: string;
  severity: number;
  code?: string | { value: string };
  range: Range;
}

export interface FakeDocument {
  uri: Uri;
  languageId: string;
  isDirty: boolean;
  isUntitled: boolean;
  getText(): string;
}

function emptyState() {
  return {
    settings: {} as Record<string, unknown>,
    commands: new Map<string, (...args: unknown[]) => unknown>(),
    executed: [] as unknown[][],
    messages: [] as { level: "error" | "warning" | "info"; text: string; actions: string[] }[],
    /** What the user clicks in the next notification (undefined: dismisses it). */
    nextChoice: undefined as string | undefined,
    quickPickChoice: (items: { label: string }[]) => items[0] as { label: string } | undefined,
    quickPickItems: [] as { label: string; description?: string }[],
    providers: new Map<string, { provideTextDocumentContent(uri: Uri): string }>(),
    diagnostics: new Map<string, FakeDiagnostic[]>(),
    activeTextEditor: undefined as { document: FakeDocument; selection: { active: Position } } | undefined,
    statusItems: [] as FakeStatusItem[],
    output: [] as string[],
    diagnosticsChanged: new EventEmitter<{ uris: Uri[] }>(),
    activeEditorChanged: new EventEmitter<unknown>(),
    configurationChanged: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
  };
}

export const fake = {
  state: emptyState(),
  reset(): void {
    this.state = emptyState();
  },
  /** Changes settings and tells the extension, as VS Code does. */
  changeSettings(values: Record<string, unknown>): void {
    Object.assign(this.state.settings, values);
    const keys = Object.keys(values);
    this.state.configurationChanged.fire({
      affectsConfiguration: (section: string) => keys.some((k) => k === section || k.startsWith(`${section}.`)),
    });
  },
};

class FakeStatusItem {
  text = "";
  tooltip: string | undefined;
  command: string | undefined;
  backgroundColor: ThemeColor | undefined;
  name = "";
  visible = false;
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  dispose(): void {
    this.visible = false;
  }
}

function notify(level: "error" | "warning" | "info") {
  return (text: string, ...actions: string[]) => {
    fake.state.messages.push({ level, text, actions });
    return Promise.resolve(fake.state.nextChoice);
  };
}

export const window = {
  get activeTextEditor() {
    return fake.state.activeTextEditor;
  },
  createOutputChannel: () => ({
    appendLine: (line: string) => fake.state.output.push(line),
    append: (text: string) => fake.state.output.push(text),
    show: () => fake.state.executed.push(["<output shown>"]),
    dispose: () => undefined,
  }),
  createStatusBarItem: () => {
    const item = new FakeStatusItem();
    fake.state.statusItems.push(item);
    return item;
  },
  showErrorMessage: notify("error"),
  showWarningMessage: notify("warning"),
  showInformationMessage: notify("info"),
  showQuickPick: (items: { label: string; description?: string }[]) => {
    fake.state.quickPickItems = items;
    return Promise.resolve(fake.state.quickPickChoice(items));
  },
  onDidChangeActiveTextEditor: (l: Listener<unknown>) => fake.state.activeEditorChanged.event(l),
  withProgress: (_options: unknown, task: () => Promise<unknown>) => task(),
  createWebviewPanel: () => ({ webview: { html: "", cspSource: "vscode-webview:" } }),
  showTextDocument: () => Promise.resolve(undefined),
};

export const workspace = {
  workspaceFolders: undefined as { uri: Uri }[] | undefined,
  getConfiguration: (section: string) => ({
    get: <T>(key: string, fallback?: T): T => {
      const full = `${section}.${key}`;
      if (full in fake.state.settings) {
        return fake.state.settings[full] as T;
      }
      // Nested reads such as `rules` collect every `clauselint.rules.*` key into an object tree.
      const prefix = `${full}.`;
      const nested = Object.entries(fake.state.settings).filter(([k]) => k.startsWith(prefix));
      if (nested.length > 0) {
        const tree: Record<string, Record<string, unknown>> = {};
        for (const [k, v] of nested) {
          const [group, name] = k.slice(prefix.length).split(".");
          (tree[group] ??= {})[name] = v;
        }
        return tree as T;
      }
      return fallback as T;
    },
  }),
  registerTextDocumentContentProvider: (scheme: string, provider: { provideTextDocumentContent(uri: Uri): string }) => {
    fake.state.providers.set(scheme, provider);
    return { dispose: () => fake.state.providers.delete(scheme) };
  },
  onDidChangeConfiguration: (l: Listener<{ affectsConfiguration(section: string): boolean }>) =>
    fake.state.configurationChanged.event(l),
  openTextDocument: (uri: Uri) => Promise.resolve({ uri }),
};

export const commands = {
  registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
    fake.state.commands.set(id, handler);
    return { dispose: () => fake.state.commands.delete(id) };
  },
  executeCommand: (id: string, ...args: unknown[]) => {
    fake.state.executed.push([id, ...args]);
    return Promise.resolve(undefined);
  },
};

export const languages = {
  onDidChangeDiagnostics: (l: Listener<{ uris: Uri[] }>) => fake.state.diagnosticsChanged.event(l),
  getDiagnostics: (uri: Uri) => fake.state.diagnostics.get(uri.toString()) ?? [],
  match: (selector: { language: string; scheme: string; pattern?: string }[], doc: FakeDocument) =>
    selector.some(
      (f) =>
        f.language === doc.languageId &&
        f.scheme === doc.uri.scheme &&
        (f.pattern === undefined || /\.contract\.(md|txt)$/.test(doc.uri.path)),
    )
      ? 10
      : 0,
};

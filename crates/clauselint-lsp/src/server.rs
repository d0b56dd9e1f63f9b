//! The protocol side: open documents, the per-document analysis worker, and the request handlers.
//!
//! Each open document has a rope (edited in place by incremental changes), the client's version,
//! and an internal *revision* that every edit and every configuration change bumps. A worker task
//! per document waits for a new revision, debounces, snapshots the rope (an O(1) clone) and runs the
//! analysis on the blocking pool, so the notification handlers never wait for it. The analysis
//! gives up between steps once its revision is no longer current, and its diagnostics are published
//! only if its revision is still the document's revision right before sending. Requests (hover,
//! definition, …) use the analysis of the current revision, computing it on demand if the worker
//! has not caught up yet, so their positions always refer to the text the client sees.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use clauselint_analyzer::rule_by_id;
use ropey::Rope;
use serde_json::{json, Value};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::analysis::{format_for, warm_up_in_background, Analysis, Engine, Job, SOURCE};
use crate::analyst;
use crate::config::Config;
use crate::docs::{fold, rule_doc_uri, rule_markdown};
use crate::features::{self, ClientFlags, EXPLAIN_COMMAND, EXPLAIN_KIND};
use crate::outbox::Outbox;
use crate::position::{offset_of_position, span_of_range};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Wake {
    revision: u64,
    /// Skip the debounce (opening a document, changing the configuration).
    immediate: bool,
}

struct DocEntry {
    rope: Rope,
    version: i32,
    format: clauselint_parser::Format,
    /// The last analysis's state, which the next one updates (see `clauselint_analyzer::incremental`).
    incremental: Arc<Mutex<Option<clauselint_analyzer::Incremental>>>,
    /// The current revision, readable without the lock by an analysis in progress.
    revision: Arc<AtomicU64>,
    latest: Option<Arc<Analysis>>,
    /// The revision an analysis is running (or queued) for.
    inflight: Option<u64>,
    /// The highest revision whose analysis has finished or been dropped; requests waiting for an
    /// analysis already under way watch it.
    settled: watch::Sender<u64>,
    published: u64,
    wake: watch::Sender<Wake>,
    worker: Option<JoinHandle<()>>,
}

pub(crate) struct Shared {
    client: Client,
    /// Where diagnostics are written when the server owns its output (`serve`); without one they
    /// go through `client`.
    outbox: Option<Outbox>,
    docs: Mutex<HashMap<Uri, DocEntry>>,
    engine: RwLock<Arc<Engine>>,
    flags: RwLock<ClientFlags>,
    next_revision: AtomicU64,
    startup_warnings: Mutex<Vec<String>>,
}

/// The language server. Cheap to clone into tasks through its shared state.
pub struct Backend {
    shared: Arc<Shared>,
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Backend::with_config(client, Config::default(), None)
    }

    /// A server starting from `config` rather than the defaults (tests use this for hooks that
    /// clients cannot set), publishing diagnostics through `outbox` when it owns its output.
    pub(crate) fn with_config(client: Client, config: Config, outbox: Option<Outbox>) -> Self {
        Backend {
            shared: Arc::new(Shared {
                client,
                outbox,
                docs: Mutex::new(HashMap::new()),
                engine: RwLock::new(Arc::new(Engine::new(config))),
                flags: RwLock::new(ClientFlags::default()),
                next_revision: AtomicU64::new(1),
                startup_warnings: Mutex::new(Vec::new()),
            }),
        }
    }
}

/// Parameters of the stand-in for a malformed client message (see `transport`).
#[derive(serde::Deserialize)]
pub(crate) struct InvalidMessage {
    code: i64,
    message: String,
}

impl Backend {
    pub(crate) async fn invalid_message(&self, params: InvalidMessage) -> Result<()> {
        Err(Error {
            code: params.code.into(),
            message: params.message.into(),
            data: None,
        })
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Shared {
    fn engine(&self) -> Arc<Engine> {
        self.engine
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn flags(&self) -> ClientFlags {
        *self
            .flags
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn next_revision(&self) -> u64 {
        self.next_revision.fetch_add(1, Ordering::Relaxed)
    }

    /// Marks every open document changed (the configuration changed) and wakes its worker.
    fn invalidate_all(&self) {
        let mut docs = lock(&self.docs);
        for entry in docs.values_mut() {
            let rev = self.next_revision();
            entry.revision.store(rev, Ordering::SeqCst);
            entry.wake.send_replace(Wake {
                revision: rev,
                immediate: true,
            });
        }
    }

    /// The analysis of the document's current revision: the cached one, or a new one. For the
    /// worker (`for_request == false`) the work is abandoned, and `None` returned, as soon as the
    /// document changes again; a request keeps it, since the request's positions refer to it.
    async fn analysis(self: &Arc<Self>, uri: &Uri, for_request: bool) -> Option<Arc<Analysis>> {
        let mut waited = false;
        let (job, current) = loop {
            let wait = {
                let mut docs = lock(&self.docs);
                let e = docs.get_mut(uri)?;
                let rev = e.revision.load(Ordering::SeqCst);
                if let Some(a) = e.latest.as_ref().filter(|a| a.revision == rev) {
                    return Some(a.clone());
                }
                if for_request && !waited && e.inflight == Some(rev) {
                    // The worker is on it: wait for its result rather than queue a second run.
                    (e.settled.subscribe(), rev)
                } else {
                    e.inflight = Some(rev);
                    let job = Job {
                        uri: uri.clone(),
                        rope: e.rope.clone(),
                        revision: rev,
                        version: e.version,
                        format: e.format,
                        engine: self.engine(),
                        incremental: e.incremental.clone(),
                    };
                    break (job, e.revision.clone());
                }
            };
            let (mut settled, rev) = wait;
            waited = true;
            let _ = tokio::time::timeout(
                std::time::Duration::from_secs(30),
                settled.wait_for(|&s| s >= rev),
            )
            .await;
        };
        let (rev, version, format, rope) =
            (job.revision, job.version, job.format, job.rope.clone());
        let result = analyst::run(move || {
            let stale = || !for_request && current.load(Ordering::SeqCst) != rev;
            Analysis::compute(job, &stale)
        })
        .await;
        let analysis = match result {
            Ok(Some(a)) => Some(Arc::new(a)),
            Ok(None) => None,
            Err(reason) => {
                let message = format!(
                    "clauselint could not analyse this document (internal error: {reason}); \
                     please report it."
                );
                self.client
                    .log_message(MessageType::ERROR, format!("{}: {message}", uri.as_str()))
                    .await;
                Some(Arc::new(Analysis {
                    uri: uri.clone(),
                    revision: rev,
                    version,
                    rope,
                    format,
                    doc: None,
                    findings: Vec::new(),
                    diagnostics: vec![Diagnostic {
                        severity: Some(DiagnosticSeverity::ERROR),
                        source: Some(SOURCE.into()),
                        code: Some(NumberOrString::String("internal-error".into())),
                        message,
                        ..Diagnostic::default()
                    }],
                }))
            }
        };
        let mut docs = lock(&self.docs);
        let mut replaced = None;
        if let Some(e) = docs.get_mut(uri) {
            if let Some(a) = &analysis {
                if e.revision.load(Ordering::SeqCst) == a.revision {
                    replaced = e.latest.replace(a.clone());
                }
            }
            if e.inflight == Some(rev) {
                e.inflight = None;
            }
            e.settled.send_if_modified(|s| {
                let newer = rev > *s;
                *s = (*s).max(rev);
                newer
            });
        }
        drop(docs);
        // The previous analysis (a whole document model and its findings) is freed off the
        // protocol loop: the diagnostics of this one are waiting to be published.
        if let Some(previous) = replaced {
            tokio::task::spawn_blocking(move || drop(previous));
        }
        analysis
    }

    /// Sends `textDocument/publishDiagnostics`, through the outbox when there is one.
    async fn publish(&self, uri: &Uri, diagnostics: &[Diagnostic], version: Option<i32>) {
        match &self.outbox {
            Some(outbox) => outbox.publish_diagnostics(uri, diagnostics, version),
            None => {
                self.client
                    .publish_diagnostics(uri.clone(), diagnostics.to_vec(), version)
                    .await;
            }
        }
    }

    /// Analyses the current revision if needed and publishes its diagnostics, unless the document
    /// changed in the meantime (then the next wake-up publishes fresher ones).
    async fn refresh(self: &Arc<Self>, uri: &Uri) {
        let Some(analysis) = self.analysis(uri, false).await else {
            return;
        };
        let publish = {
            let mut docs = lock(&self.docs);
            match docs.get_mut(uri) {
                Some(e)
                    if e.revision.load(Ordering::SeqCst) == analysis.revision
                        && e.published != analysis.revision =>
                {
                    e.published = analysis.revision;
                    true
                }
                _ => false,
            }
        };
        if publish {
            self.publish(uri, &analysis.diagnostics, Some(analysis.version))
                .await;
        }
    }

    async fn apply_config(self: &Arc<Self>, value: &Value) {
        let mut config = self.engine().config.clone();
        let warnings = config.update(value);
        *self
            .engine
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(Engine::new(config));
        for w in warnings {
            self.client
                .log_message(MessageType::WARNING, format!("clauselint settings: {w}"))
                .await;
        }
        self.invalidate_all();
    }

    /// Runs `f` on the current analysis of `uri`; a panic in a handler becomes an internal error
    /// for that request instead of taking the server down.
    async fn with_analysis<T>(
        self: &Arc<Self>,
        uri: &Uri,
        f: impl FnOnce(&Analysis, &ClientFlags) -> Option<T>,
    ) -> Result<Option<T>> {
        let Some(a) = self.analysis(uri, true).await else {
            return Ok(None);
        };
        let flags = self.flags();
        std::panic::catch_unwind(AssertUnwindSafe(|| f(&a, &flags)))
            .map_err(|p| Error::internal_error().with_message(analyst::panic_message(p)))
    }
}

trait WithMessage {
    fn with_message(self, message: String) -> Self;
}

impl WithMessage for Error {
    fn with_message(mut self, message: String) -> Self {
        self.message = message.into();
        self
    }
}

/// Waits for new revisions of one document, debounces them and publishes the analysis.
async fn worker(shared: Arc<Shared>, uri: Uri, mut rx: watch::Receiver<Wake>) {
    while rx.changed().await.is_ok() {
        let mut wake = *rx.borrow_and_update();
        while !wake.immediate {
            let delay = shared.engine().config.debounce;
            if delay.is_zero() {
                break;
            }
            tokio::select! {
                () = tokio::time::sleep(delay) => break,
                changed = rx.changed() => {
                    if changed.is_err() {
                        return;
                    }
                    wake = *rx.borrow_and_update();
                }
            }
        }
        shared.refresh(&uri).await;
    }
}

/// Settings sent as `{}` or `null` carry nothing: the client expects to be asked.
fn carries_settings(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Object(o) => !o.is_empty(),
        _ => true,
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let flags = ClientFlags::from_capabilities(&params.capabilities);
        *self
            .shared
            .flags
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = flags;
        if let Some(options) = &params.initialization_options {
            let mut config = self.shared.engine().config.clone();
            let warnings = config.update(options);
            *lock(&self.shared.startup_warnings) = warnings;
            *self
                .shared
                .engine
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(Engine::new(config));
        }
        // Build the rules' automata and the documentation pages before the first document, without
        // holding up the reply or the analysis thread (see `warm_up_in_background`). The pages
        // (file I/O, about 10 ms) get a thread of their own: written after the warm-up, they were
        // still being written when the first document's diagnostics needed their links.
        let engine = self.shared.engine();
        let _ = std::thread::Builder::new()
            .name("clauselint-docs".into())
            .spawn(move || {
                let _ = rule_doc_uri(
                    &engine.config,
                    clauselint_analyzer::all_rules()[0].meta().id,
                );
            });
        warm_up_in_background();
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(PositionEncodingKind::UTF16),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::new(EXPLAIN_KIND),
                        ]),
                        resolve_provider: Some(false),
                        work_done_progress_options: WorkDoneProgressOptions::default(),
                    },
                )),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![EXPLAIN_COMMAND.into()],
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                }),
                ..ServerCapabilities::default()
            },
            server_info: Some(ServerInfo {
                name: "clauselint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let warnings = std::mem::take(&mut *lock(&self.shared.startup_warnings));
        for w in warnings {
            self.shared
                .client
                .log_message(MessageType::WARNING, format!("clauselint settings: {w}"))
                .await;
        }
    }

    async fn shutdown(&self) -> Result<()> {
        for (_, e) in lock(&self.shared.docs).drain() {
            if let Some(w) = e.worker {
                w.abort();
            }
        }
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        // Everything up to the wake-up happens without an await, so notifications apply in order.
        let doc = params.text_document;
        let rev = self.shared.next_revision();
        let (tx, rx) = watch::channel(Wake {
            revision: rev,
            immediate: true,
        });
        let worker_task = tokio::spawn(worker(self.shared.clone(), doc.uri.clone(), rx));
        let format = format_for(&doc.uri, &doc.language_id);
        let entry = DocEntry {
            rope: Rope::from_str(&doc.text),
            version: doc.version,
            format,
            incremental: Arc::new(Mutex::new(None)),
            revision: Arc::new(AtomicU64::new(rev)),
            latest: None,
            inflight: None,
            settled: watch::channel(0).0,
            published: 0,
            wake: tx,
            worker: Some(worker_task),
        };
        let mut docs = lock(&self.shared.docs);
        if let Some(old) = docs
            .insert(doc.uri.clone(), entry)
            .and_then(|old| old.worker)
        {
            old.abort();
        }
        // The receiver has seen the initial value; send it again to start the first analysis.
        // (Sent under the lock, so the worker finds the entry when it wakes.)
        if let Some(e) = docs.get(&doc.uri) {
            e.wake.send_replace(Wake {
                revision: rev,
                immediate: true,
            });
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let mut docs = lock(&self.shared.docs);
        let Some(e) = docs.get_mut(&params.text_document.uri) else {
            return;
        };
        for change in &params.content_changes {
            crate::position::apply_change(&mut e.rope, change);
        }
        e.version = params.text_document.version;
        let rev = self.shared.next_revision();
        e.revision.store(rev, Ordering::SeqCst);
        e.wake.send_replace(Wake {
            revision: rev,
            immediate: false,
        });
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let removed = lock(&self.shared.docs).remove(&params.text_document.uri);
        if let Some(w) = removed.and_then(|e| e.worker) {
            w.abort();
        }
        self.shared
            .publish(&params.text_document.uri, &[], None)
            .await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let mut settings = params.settings;
        if !carries_settings(&settings) && self.shared.flags().configuration {
            let asked = self
                .shared
                .client
                .configuration(vec![ConfigurationItem {
                    scope_uri: None,
                    section: Some("clauselint".into()),
                }])
                .await;
            if let Ok(mut values) = asked {
                if !values.is_empty() {
                    settings = values.swap_remove(0);
                }
            }
        }
        self.shared.apply_config(&settings).await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        self.shared
            .with_analysis(&p.text_document.uri, |a, flags| {
                features::hover(a, offset_of_position(&a.rope, p.position), flags)
            })
            .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        self.shared
            .with_analysis(&p.text_document.uri, |a, flags| {
                features::definition(a, offset_of_position(&a.rope, p.position), flags)
            })
            .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let include = params.context.include_declaration;
        self.shared
            .with_analysis(&p.text_document.uri, |a, _| {
                features::references(a, offset_of_position(&a.rope, p.position), include)
            })
            .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.shared
            .with_analysis(&params.text_document.uri, features::document_symbols)
            .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let only = params.context.only;
        self.shared
            .with_analysis(&params.text_document.uri, |a, flags| {
                let span = span_of_range(&a.rope, params.range);
                Some(features::code_actions(a, span, only.as_deref(), flags))
            })
            .await
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        if params.command != EXPLAIN_COMMAND {
            return Err(Error::invalid_params(format!(
                "unknown command {:?}",
                params.command
            )));
        }
        let Some(id) = params.arguments.first().and_then(Value::as_str) else {
            return Err(Error::invalid_params("expected a rule id as the argument"));
        };
        let Some(rule) = rule_by_id(id) else {
            return Err(Error::invalid_params(format!("unknown rule {id:?}")));
        };
        let meta = rule.meta();
        let markdown = rule_markdown(meta);
        let engine = self.shared.engine();
        let mut shown = false;
        if self.shared.flags().show_document {
            if let Some(uri) = rule_doc_uri(&engine.config, id) {
                let external = uri.scheme().as_str() != "file";
                shown = self
                    .shared
                    .client
                    .show_document(ShowDocumentParams {
                        uri,
                        external: Some(external),
                        take_focus: Some(true),
                        selection: None,
                    })
                    .await
                    .unwrap_or(false);
            }
        }
        if !shown {
            let d = &meta.doc;
            self.shared
                .client
                .show_message(
                    MessageType::INFO,
                    format!(
                        "{}: {} Why it matters: {} Suggested language: {}",
                        meta.id,
                        fold(d.summary),
                        fold(d.why),
                        fold(d.suggested)
                    ),
                )
                .await;
        }
        Ok(Some(
            json!({ "rule": id, "markdown": markdown, "shownDocument": shown }),
        ))
    }
}

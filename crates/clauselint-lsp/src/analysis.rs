//! One analysis of one version of a document: the parsed model, the findings at or above the
//! minimum severity, and the diagnostics published for them. Immutable once built; requests read it
//! through an `Arc`, and its rope is the text every position in a request is resolved against.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use clauselint_config::{Overrides, Playbook};

use clauselint_analyzer::{Analyzer, Finding, FindingKind, Incremental, Severity};
use clauselint_parser::{format_for_path, parse, DiagnosticLevel, Document, Format, Span};
use ropey::Rope;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};

use crate::config::Config;
use crate::docs::rule_doc_uri;
use crate::position::{range_of_span, Positions};

pub const SOURCE: &str = "clauselint";

/// The configuration in force, with the analyzer built from it.
pub struct Engine {
    pub config: Config,
    /// Playbooks read so far, by configuration file, with the file's modification time: an
    /// edited `clauselint.toml` (or rule file) is read again on the next analysis.
    playbooks: Mutex<HashMap<PathBuf, CachedPlaybook>>,
    /// The analyzer of the client's settings alone, built once so that a document's incremental
    /// analysis can tell it is still the one in force.
    plain: Arc<Analyzer>,
    /// Each rule's documentation link, made once: every diagnostic carries one, and building a
    /// `file:` URI (path, percent-encoding, parse) for each of hundreds of findings on every
    /// keystroke was a third of turning findings into diagnostics.
    doc_links: Mutex<HashMap<&'static str, Option<Uri>>>,
}

struct CachedPlaybook {
    /// The configuration, its custom rule files and their folders.
    watched: Vec<PathBuf>,
    stamp: Vec<Option<SystemTime>>,
    /// The analyzer, with the errors of rule files that were skipped; or why the playbook could
    /// not be used.
    result: Result<(Arc<Analyzer>, Option<String>), String>,
}

/// Modification times of the files a playbook was read from (a folder's changes when a rule file
/// is added or removed), so that editing any of them reloads the playbook.
fn stamp_of(watched: &[PathBuf]) -> Vec<Option<SystemTime>> {
    watched
        .iter()
        .map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
        .collect()
}

impl Engine {
    pub fn new(config: Config) -> Self {
        Engine {
            plain: Arc::new(Analyzer::new(config.settings.clone())),
            config,
            playbooks: Mutex::new(HashMap::new()),
            doc_links: Mutex::new(HashMap::new()),
        }
    }

    /// [`rule_doc_uri`] of a rule under this configuration, remembered.
    pub fn rule_doc_link(&self, rule: &'static str) -> Option<Uri> {
        let mut links = self
            .doc_links
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        links
            .entry(rule)
            .or_insert_with(|| rule_doc_uri(&self.config, rule))
            .clone()
    }

    /// The configuration file for a document: the `configPath` setting (relative to the
    /// document's folder when relative), else the nearest `clauselint.toml` above the document.
    pub fn config_file_for(&self, uri: &Uri) -> Option<PathBuf> {
        let document = uri.to_file_path().map(|p| p.into_owned());
        match (&self.config.config_path, &document) {
            (Some(explicit), _) if Path::new(explicit).is_absolute() => Some(explicit.into()),
            (Some(explicit), Some(doc)) => {
                Some(doc.parent().unwrap_or(Path::new(".")).join(explicit))
            }
            (Some(explicit), None) => Some(explicit.into()),
            (None, Some(doc)) => clauselint_config::discover(doc),
            (None, None) => None,
        }
    }

    /// The analyzer for a document: its playbook with the client's settings on top, or the
    /// error that keeps the playbook from being used (the client's settings alone then apply).
    pub fn analyzer_for(&self, uri: &Uri) -> (Arc<Analyzer>, Option<String>) {
        let Some(config_file) = self.config_file_for(uri) else {
            return (self.plain.clone(), None);
        };
        let mut cache = self
            .playbooks
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let fresh = cache
            .get(&config_file)
            .is_some_and(|c| stamp_of(&c.watched) == c.stamp);
        if !fresh {
            let overrides = Overrides {
                disable: self.config.settings.disabled.clone(),
                enable: Vec::new(),
                severities: self.config.settings.severities.clone(),
                report_unused_suppressions: self.config.settings.report_unused_suppressions,
            };
            let mut watched = vec![config_file.clone()];
            let result = match Playbook::load(&config_file) {
                Ok(p) => {
                    for source in p.custom_sources.values() {
                        watched.push(source.clone());
                        if let Some(dir) =
                            source.parent().filter(|d| !watched.iter().any(|w| w == d))
                        {
                            watched.push(dir.to_path_buf());
                        }
                    }
                    let shown: Vec<String> =
                        p.rule_errors.iter().map(ToString::to_string).collect();
                    let rule_errors = (!shown.is_empty()).then(|| shown.join("; "));
                    Ok((Arc::new(p.analyzer(&overrides)), rule_errors))
                }
                Err(e) => Err(e.to_string()),
            };
            let stamp = stamp_of(&watched);
            cache.insert(
                config_file.clone(),
                CachedPlaybook {
                    watched,
                    stamp,
                    result,
                },
            );
        }
        match &cache[&config_file].result {
            Ok((analyzer, rule_errors)) => (analyzer.clone(), rule_errors.clone()),
            Err(e) => (self.plain.clone(), Some(e.clone())),
        }
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new(Config::default())
    }
}

/// Markdown or plain text, from the client's language id or else the URI's extension.
pub fn format_for(uri: &Uri, language_id: &str) -> Format {
    match language_id.to_ascii_lowercase().as_str() {
        "markdown" | "md" => Format::Markdown,
        "plaintext" | "text" | "txt" => Format::Text,
        _ => match format_for_path(uri.path().as_str()) {
            Format::Markdown => Format::Markdown,
            // PDF and Word are read from their files by the CLI; an editor hands over text.
            Format::Text | Format::Pdf | Format::Docx => Format::Text,
        },
    }
}

/// What an analysis needs: a snapshot of one revision of a document.
pub struct Job {
    pub uri: Uri,
    pub rope: Rope,
    pub revision: u64,
    pub version: i32,
    pub format: Format,
    pub engine: Arc<Engine>,
    /// The document's previous analysis, which this one updates rather than redoes.
    pub incremental: Arc<Mutex<Option<Incremental>>>,
}

pub struct Analysis {
    pub uri: Uri,
    /// Internal counter: bumped by every edit and every configuration change.
    pub revision: u64,
    /// The client's version of the text analysed.
    pub version: i32,
    pub rope: Rope,
    pub format: Format,
    /// `None` when the document was too large to analyse.
    pub doc: Option<Arc<Document>>,
    /// Findings at or above the minimum severity, in position order.
    pub findings: Vec<Finding>,
    /// `diagnostics[i]` is `findings[i]` for `i < findings.len()`; after them come notices (parse
    /// problems, a document too large to analyse).
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Parses and analyses a snapshot. `is_stale` is asked between the steps; when it says the
    /// snapshot is no longer current, the work stops and `None` is returned.
    pub fn compute(job: Job, is_stale: &dyn Fn() -> bool) -> Option<Analysis> {
        if is_stale() {
            return None;
        }
        let Job {
            uri,
            rope,
            revision,
            version,
            format,
            engine,
            incremental,
        } = job;
        let config = &engine.config;
        let mut analysis = Analysis {
            uri,
            revision,
            version,
            rope,
            format,
            doc: None,
            findings: Vec::new(),
            diagnostics: Vec::new(),
        };
        if analysis.rope.len_bytes() > config.max_document_bytes {
            analysis.diagnostics.push(Diagnostic {
                severity: Some(DiagnosticSeverity::INFORMATION),
                source: Some(SOURCE.into()),
                code: Some(NumberOrString::String("too-large".into())),
                message: format!(
                    "Not analysed: the document is {:.1} MB, more than the {:.1} MB limit \
                     (setting `maxDocumentBytes`).",
                    mb(analysis.rope.len_bytes()),
                    mb(config.max_document_bytes)
                ),
                ..Diagnostic::default()
            });
            return Some(analysis);
        }
        // One allocation of the rope's length, filled chunk by chunk (ropey's own conversion).
        let text = String::from(&analysis.rope);
        let doc = Arc::new(parse(&text, format));
        drop(text);
        if !config.analysis_delay.is_zero() {
            std::thread::sleep(config.analysis_delay);
        }
        if is_stale() {
            return None;
        }
        let (analyzer, playbook_error) = engine.analyzer_for(&analysis.uri);
        let findings: Vec<Finding> = {
            let mut slot = incremental
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            // A panic halfway through an update must not leave a half-updated state behind.
            let previous = slot.take();
            let state = match previous {
                Some(mut state) if Arc::ptr_eq(state.analyzer(), &analyzer) => {
                    state.update(doc.clone());
                    state
                }
                _ => Incremental::new(analyzer, doc.clone()),
            };
            let findings = state
                .findings()
                .iter()
                .filter(|f| f.severity >= config.min_severity)
                .cloned()
                .collect();
            *slot = Some(state);
            findings
        };
        if is_stale() {
            return None;
        }
        let positions = Positions::new(&analysis.rope, &doc.source, &doc.lines);
        analysis.diagnostics = findings
            .iter()
            .map(|f| finding_diagnostic(&analysis.uri, &positions, &engine, f))
            .collect();
        analysis
            .diagnostics
            .extend(doc.diagnostics.iter().map(|d| Diagnostic {
                range: positions.range(d.span.unwrap_or_default()),
                severity: Some(match d.level {
                    DiagnosticLevel::Error => DiagnosticSeverity::ERROR,
                    DiagnosticLevel::Warning => DiagnosticSeverity::WARNING,
                }),
                source: Some(SOURCE.into()),
                code: Some(NumberOrString::String("parse".into())),
                message: d.message.clone(),
                ..Diagnostic::default()
            }));
        if let Some(error) = playbook_error {
            analysis.diagnostics.push(Diagnostic {
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some(SOURCE.into()),
                code: Some(NumberOrString::String("config".into())),
                message: format!("clauselint configuration: {error}"),
                ..Diagnostic::default()
            });
        }
        analysis.findings = findings;
        analysis.doc = Some(doc);
        Some(analysis)
    }

    pub fn range(&self, span: Span) -> tower_lsp_server::ls_types::Range {
        range_of_span(&self.rope, span)
    }
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// A finding as the protocol shows it: rule id as the code, a link to the rule's page, and the
/// definitions it relied on as related information.
pub fn finding_diagnostic(
    uri: &Uri,
    positions: &Positions,
    engine: &Engine,
    f: &Finding,
) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), positions.range(r.span)),
            message: r.message.clone(),
        })
        .collect();
    let message = match f.kind {
        FindingKind::Risk => f.message.clone(),
        FindingKind::Protection => format!("Protection: {}", f.message),
    };
    Diagnostic {
        range: positions.range(f.span),
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: engine
            .rule_doc_link(f.rule)
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({
            "kind": match f.kind {
                FindingKind::Risk => "risk",
                FindingKind::Protection => "protection",
            }
        })),
    }
}

/// A real contract (from `corpus/examples`) for [`warm_up_in_background`].
const WARM_UP_CONTRACT: &str = include_str!("../../../corpus/examples/zoom-terms-of-service.md");

/// Runs every rule over the rules' own examples and a real contract, so that the first document a
/// user opens does not pay for compiling the regular expressions and automata, nor for filling
/// their lazily built search caches.
///
/// Compiling is most of that work and its results are shared by all threads, so it runs on
/// threads of its own, spread over the cores: each analyses a share of the rules' examples, and
/// the first then a real contract. The analysis thread is left free, so a document opened right
/// after `initialize` is analysed at once, on the other core, and only waits for what it needs:
/// an automaton a warm-up thread is building when the analysis reaches it (the analysis waits for
/// that one), and none of what it does not need. Returns without waiting.
pub fn warm_up_in_background() {
    let examples: Vec<&'static str> = clauselint_analyzer::all_rules()
        .iter()
        .map(|r| r.meta().doc.example)
        .collect();
    // The analysis thread takes one core.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get().saturating_sub(1))
        .clamp(1, 3);
    let share = examples.len().div_ceil(threads).max(1);
    let mut parts: Vec<String> = examples.chunks(share).map(|p| p.join("\n\n")).collect();
    let first = parts.remove(0);
    for sample in parts {
        // Without a thread for it, what this share would compile is compiled when needed.
        let _ = std::thread::Builder::new()
            .name("clauselint-warm-up".into())
            .spawn(move || {
                let _ = Analyzer::default().analyze(&parse(&sample, Format::Markdown));
            });
    }
    let run_first = move || {
        let _ = Analyzer::default().analyze(&parse(&first, Format::Markdown));
        let _ = Analyzer::default().analyze(&parse(WARM_UP_CONTRACT, Format::Markdown));
    };
    // No thread to spare: the first document compiles what it needs itself.
    let _ = std::thread::Builder::new()
        .name("clauselint-warm-up".into())
        .spawn(run_first);
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn analyse(text: &str, format: Format) -> Analysis {
        analyse_with(text, format, Config::default())
    }

    pub fn analyse_with(text: &str, format: Format, config: Config) -> Analysis {
        let ext = if format == Format::Markdown {
            "md"
        } else {
            "txt"
        };
        Analysis::compute(
            Job {
                uri: format!("file:///tmp/contract.{ext}").parse().unwrap(),
                rope: Rope::from_str(text),
                revision: 1,
                version: 1,
                format,
                engine: Arc::new(Engine::new(config)),
                incremental: Arc::default(),
            },
            &|| false,
        )
        .expect("not stale")
    }

    fn analyse_at(dir: &Path, text: &str, engine: &Arc<Engine>) -> Analysis {
        Analysis::compute(
            Job {
                uri: Uri::from_file_path(dir.join("contract.md")).unwrap(),
                rope: Rope::from_str(text),
                revision: 1,
                version: 1,
                format: Format::Markdown,
                engine: engine.clone(),
                incremental: Arc::default(),
            },
            &|| false,
        )
        .expect("not stale")
    }

    #[test]
    fn a_playbook_found_above_the_document_or_named_in_settings_applies() {
        let dir =
            std::env::temp_dir().join(format!("clauselint-lsp-playbook-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("rules")).unwrap();
        std::fs::write(
            dir.join("clauselint.toml"),
            "custom_rules = \"rules\"\n[rules]\n\"ai-training/*\" = \"off\"\n[vocabulary]\ncustomer-content = [\"Deal Papers\"]\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("rules/perpetual.toml"),
            "id = \"custom/perpetual\"\nmessage = \"Perpetual.\"\ndescription = \"d\"\nrequires = [\"customer-content\"]\nphrases = [\"perpetual\"]\nunless_negated = true\n",
        )
        .unwrap();
        let text = "We may use the Deal Papers to train our AI models.\n\nYou grant us a perpetual licence to the Deal Papers.\n\nWe will never hold a perpetual licence to the Deal Papers.\n";
        let engine = Arc::new(Engine::new(Config::default()));
        let a = analyse_at(&dir, text, &engine);
        let rules: Vec<&str> = a.findings.iter().map(|f| f.rule).collect();
        assert!(rules.contains(&"custom/perpetual"), "{rules:?}");
        assert_eq!(
            rules.iter().filter(|r| **r == "custom/perpetual").count(),
            1
        );
        assert!(
            !rules.iter().any(|r| r.starts_with("ai-training/")),
            "{rules:?}"
        );

        // The client's settings beat the file.
        let mut config = Config::default();
        config.settings.disabled = vec!["custom/*".into()];
        let a = analyse_at(&dir, text, &Arc::new(Engine::new(config)));
        assert!(!a.findings.iter().any(|f| f.rule == "custom/perpetual"));

        // An edited configuration is read again; an error in it is shown, with its line.
        std::fs::write(
            dir.join("clauselint.toml"),
            "[rules]\n\"ai-training/nope\" = \"off\"\n",
        )
        .unwrap();
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::File::options()
            .write(true)
            .open(dir.join("clauselint.toml"))
            .unwrap()
            .set_modified(later)
            .unwrap();
        let a = analyse_at(&dir, text, &engine);
        let notice = a
            .diagnostics
            .iter()
            .find(|d| d.code == Some(NumberOrString::String("config".into())))
            .expect("a configuration error is shown");
        assert!(
            notice.message.contains("clauselint.toml:2:"),
            "{}",
            notice.message
        );
        // The broken playbook is not half-applied: its custom rule is gone too.
        assert!(!a.findings.iter().any(|f| f.rule == "custom/perpetual"));

        // `configPath` names a configuration elsewhere, relative to the document's folder.
        std::fs::create_dir_all(dir.join("team")).unwrap();
        std::fs::write(
            dir.join("team/playbook.toml"),
            "[rules]\n\"ai-training/*\" = \"off\"\n",
        )
        .unwrap();
        let config = Config {
            config_path: Some("team/playbook.toml".into()),
            ..Config::default()
        };
        let a = analyse_at(&dir, text, &Arc::new(Engine::new(config)));
        assert!(!a
            .findings
            .iter()
            .any(|f| f.rule.starts_with("ai-training/")));
        assert!(!a
            .diagnostics
            .iter()
            .any(|d| d.code == Some(NumberOrString::String("config".into()))));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn format_follows_language_id_then_extension() {
        let md: Uri = "file:///a/b.md".parse().unwrap();
        let txt: Uri = "file:///a/b.txt".parse().unwrap();
        assert_eq!(format_for(&md, "markdown"), Format::Markdown);
        assert_eq!(format_for(&md, ""), Format::Markdown);
        assert_eq!(format_for(&md, "plaintext"), Format::Text);
        assert_eq!(format_for(&txt, "whatever"), Format::Text);
        assert_eq!(format_for(&txt, "markdown"), Format::Markdown);
    }

    #[test]
    fn findings_become_diagnostics_with_code_source_and_link() {
        let mut seen = 0;
        for rule in clauselint_analyzer::all_rules() {
            let a = analyse(rule.meta().doc.example, Format::Markdown);
            assert_eq!(a.findings.len(), a.diagnostics.len());
            for (f, d) in a.findings.iter().zip(&a.diagnostics) {
                seen += 1;
                assert_eq!(d.code, Some(NumberOrString::String(f.rule.into())));
                assert_eq!(d.source.as_deref(), Some(SOURCE));
                assert!(d.code_description.is_some(), "{}", f.rule);
                assert_eq!(d.range, a.range(f.span));
                assert_eq!(
                    d.related_information.as_ref().map_or(0, Vec::len),
                    f.related.len()
                );
                let kind = d.data.as_ref().unwrap()["kind"].as_str().unwrap();
                assert_eq!(kind == "risk", f.kind == FindingKind::Risk);
            }
        }
        assert!(seen > 0, "the rules' examples produce findings");
    }

    #[test]
    fn min_severity_and_disabled_rules_filter() {
        let meta = clauselint_analyzer::all_rules()[0].meta();
        let mut config = Config::default();
        config.settings.disabled = vec![format!("{}/*", meta.group())];
        let a = analyse_with(meta.doc.example, Format::Text, config);
        assert!(a.findings.iter().all(|f| !f.rule.starts_with(meta.group())));
        let config = Config {
            min_severity: Severity::Error,
            ..Config::default()
        };
        let a = analyse_with(meta.doc.example, Format::Text, config);
        assert!(a.findings.iter().all(|f| f.severity == Severity::Error));
        assert_eq!(a.findings.len(), a.diagnostics.len());
    }

    #[test]
    fn too_large_documents_get_one_notice() {
        let config = Config {
            max_document_bytes: 10,
            ..Config::default()
        };
        let a = analyse_with("This text is longer than ten bytes.", Format::Text, config);
        assert!(a.doc.is_none() && a.findings.is_empty());
        assert_eq!(a.diagnostics.len(), 1);
        assert!(a.diagnostics[0].message.contains("maxDocumentBytes"));
    }

    #[test]
    fn a_stale_snapshot_is_abandoned() {
        let job = Job {
            uri: "file:///x.md".parse().unwrap(),
            rope: Rope::from_str("text"),
            revision: 1,
            version: 1,
            format: Format::Markdown,
            engine: Arc::new(Engine::default()),
            incremental: Arc::default(),
        };
        assert!(Analysis::compute(job, &|| true).is_none());
    }
}

//! One analysis of one version of a document: the parsed model, the findings at or above the
//! minimum severity, and the diagnostics published for them. Immutable once built; requests read it
//! through an `Arc`, and its rope is the text every position in a request is resolved against.

use std::sync::Arc;

use clauselint_analyzer::{Analyzer, Finding, FindingKind, Severity};
use clauselint_parser::{format_for_path, parse, DiagnosticLevel, Document, Format, Span};
use ropey::Rope;
use tower_lsp_server::ls_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};

use crate::config::Config;
use crate::docs::rule_doc_uri;
use crate::position::range_of_span;

pub const SOURCE: &str = "clauselint";

/// The configuration in force, with the analyzer built from it.
pub struct Engine {
    pub config: Config,
    pub analyzer: Analyzer,
}

impl Engine {
    pub fn new(config: Config) -> Self {
        let analyzer = Analyzer::new(config.settings.clone());
        Engine { config, analyzer }
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
    pub doc: Option<Document>,
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
        let text = analysis.rope.to_string();
        let doc = parse(&text, format);
        drop(text);
        if !config.analysis_delay.is_zero() {
            std::thread::sleep(config.analysis_delay);
        }
        if is_stale() {
            return None;
        }
        let findings: Vec<Finding> = engine
            .analyzer
            .analyze(&doc)
            .into_iter()
            .filter(|f| f.severity >= config.min_severity)
            .collect();
        if is_stale() {
            return None;
        }
        analysis.diagnostics = findings
            .iter()
            .map(|f| finding_diagnostic(&analysis.uri, &analysis.rope, config, f))
            .collect();
        analysis
            .diagnostics
            .extend(doc.diagnostics.iter().map(|d| Diagnostic {
                range: range_of_span(&analysis.rope, d.span.unwrap_or_default()),
                severity: Some(match d.level {
                    DiagnosticLevel::Error => DiagnosticSeverity::ERROR,
                    DiagnosticLevel::Warning => DiagnosticSeverity::WARNING,
                }),
                source: Some(SOURCE.into()),
                code: Some(NumberOrString::String("parse".into())),
                message: d.message.clone(),
                ..Diagnostic::default()
            }));
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
pub fn finding_diagnostic(uri: &Uri, rope: &Rope, config: &Config, f: &Finding) -> Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = f
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range_of_span(rope, r.span)),
            message: r.message.clone(),
        })
        .collect();
    let message = match f.kind {
        FindingKind::Risk => f.message.clone(),
        FindingKind::Protection => format!("Protection: {}", f.message),
    };
    Diagnostic {
        range: range_of_span(rope, f.span),
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: rule_doc_uri(config, f.rule).map(|href| CodeDescription { href }),
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

/// A real contract (from `corpus/examples`) for [`warm_up`].
const WARM_UP_CONTRACT: &str = include_str!("../../../corpus/examples/zoom-terms-of-service.md");

/// Runs every rule over the rules' own examples and a real contract, so that the first document a
/// user opens does not pay for compiling the regular expressions and automata, nor for filling
/// their lazily built search caches.
pub fn warm_up() {
    let mut sample: String = clauselint_analyzer::all_rules()
        .iter()
        .map(|r| r.meta().doc.example)
        .collect::<Vec<_>>()
        .join("\n\n");
    sample.push_str("\n\n");
    sample.push_str(WARM_UP_CONTRACT);
    let doc = parse(&sample, Format::Markdown);
    let _ = Analyzer::default().analyze(&doc);
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
            },
            &|| false,
        )
        .expect("not stale")
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
        };
        assert!(Analysis::compute(job, &|| true).is_none());
    }
}

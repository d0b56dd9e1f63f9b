//! SARIF 2.1.0 output, streamed: results are written as files finish, the tool's rule table and
//! the notifications for unreadable files close the log.

use std::io::{self, Write};

use clauselint_analyzer::all_rules;
use serde_json::{json, Value};

use crate::report::JsonFile;
use crate::scan::fingerprint;

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub struct SarifWriter {
    started: bool,
    first_result: bool,
}

fn level(severity: &str) -> &'static str {
    match severity {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    }
}

fn rules() -> Vec<Value> {
    all_rules()
        .iter()
        .map(|r| {
            let m = r.meta();
            json!({
                "id": m.id,
                "shortDescription": { "text": m.doc.summary },
                "fullDescription": { "text": crate::fold(m.doc.why) },
                "help": {
                    "text": format!("{}\n\nExample: {}\n\nSuggested language: {}", crate::fold(m.doc.why), crate::fold(m.doc.example), crate::fold(m.doc.suggested)),
                },
                "defaultConfiguration": { "level": level(m.default_severity.as_str()) },
            })
        })
        .collect()
}

impl SarifWriter {
    pub fn new() -> Self {
        SarifWriter {
            started: false,
            first_result: true,
        }
    }

    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write!(
                out,
                "{{\"$schema\":\"{SARIF_SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":{}}},\"results\":[",
                json!({
                    "name": "clauselint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/clauselint/clauselint",
                    "rules": rules(),
                })
            )?;
        }
        Ok(())
    }

    pub fn write_file(&mut self, out: &mut dyn Write, file: &JsonFile) -> io::Result<()> {
        self.start(out)?;
        for f in &file.findings {
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&file.path) },
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                            "byteOffset": f.start,
                            "byteLength": f.end - f.start,
                            "snippet": { "text": f.quote },
                        }
                    }
                }],
                "partialFingerprints": { "clauselintQuote/v1": fingerprint(f.rule, &f.quote) },
                "properties": { "kind": f.kind, "clause": f.clause, "page": f.page, "documentLevel": f.document_level },
            });
            if let Some(s) = &f.suggestion {
                result["fixes"] =
                    json!([{ "description": { "text": format!("Suggested language: {s}") } }]);
            }
            if !self.first_result {
                out.write_all(b",")?;
            }
            self.first_result = false;
            serde_json::to_writer(&mut *out, &result).map_err(io::Error::other)?;
        }
        Ok(())
    }

    /// Close the results, and report files that could not be read (errors) or were read only in
    /// part (warnings) as tool notifications.
    pub fn finish(
        mut self,
        out: &mut dyn Write,
        failed: &[(String, String)],
        read_in_part: &[(String, String)],
    ) -> io::Result<()> {
        self.start(out)?;
        let notification = |level: &str, path: &str, text: &str| {
            json!({
                "level": level,
                "message": { "text": text },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(path) } } }],
            })
        };
        let notifications: Vec<Value> = failed
            .iter()
            .map(|(path, reason)| notification("error", path, reason))
            .chain(
                read_in_part
                    .iter()
                    .map(|(path, gaps)| notification("warning", path, gaps)),
            )
            .collect();
        write!(
            out,
            "],\"invocations\":[{}]}}]}}",
            json!({ "executionSuccessful": true, "toolExecutionNotifications": notifications })
        )?;
        out.write_all(b"\n")
    }
}

/// A relative URI reference for a path (SARIF wants URIs, with `/` separators and escapes).
fn uri(path: &str) -> String {
    let mut out = String::new();
    for c in path.replace('\\', "/").chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' | '.' | '~' | '/' => out.push(c),
            _ => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

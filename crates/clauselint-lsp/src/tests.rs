//! The server driven in-process through its real framing (Content-Length headers over byte
//! pipes): debouncing, staleness, robustness against malformed input, and the request handlers as a
//! client sees them.

use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::task::JoinHandle;
use tokio::time::{timeout, Instant};

use crate::config::Config;

const URI: &str = "file:///tmp/contract.md";
const WAIT: Duration = Duration::from_secs(20);

struct Client {
    to_server: DuplexStream,
    from_server: BufReader<DuplexStream>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    inbox: Vec<Value>,
    server: JoinHandle<()>,
}

impl Client {
    async fn start(config: Config) -> Client {
        let (to_server, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, from_server) = tokio::io::duplex(1 << 16);
        let server = tokio::spawn(crate::serve_with(config, server_in, server_out));
        Client {
            to_server,
            from_server: BufReader::new(from_server),
            next_id: 1,
            inbox: Vec::new(),
            server,
        }
    }

    async fn initialized(config: Config, options: Value) -> Client {
        let mut c = Client::start(config).await;
        let caps = json!({
            "textDocument": {
                "definition": {"linkSupport": false},
                "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "publishDiagnostics": {"versionSupport": true}
            },
            "window": {"showDocument": {"support": true}},
            "workspace": {"configuration": true, "workspaceEdit": {"documentChanges": true}}
        });
        let r = c
            .request(
                "initialize",
                json!({"processId": null, "rootUri": null, "capabilities": caps,
                       "initializationOptions": options}),
            )
            .await;
        assert_eq!(
            r["result"]["capabilities"]["textDocumentSync"]["change"], 2,
            "{r}"
        );
        c.notify("initialized", json!({})).await;
        c
    }

    async fn send_raw(&mut self, body: &[u8]) {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        self.to_server.write_all(header.as_bytes()).await.unwrap();
        self.to_server.write_all(body).await.unwrap();
        self.to_server.flush().await.unwrap();
    }

    async fn send(&mut self, msg: Value) {
        self.send_raw(msg.to_string().as_bytes()).await;
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    async fn recv(&mut self) -> Value {
        let mut len = None;
        loop {
            let mut line = String::new();
            let n = self.from_server.read_line(&mut line).await.unwrap();
            assert!(n > 0, "server closed its output");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = Some(v.parse::<usize>().unwrap());
            }
        }
        let mut body = vec![0; len.expect("Content-Length")];
        self.from_server.read_exact(&mut body).await.unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// Reads one message, answering the server's own requests on the way.
    async fn next_message(&mut self) -> Value {
        loop {
            let msg = timeout(WAIT, self.recv()).await.expect("a message in time");
            if msg.get("method").is_some() && msg.get("id").is_some() {
                let result = match msg["method"].as_str().unwrap() {
                    "workspace/configuration" => json!([{"disabled": ["no/such-rule"]}]),
                    "window/showDocument" => json!({"success": true}),
                    _ => Value::Null,
                };
                self.inbox.push(msg.clone());
                self.send(json!({"jsonrpc": "2.0", "id": msg["id"], "result": result}))
                    .await;
                continue;
            }
            return msg;
        }
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        loop {
            let msg = self.next_message().await;
            if msg.get("id") == Some(&json!(id)) && msg.get("method").is_none() {
                return msg;
            }
            self.inbox.push(msg);
        }
    }

    /// The next notification of `method` that `pred` accepts (earlier ones are kept in the inbox).
    async fn wait_for(&mut self, method: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self
            .inbox
            .iter()
            .position(|m| m["method"] == method && pred(&m["params"]))
        {
            return self.inbox.remove(i)["params"].clone();
        }
        let deadline = Instant::now() + WAIT;
        loop {
            assert!(Instant::now() < deadline, "no {method} in time");
            let msg = self.next_message().await;
            if msg["method"] == method && pred(&msg["params"]) {
                return msg["params"].clone();
            }
            self.inbox.push(msg);
        }
    }

    /// Every notification of `method` that arrives within `window`.
    async fn collect(&mut self, method: &str, window: Duration) -> Vec<Value> {
        let deadline = Instant::now() + window;
        while let Ok(msg) = tokio::time::timeout_at(deadline, self.recv()).await {
            self.inbox.push(msg);
        }
        let (hits, rest): (Vec<Value>, Vec<Value>) =
            self.inbox.drain(..).partition(|m| m["method"] == method);
        self.inbox = rest;
        hits.into_iter().map(|m| m["params"].clone()).collect()
    }

    async fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        )
        .await;
    }

    async fn change(&mut self, version: i32, range: Option<Value>, text: &str) {
        let mut change = json!({"text": text});
        if let Some(r) = range {
            change["range"] = r;
        }
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}),
        )
        .await;
    }

    async fn diagnostics_for_version(&mut self, version: i64) -> Vec<Value> {
        let p = self
            .wait_for("textDocument/publishDiagnostics", |p| {
                p["uri"] == URI && p["version"] == version
            })
            .await;
        p["diagnostics"].as_array().unwrap().clone()
    }

    async fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null).await;
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null).await;
        timeout(WAIT, self.server).await.unwrap().unwrap();
    }
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

fn fast() -> Config {
    Config {
        debounce: Duration::ZERO,
        ..Config::default()
    }
}

/// A rule whose documented example triggers it as a risk (the analyzer's own tests require that of
/// every rule; take the first that does, so that work in progress on one rule does not fail these).
fn example() -> (&'static str, &'static str) {
    clauselint_analyzer::all_rules()
        .iter()
        .map(|r| r.meta())
        .find(|m| {
            crate::analysis::tests::analyse(m.doc.example, clauselint_parser::Format::Markdown)
                .findings
                .iter()
                .any(|f| f.rule == m.id && f.kind == clauselint_analyzer::FindingKind::Risk)
        })
        .map(|m| (m.id, m.doc.example))
        .expect("some rule's example triggers it")
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_publishes_versioned_diagnostics_and_edits_update_them() {
    let (rule, text) = example();
    let mut c = Client::initialized(fast(), json!({})).await;
    c.open(URI, text).await;
    let diags = c.diagnostics_for_version(1).await;
    assert!(codes(&diags).contains(&rule.to_string()), "{diags:?}");
    let d = diags.iter().find(|d| d["code"] == rule).unwrap();
    assert_eq!(d["source"], "clauselint");
    assert!(d["codeDescription"]["href"].as_str().is_some());
    // Replace the whole text by something harmless: the finding goes.
    c.change(2, None, "# Nothing to see\n\nHello.\n").await;
    let diags = c.diagnostics_for_version(2).await;
    assert!(!codes(&diags).contains(&rule.to_string()), "{diags:?}");
    // Closing clears them.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    )
    .await;
    let p = c
        .wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == URI && p["diagnostics"] == json!([])
        })
        .await;
    assert!(p["version"].is_null());
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_is_debounced_and_only_the_last_version_is_published() {
    let (_, text) = example();
    let config = Config {
        debounce: Duration::from_millis(200),
        ..Config::default()
    };
    let mut c = Client::initialized(config, json!({})).await;
    c.open(URI, text).await;
    c.diagnostics_for_version(1).await;
    for v in 2..=6 {
        c.change(v, Some(range(0, 0, 0, 0)), "x").await;
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let published = c
        .collect(
            "textDocument/publishDiagnostics",
            Duration::from_millis(1500),
        )
        .await;
    let versions: Vec<&Value> = published.iter().map(|p| &p["version"]).collect();
    assert_eq!(
        versions,
        vec![&json!(6)],
        "one publish, for the last version"
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_during_analysis_drops_the_stale_result() {
    let (rule, text) = example();
    let config = Config {
        debounce: Duration::ZERO,
        analysis_delay: Duration::from_millis(400),
        ..Config::default()
    };
    let mut c = Client::initialized(config, json!({})).await;
    c.open(URI, text).await;
    // Version 1 is being analysed (the hook holds it for 400 ms) when version 2 arrives.
    tokio::time::sleep(Duration::from_millis(100)).await;
    c.change(2, None, "Nothing here.").await;
    let published = c
        .collect(
            "textDocument/publishDiagnostics",
            Duration::from_millis(2000),
        )
        .await;
    let versions: Vec<&Value> = published.iter().map(|p| &p["version"]).collect();
    assert_eq!(
        versions,
        vec![&json!(2)],
        "the stale version 1 is never published"
    );
    assert!(!codes(published[0]["diagnostics"].as_array().unwrap()).contains(&rule.to_string()));
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_unknown_and_out_of_range_messages_do_not_stop_the_server() {
    let (_, text) = example();
    let mut c = Client::initialized(fast(), json!({})).await;
    c.open(URI, text).await;
    c.diagnostics_for_version(1).await;
    // Not JSON at all: a parse error, and the server reads on.
    c.send_raw(b"{this is not json").await;
    let err = c.next_message().await;
    assert_eq!(err["error"]["code"], -32700, "{err}");
    // An unknown method, and an unknown notification.
    let r = c.request("clauselint/noSuchMethod", json!({})).await;
    assert_eq!(r["error"]["code"], -32601, "{r}");
    c.notify("clauselint/noSuchNotification", json!({"x": 1}))
        .await;
    // Parameters of the wrong shape.
    let r = c
        .request("textDocument/hover", json!({"position": "nowhere"}))
        .await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    // Positions far out of range clamp.
    let r = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 99999, "character": 99999}}),
        )
        .await;
    assert!(r.get("error").is_none(), "{r}");
    c.change(2, Some(range(99999, 5, 99999, 9)), "\nAppended.")
        .await;
    c.diagnostics_for_version(2).await;
    // A document never opened.
    let r = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": "file:///never/opened.md"}}),
        )
        .await;
    assert_eq!(r["result"], Value::Null, "{r}");
    // A change to a document never opened is ignored.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///never/opened.md", "version": 3},
               "contentChanges": [{"range": range(0, 0, 0, 0), "text": "x"}]}),
    )
    .await;
    // Still alive and correct.
    let r = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert!(r["result"].is_array(), "{r}");
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_paste_is_survived_and_undone() {
    let (rule, text) = example();
    let mut c = Client::initialized(fast(), json!({})).await;
    c.open(URI, text).await;
    c.diagnostics_for_version(1).await;
    let paste = "The Customer may terminate this Agreement. ".repeat(5 * 1024 * 1024 / 43 + 1);
    c.change(2, Some(range(0, 0, 0, 0)), &paste).await;
    let diags = c.diagnostics_for_version(2).await;
    assert_eq!(codes(&diags), vec!["too-large"], "{diags:?}");
    // Requests on the huge document answer (empty) rather than hang.
    let r = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 3}}),
        )
        .await;
    assert!(r.get("error").is_none(), "{r}");
    // Undo the paste: the findings are back.
    let chars = paste.encode_utf16().count() as u32;
    c.change(3, Some(range(0, 0, 0, chars)), "").await;
    let diags = c.diagnostics_for_version(3).await;
    assert!(codes(&diags).contains(&rule.to_string()), "{diags:?}");
    c.shutdown().await;
}

const CONTRACT: &str = "# Terms\r\n\r\n## 1. Definitions\r\n\r\n“Customer Content” means data you upload 😀 to the Services.\r\n\r\n## 2. Use\r\n\r\n2.1 We use Customer Content only as § 2.2 allows.\r\n\r\n2.2 Customer Content is deleted on request.\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn navigation_counts_utf16_on_crlf_text() {
    let mut c = Client::initialized(fast(), json!({})).await;
    c.open(URI, CONTRACT).await;
    c.diagnostics_for_version(1).await;
    let at = |line: u32, character: u32| json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}});
    // "2.1 We use Customer Content" — line 8, the use starts at column 11.
    let r = c.request("textDocument/definition", at(8, 13)).await;
    let loc = &r["result"];
    let loc = if loc.is_array() { &loc[0] } else { loc };
    // The definition on line 4 starts after the curly quote: column 1.
    assert_eq!(
        loc["range"]["start"],
        json!({"line": 4, "character": 1}),
        "{r}"
    );
    assert_eq!(
        loc["range"]["end"],
        json!({"line": 4, "character": 17}),
        "{r}"
    );
    let r = c.request("textDocument/hover", at(10, 6)).await;
    assert!(
        r["result"]["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("data you upload 😀 to the Services"),
        "{r}"
    );
    let mut p = at(8, 13);
    p["context"] = json!({"includeDeclaration": true});
    let r = c.request("textDocument/references", p).await;
    assert!(r["result"].as_array().unwrap().len() >= 3, "{r}");
    // "§ 2.2" on line 8 goes to clause 2.2 on line 10.
    let line8 = CONTRACT.split("\r\n").nth(8).unwrap();
    let col = line8[..line8.find("2.2").unwrap()].encode_utf16().count() as u32;
    let r = c.request("textDocument/definition", at(8, col + 1)).await;
    let loc = &r["result"];
    let loc = if loc.is_array() { &loc[0] } else { loc };
    assert_eq!(loc["range"]["start"]["line"], 10, "{r}");
    let r = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let text = r["result"].to_string();
    assert!(
        text.contains("1 Definitions") && text.contains("2.2"),
        "{r}"
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_configuration_and_explain() {
    let (rule, text) = example();
    let mut c = Client::initialized(fast(), json!({"minSeverity": "info"})).await;
    c.open(URI, text).await;
    let diags = c.diagnostics_for_version(1).await;
    let d = diags.iter().find(|d| d["code"] == rule).unwrap().clone();
    let r = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": d["range"],
                   "context": {"diagnostics": [d]}}),
        )
        .await;
    let actions = r["result"].as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.iter().any(|t| t.starts_with("Disable")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("Explain")),
        "{titles:?}"
    );
    let disable = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Disable"))
        .unwrap();
    let edit = &disable["edit"]["documentChanges"][0];
    assert_eq!(edit["textDocument"]["version"], 1);
    assert!(edit["edits"][0]["newText"]
        .as_str()
        .unwrap()
        .starts_with("<!-- clauselint-disable-next-line "));
    // Explain shows the rule's page.
    let r = c
        .request(
            "workspace/executeCommand",
            json!({"command": "clauselint.explain", "arguments": [rule]}),
        )
        .await;
    assert!(r["result"]["markdown"]
        .as_str()
        .unwrap()
        .contains("Why it matters"));
    assert!(c.inbox.iter().any(|m| m["method"] == "window/showDocument"));
    let r = c
        .request(
            "workspace/executeCommand",
            json!({"command": "clauselint.explain", "arguments": ["no/such-rule"]}),
        )
        .await;
    assert_eq!(r["error"]["code"], -32602);
    // Switching the rule off re-analyses at once.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"clauselint": {"disabled": [rule]}}}),
    )
    .await;
    let p = c
        .wait_for("textDocument/publishDiagnostics", |p| {
            !codes(p["diagnostics"].as_array().unwrap()).contains(&rule.to_string())
        })
        .await;
    assert_eq!(p["version"], 1);
    // Empty settings make the server ask (the test client answers with another list).
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    )
    .await;
    let p = c
        .wait_for("textDocument/publishDiagnostics", |p| {
            codes(p["diagnostics"].as_array().unwrap()).contains(&rule.to_string())
        })
        .await;
    assert_eq!(p["version"], 1);
    assert!(c
        .inbox
        .iter()
        .any(|m| m["method"] == "workspace/configuration"));
    c.shutdown().await;
}

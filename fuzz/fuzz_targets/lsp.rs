//! The language server driven in-process through its real framing, as `clauselint-lsp`'s own
//! tests do: initialize, open a document, then an arbitrary sequence of edits (ranges anywhere,
//! including past the end of a line or of the document, inside a surrogate pair, reversed), full
//! replacements, requests at arbitrary positions, malformed bodies and closes, then shutdown and
//! exit. The server must stay up and end cleanly; any panic (in the protocol loop or in an
//! analysis on the blocking pool) aborts the process and is reported as a crash.
#![no_main]

use std::time::Duration;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use tokio::io::AsyncWriteExt;

#[derive(Arbitrary, Debug)]
struct Position {
    line: u32,
    character: u32,
}

#[derive(Arbitrary, Debug)]
enum Op {
    Change {
        start: Position,
        end: Position,
        text: String,
    },
    ReplaceAll {
        text: String,
    },
    Hover {
        at: Position,
    },
    Definition {
        at: Position,
    },
    References {
        at: Position,
    },
    Symbols,
    CodeAction {
        start: Position,
        end: Position,
    },
    Raw {
        body: Vec<u8>,
    },
    Close,
    Reopen {
        text: String,
    },
    Settle,
}

#[derive(Arbitrary, Debug)]
struct Session {
    plain_text: bool,
    text: String,
    ops: Vec<Op>,
}

fn frame(msg: &Value) -> Vec<u8> {
    let body = msg.to_string();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body.as_bytes());
    out
}

fn pos(p: &Position) -> Value {
    json!({"line": p.line, "character": p.character})
}

fn messages(session: &Session) -> Vec<Option<Vec<u8>>> {
    let uri = if session.plain_text {
        "file:///nonexistent/fuzz/contract.txt"
    } else {
        "file:///nonexistent/fuzz/contract.md"
    };
    let doc = json!({"uri": uri});
    let mut id = 1;
    let mut request = |method: &str, params: Value| {
        id += 1;
        Some(frame(
            &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        ))
    };
    let notify = |method: &str, params: Value| {
        Some(frame(
            &json!({"jsonrpc": "2.0", "method": method, "params": params}),
        ))
    };
    let open = |text: &str| {
        notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
        )
    };
    let mut out = vec![
        request(
            "initialize",
            json!({"processId": null, "rootUri": null, "capabilities": {},
                   "initializationOptions": {"debounceMs": 0}}),
        ),
        notify("initialized", json!({})),
        open(&session.text),
    ];
    let mut version = 1;
    for op in session.ops.iter().take(24) {
        version += 1;
        out.push(match op {
            Op::Change { start, end, text } => notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version},
                       "contentChanges": [{"range": {"start": pos(start), "end": pos(end)}, "text": text}]}),
            ),
            Op::ReplaceAll { text } => notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version},
                       "contentChanges": [{"text": text}]}),
            ),
            Op::Hover { at } => request(
                "textDocument/hover",
                json!({"textDocument": doc, "position": pos(at)}),
            ),
            Op::Definition { at } => request(
                "textDocument/definition",
                json!({"textDocument": doc, "position": pos(at)}),
            ),
            Op::References { at } => request(
                "textDocument/references",
                json!({"textDocument": doc, "position": pos(at), "context": {"includeDeclaration": true}}),
            ),
            Op::Symbols => request("textDocument/documentSymbol", json!({"textDocument": doc})),
            Op::CodeAction { start, end } => request(
                "textDocument/codeAction",
                json!({"textDocument": doc, "range": {"start": pos(start), "end": pos(end)},
                       "context": {"diagnostics": []}}),
            ),
            Op::Raw { body } => {
                let mut m = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
                m.extend_from_slice(body);
                Some(m)
            }
            Op::Close => notify("textDocument/didClose", json!({"textDocument": doc})),
            Op::Reopen { text } => open(text),
            Op::Settle => None,
        });
    }
    out.push(request("shutdown", Value::Null));
    out.push(notify("exit", Value::Null));
    out
}

fuzz_target!(|session: Session| {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime");
    let messages = messages(&session);
    runtime.block_on(async move {
        let (mut to_server, server_in) = tokio::io::duplex(1 << 16);
        let (server_out, mut from_server) = tokio::io::duplex(1 << 16);
        let server = tokio::spawn(clauselint_lsp::serve(server_in, server_out));
        let drain = tokio::spawn(async move {
            let _ = tokio::io::copy(&mut from_server, &mut tokio::io::sink()).await;
        });
        for message in messages {
            match message {
                Some(bytes) => {
                    if to_server.write_all(&bytes).await.is_err() {
                        break;
                    }
                }
                None => tokio::time::sleep(Duration::from_millis(2)).await,
            }
        }
        let _ = to_server.shutdown().await;
        tokio::time::timeout(Duration::from_secs(20), server)
            .await
            .expect("the server ends after `exit`")
            .expect("the server task does not panic");
        let _ = drain.await;
    });
});

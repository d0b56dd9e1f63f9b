//! Drives a language server over stdio with one large document and measures what a user waits for:
//! didOpen → first diagnostics, one-character didChange → fresh diagnostics (median and p95), and
//! the server's peak memory.
//!
//! ```sh
//! cargo run --release -p clauselint-lsp --example lsp-bench                 # clauselint, default document
//! cargo run --release -p clauselint-lsp --example lsp-bench -- FILE
//! cargo run --release -p clauselint-lsp --example lsp-bench -- --server "target/release/clauselint lsp" FILE
//! cargo run --release -p clauselint-lsp --example lsp-bench -- --server "marksman server" FILE
//! ```
//!
//! Without `--server` the benchmark runs this example's own binary as the server (the same code as
//! `clauselint lsp`, with the same allocator). It sends `{"debounceMs": 0}` as initialization options so that the debounce
//! does not count as latency; servers that do not know the option ignore it. "Fresh" means a
//! `publishDiagnostics` carrying the version just sent (or, from a server that sends no versions,
//! the first one after the change). Default document: the largest contract of the shared corpus
//! (Amazon Web Services' terms), else the largest file under `corpus/`.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(60);

/// The allocator `clauselint lsp` runs with (see `clauselint-cli`'s `main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Conn {
    child: Child,
    stdin: ChildStdin,
    /// Each message from the server with the moment its last byte was read, before it is parsed:
    /// the client's own JSON work is not the server's latency.
    rx: Receiver<(Instant, Value)>,
    next_id: i64,
}

/// A message serialised ahead of the moment it is sent, so that the time a measurement starts
/// at is the time the server can start reading it (building and serialising a 315 KB didOpen
/// took this client 4–15 ms, which the server never saw).
struct Prepared(String);

impl Conn {
    fn start(cmd: &[String]) -> Conn {
        let mut child = Command::new(&cmd[0])
            .args(&cmd[1..])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some((k, v)) = line.split_once(':') {
                        if k.eq_ignore_ascii_case("content-length") {
                            len = v.trim().parse::<usize>().ok();
                        }
                    }
                }
                let Some(len) = len else { continue };
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let arrived = Instant::now();
                if let Ok(v) = serde_json::from_slice::<Value>(&body) {
                    if tx.send((arrived, v)).is_err() {
                        return;
                    }
                }
            }
        });
        Conn {
            child,
            stdin,
            rx,
            next_id: 1,
        }
    }

    fn send(&mut self, msg: &Value) {
        self.send_prepared(&Prepared(msg.to_string()));
    }

    fn send_prepared(&mut self, Prepared(body): &Prepared) {
        let _ = write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len());
        let _ = self.stdin.flush();
    }

    fn notification(method: &str, params: Value) -> Prepared {
        Prepared(json!({"jsonrpc": "2.0", "method": method, "params": params}).to_string())
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send_prepared(&Conn::notification(method, params));
    }

    /// The next message that is not a request from the server (those are answered here).
    fn next(&mut self, deadline: Instant) -> Option<(Instant, Value)> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let (arrived, msg) = match self.rx.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            };
            if msg.get("method").is_some() && msg.get("id").is_some() {
                let result = match msg["method"].as_str() {
                    Some("workspace/configuration") => {
                        let n = msg["params"]["items"].as_array().map_or(0, Vec::len);
                        Value::Array(vec![Value::Null; n])
                    }
                    _ => Value::Null,
                };
                let reply = json!({"jsonrpc": "2.0", "id": msg["id"], "result": result});
                self.send(&reply);
                continue;
            }
            return Some((arrived, msg));
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Option<Value> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + WAIT;
        loop {
            let (_, msg) = self.next(deadline)?;
            if msg["id"] == id && msg.get("method").is_none() {
                return Some(msg);
            }
        }
    }

    /// Waits for diagnostics of `uri` for `version` (or any, from a server that sends none): how
    /// many, and when they had arrived.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Option<(usize, Instant)> {
        let deadline = Instant::now() + WAIT;
        loop {
            let (arrived, msg) = self.next(deadline)?;
            if msg["method"] != "textDocument/publishDiagnostics" || msg["params"]["uri"] != uri {
                continue;
            }
            let v = &msg["params"]["version"];
            if v.is_null() || *v == version {
                let count = msg["params"]["diagnostics"].as_array().map_or(0, Vec::len);
                return Some((count, arrived));
            }
        }
    }

    /// CPU time each thread of the server has run, by thread name (summed over threads of the
    /// same name), from `/proc/PID/task/*/schedstat`: unlike wall time, meaningful on a loaded
    /// machine, and it shows how the work of an open is shared between the analysis thread and
    /// the warm-up threads.
    fn cpu_by_thread(&self) -> Vec<(String, f64)> {
        let mut by_name: Vec<(String, f64)> = Vec::new();
        let tasks = format!("/proc/{}/task", self.child.id());
        for task in std::fs::read_dir(tasks).into_iter().flatten().flatten() {
            let path = task.path();
            let name = std::fs::read_to_string(path.join("comm")).unwrap_or_default();
            let ns: f64 = std::fs::read_to_string(path.join("schedstat"))
                .ok()
                .and_then(|s| s.split_whitespace().next()?.parse().ok())
                .unwrap_or(0.0);
            let name = name.trim().to_string();
            match by_name.iter_mut().find(|(n, _)| *n == name) {
                Some((_, total)) => *total += ns / 1e6,
                None => by_name.push((name, ns / 1e6)),
            }
        }
        by_name.sort_by(|a, b| b.1.total_cmp(&a.1));
        by_name
    }

    fn peak_rss_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }
}

fn default_document() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/corpus/terms/Amazon Web Services/Terms of Service.md");
    if shared.is_file() {
        return Some(std::fs::canonicalize(&shared).unwrap_or(shared));
    }
    let mut best: Option<(u64, PathBuf)> = None;
    let mut stack = vec![root.join("corpus")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|x| x.to_str()), Some("md" | "txt")) {
                let size = e.metadata().map_or(0, |m| m.len());
                if best.as_ref().is_none_or(|(s, _)| size > *s) {
                    best = Some((size, p));
                }
            }
        }
    }
    best.map(|(_, p)| p)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--serve") {
        // The default server: this binary, serving like `clauselint lsp`.
        clauselint_lsp::run().expect("serve");
        return;
    }
    let mut server: Option<Vec<String>> = None;
    let mut edits = 100usize;
    let mut file: Option<PathBuf> = None;
    while !args.is_empty() {
        let a = args.remove(0);
        match a.as_str() {
            "--server" if !args.is_empty() => {
                server = Some(
                    args.remove(0)
                        .split_whitespace()
                        .map(String::from)
                        .collect(),
                );
            }
            "--edits" if !args.is_empty() => edits = args.remove(0).parse().expect("--edits N"),
            "-h" | "--help" => {
                println!("usage: lsp-bench [--server \"CMD ARGS\"] [--edits N] [FILE]");
                return;
            }
            _ => file = Some(PathBuf::from(a)),
        }
    }
    let server = server.unwrap_or_else(|| {
        vec![
            std::env::current_exe()
                .expect("own path")
                .to_string_lossy()
                .into_owned(),
            "--serve".into(),
        ]
    });
    let file = file
        .or_else(default_document)
        .expect("no document: pass FILE");
    let text = std::fs::read_to_string(&file).expect("a UTF-8 document");
    let abs = std::fs::canonicalize(&file).unwrap_or(file.clone());
    let uri = format!(
        "file://{}",
        abs.to_string_lossy()
            .replace('%', "%25")
            .replace(' ', "%20")
    );
    let language = if abs.extension().and_then(|x| x.to_str()) == Some("md") {
        "markdown"
    } else {
        "plaintext"
    };

    // Where to type: the middle of lines long enough to be prose, spread over the document.
    let lines: Vec<(u32, u32)> = text
        .split('\n')
        .enumerate()
        .filter_map(|(i, l)| {
            let n = l.trim_end_matches('\r').encode_utf16().count();
            (n >= 40).then_some((i as u32, (n / 2) as u32))
        })
        .collect();
    assert!(
        !lines.is_empty(),
        "the document has no line long enough to edit"
    );

    println!("server:   {}", server.join(" "));
    println!(
        "document: {} ({:.0} KB, {} lines)",
        file.display(),
        text.len() as f64 / 1024.0,
        text.lines().count()
    );
    let mut c = Conn::start(&server);
    let t = Instant::now();
    let init = c.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": null,
            "capabilities": {
                "textDocument": {
                    "synchronization": {"dynamicRegistration": false},
                    "publishDiagnostics": {"versionSupport": true, "relatedInformation": true}
                },
                "workspace": {"configuration": true}
            },
            "initializationOptions": {"debounceMs": 0}
        }),
    );
    let init_ms = ms(t.elapsed());
    if init.as_ref().is_none_or(|r| r.get("error").is_some()) {
        eprintln!("initialize failed: {init:?}");
        std::process::exit(1);
    }
    c.notify("initialized", json!({}));
    println!("initialize:            {init_ms:8.1} ms");

    let open = Conn::notification(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
    );
    let t = Instant::now();
    c.send_prepared(&open);
    let Some((count, arrived)) = c.diagnostics(&uri, 1) else {
        eprintln!("no diagnostics after didOpen within {WAIT:?}");
        std::process::exit(1);
    };
    let open_ms = ms(arrived - t);
    println!("open → diagnostics:    {open_ms:8.1} ms  ({count} diagnostics)");
    let threads = c.cpu_by_thread();
    let thread_cpu = |threads: &[(String, f64)], prefix: &str| {
        threads
            .iter()
            .find(|(name, _)| name.starts_with(prefix))
            .map(|(_, ms)| *ms)
    };
    // The analysis thread, and the helper that runs the drafting rules beside it.
    let analysis_at_open = thread_cpu(&threads, "clauselint-anal");
    let helper_at_open = thread_cpu(&threads, "clauselint-rule").unwrap_or(0.0);
    if !threads.is_empty() {
        let shown: Vec<String> = threads
            .iter()
            .filter(|(_, ms)| *ms >= 1.0)
            .map(|(name, ms)| format!("{name} {ms:.0}"))
            .collect();
        println!("  CPU ms by thread so far: {}", shown.join(", "));
    }

    let mut times = Vec::with_capacity(edits);
    let mut timeouts = 0;
    let mut version = 1i64;
    for i in 0..edits {
        let (line, col) = lines[(i / 2 * lines.len() / (edits / 2).max(1)) % lines.len()];
        version += 1;
        let (range, new_text) = if i % 2 == 0 {
            (
                json!({"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}),
                "x",
            )
        } else {
            (
                json!({"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}}),
                "",
            )
        };
        let change = Conn::notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": range, "text": new_text}]}),
        );
        let t = Instant::now();
        c.send_prepared(&change);
        match c.diagnostics(&uri, version) {
            Some((_, arrived)) => times.push(ms(arrived - t)),
            None => timeouts += 1,
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "edit → diagnostics:    {:8.1} ms median, {:.1} ms p95, {:.1} min, {:.1} max  ({} edits{})",
        percentile(&times, 50.0),
        percentile(&times, 95.0),
        times.first().copied().unwrap_or(f64::NAN),
        times.last().copied().unwrap_or(f64::NAN),
        times.len(),
        if timeouts > 0 {
            format!(", {timeouts} without fresh diagnostics")
        } else {
            String::new()
        }
    );
    let threads = c.cpu_by_thread();
    if let (Some(before), Some(after)) = (analysis_at_open, thread_cpu(&threads, "clauselint-anal"))
    {
        let helper = thread_cpu(&threads, "clauselint-rule").map_or(0.0, |ms| ms - helper_at_open);
        println!(
            "  analysis thread CPU:  {:8.1} ms per edit, rule helper thread {:.1} (means over the edits)",
            (after - before) / edits.max(1) as f64,
            helper / edits.max(1) as f64
        );
    }
    // A second document opened in the running server (a lawyer opening the next contract): the
    // same text under another name, so nothing of the first document's analysis is reused, but
    // the automata built for the first one are.
    let second_uri = match uri.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}%20(2).{ext}"),
        None => format!("{uri}%20(2)"),
    };
    let second = Conn::notification(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": second_uri, "languageId": language, "version": 1, "text": text}}),
    );
    let t = Instant::now();
    c.send_prepared(&second);
    match c.diagnostics(&second_uri, 1) {
        Some((_, arrived)) => println!(
            "open, running server:  {:8.1} ms  (a second document)",
            ms(arrived - t)
        ),
        None => println!("open, running server:  no diagnostics within {WAIT:?}"),
    }
    match c.peak_rss_kb() {
        Some(kb) => println!("peak memory (VmHWM):   {:8.1} MB", kb as f64 / 1024.0),
        None => println!("peak memory:           unavailable (no /proc)"),
    }
    // For context: the same document parsed and analysed in this process, without the protocol.
    let format = clauselint_parser::format_for_path(&abs.to_string_lossy());
    let analyzer = clauselint_analyzer::Analyzer::default();
    let (mut parse, mut rules) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        let doc = clauselint_parser::parse(&text, format);
        parse.push(ms(t.elapsed()));
        let t = Instant::now();
        let _ = analyzer.analyze(&doc);
        rules.push(ms(t.elapsed()));
    }
    parse.sort_by(f64::total_cmp);
    rules.sort_by(f64::total_cmp);
    println!(
        "in-process, no LSP:    {:8.1} ms parse + {:.1} ms rules (median of 5)",
        parse[2], rules[2]
    );
    // The same edits through the incremental analysis in this process: parse + update.
    let doc = std::sync::Arc::new(clauselint_parser::parse(&text, format));
    let mut state = clauselint_analyzer::Incremental::new(std::sync::Arc::new(analyzer), doc);
    let (mut parse, mut update, mut kinds) = (Vec::new(), Vec::new(), (0, 0));
    let mut current = text.clone();
    for (i, &(line, col)) in lines.iter().step_by((lines.len() / 50).max(1)).enumerate() {
        let start: usize = current
            .split_inclusive('\n')
            .take(line as usize)
            .map(str::len)
            .sum();
        let line_text = &current[start..];
        let at = start
            + line_text
                .char_indices()
                .nth(col as usize)
                .map_or(0, |(b, _)| b);
        if i % 2 == 0 {
            current.insert(at, 'x');
        } else {
            current.insert_str(at, "“§—");
        }
        let t = Instant::now();
        let doc = std::sync::Arc::new(clauselint_parser::parse(&current, format));
        parse.push(ms(t.elapsed()));
        let t = Instant::now();
        match state.update(doc) {
            clauselint_analyzer::Update::Partial { .. } => kinds.0 += 1,
            _ => kinds.1 += 1,
        }
        update.push(ms(t.elapsed()));
    }
    parse.sort_by(f64::total_cmp);
    update.sort_by(f64::total_cmp);
    println!(
        "in-process, edits:     {:8.1} ms parse + {:.1} ms incremental update (median; {} partial, {} full)",
        percentile(&parse, 50.0),
        percentile(&update, 50.0),
        kinds.0,
        kinds.1
    );
    let _ = c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = c.child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = c.child.kill();
}

//! Hostile inputs through the `clauselint` binary: limits (file size, nesting) from the command
//! line and from `clauselint.toml`, files that vanish or change between a scan's discovery and its
//! reading, unreadable files, pipes, and the scan report's atomic write. Each case must end with a
//! clear error for the bad file while the other files are still checked.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clauselint-robust-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn clauselint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clauselint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run clauselint")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const GOOD: &str =
    "1. Licence. Customer grants Vendor a perpetual licence to use Customer Content \
to train Vendor’s artificial intelligence models — see § 2.\n\n2. Fees. Customer pays monthly.\n";

/// One JSON object per file from `scan --format jsonl`, by file name.
fn scan_lines(dir: &Path, extra: &[&str]) -> (Output, Vec<serde_json::Value>) {
    let report = dir.join("report.jsonl");
    let mut args = vec![
        "scan",
        "--no-progress",
        "--jobs",
        "1",
        "--format",
        "jsonl",
        "-o",
        report.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    args.push("docs");
    let out = clauselint(&args, dir);
    let text = std::fs::read_to_string(&report).unwrap_or_default();
    let lines = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out, lines)
}

fn record<'a>(lines: &'a [serde_json::Value], name: &str) -> &'a serde_json::Value {
    lines
        .iter()
        .find(|l| l["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("{name} is not in the report: {lines:?}"))
}

fn error_of(lines: &[serde_json::Value], name: &str) -> String {
    record(lines, name)["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_fifty_megabyte_file_hits_the_size_limit_quickly_and_the_scan_goes_on() {
    let dir = temp_dir("50mb");
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::write(dir.join("docs/good.md"), GOOD).unwrap();
    let line = "Customer grants Vendor a licence — “Services” — § 4.\n";
    std::fs::write(
        dir.join("docs/huge.txt"),
        line.repeat((50 << 20) / line.len() + 1),
    )
    .unwrap();
    let started = Instant::now();
    let (out, lines) = scan_lines(&dir, &[]);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(lines.len(), 2);
    let e = error_of(&lines, "huge.txt");
    assert!(
        e.contains("larger than the maximum file size (50.0 MB, limit 32.0 MB)"),
        "{e}"
    );
    assert!(
        e.contains("--max-file-size-mb") && e.contains("`max_file_size_mb` under [limits]"),
        "{e}"
    );
    assert!(!record(&lines, "good.md")["findings"]
        .as_array()
        .unwrap()
        .is_empty());
    let summary = stderr(&out);
    assert!(summary.contains("1 failed"), "{summary}");
}

#[test]
fn nesting_limits_come_from_the_command_line_and_the_playbook() {
    let dir = temp_dir("nesting");
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::write(dir.join("docs/good.md"), GOOD).unwrap();
    std::fs::write(
        dir.join("docs/lists.md"),
        format!("{}item\n", "- ".repeat(100_000)),
    )
    .unwrap();
    std::fs::write(
        dir.join("docs/quotes.md"),
        format!("{} “Data” — § 1\n", "> ".repeat(150)),
    )
    .unwrap();

    let (out, lines) = scan_lines(&dir, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let e = error_of(&lines, "lists.md");
    assert!(
        e.contains("nest more deeply than the maximum nesting (100000 levels, limit 100 levels)"),
        "{e}"
    );
    assert!(e.contains("--max-nesting"), "{e}");
    assert!(error_of(&lines, "quotes.md").contains("150 levels"));

    // The playbook lowers the limit: 150 quotes and now also a 3-deep list are refused…
    std::fs::write(dir.join("docs/three.md"), "- a\n  - b\n    - c\n").unwrap();
    std::fs::write(dir.join("clauselint.toml"), "[limits]\nmax_nesting = 2\n").unwrap();
    let (_, lines) = scan_lines(&dir, &[]);
    assert!(error_of(&lines, "three.md").contains("limit 2 levels"));
    // …and the command line beats the playbook.
    let (_, lines) = scan_lines(&dir, &["--max-nesting", "200"]);
    assert_eq!(error_of(&lines, "quotes.md"), "");
    assert_eq!(error_of(&lines, "three.md"), "");
    assert!(error_of(&lines, "lists.md").contains("limit 200 levels"));

    let out = clauselint(&["check", "--max-file-size-mb", "0", "docs/good.md"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--max-file-size-mb"),
        "{}",
        stderr(&out)
    );
}

/// The scan's discovery hook pauses after listing the files, so the test can delete one, replace
/// another with something over the size limit and swap a third for a folder before they are read.
#[test]
fn files_deleted_or_replaced_during_a_scan_are_errors_for_those_files_only() {
    let dir = temp_dir("vanish");
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    for name in ["deleted.md", "grown.md", "folder.md", "kept.md"] {
        std::fs::write(dir.join("docs").join(name), GOOD).unwrap();
    }
    let hook = dir.join("discovered");
    let report = dir.join("report.jsonl");
    let child = Command::new(env!("CARGO_BIN_EXE_clauselint"))
        .args([
            "scan",
            "--no-progress",
            "--format",
            "jsonl",
            "--max-file-size-mb",
            "1",
            "-o",
        ])
        .arg(&report)
        .arg("docs")
        .current_dir(&dir)
        .env("CLAUSELINT_TEST_DISCOVERY_HOOK", &hook)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !hook.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the scan never listed its files"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let listed = std::fs::read_to_string(&hook).unwrap();
    assert_eq!(listed.lines().count(), 4, "{listed}");
    std::fs::remove_file(dir.join("docs/deleted.md")).unwrap();
    std::fs::write(
        dir.join("docs/grown.md"),
        GOOD.repeat((2 << 20) / GOOD.len()),
    )
    .unwrap();
    std::fs::remove_file(dir.join("docs/folder.md")).unwrap();
    std::fs::create_dir(dir.join("docs/folder.md")).unwrap();
    assert!(
        !report.exists(),
        "the report appears only when the scan completes"
    );
    std::fs::remove_file(&hook).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = std::fs::read_to_string(&report).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    let e = error_of(&lines, "deleted.md");
    assert!(
        e.contains("deleted.md: cannot read the file") && e.contains("No such file"),
        "{e}"
    );
    assert!(error_of(&lines, "grown.md").contains("larger than the maximum file size"));
    assert!(error_of(&lines, "folder.md").contains("not a regular file"));
    assert!(!record(&lines, "kept.md")["findings"]
        .as_array()
        .unwrap()
        .is_empty());
    assert!(!dir.join("report.jsonl.partial").exists());
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_pipes_are_errors_not_hangs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("perm");
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::write(dir.join("docs/good.md"), GOOD).unwrap();
    let secret = dir.join("docs/secret.md");
    std::fs::write(&secret, GOOD).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    for d in [&dir, &dir.join("docs")] {
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    // Root reads anything: run as `nobody` then (setpriv, util-linux), which root may do.
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let mut command = if is_root {
        // `nobody` may not be able to reach the build directory (a checkout under /root is
        // 0700), so it runs a link or copy of the binary placed in the world-readable test folder.
        let binary = dir.join("clauselint-bin");
        if std::fs::hard_link(env!("CARGO_BIN_EXE_clauselint"), &binary).is_err() {
            std::fs::copy(env!("CARGO_BIN_EXE_clauselint"), &binary).unwrap();
        }
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(&binary);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_clauselint"))
    };
    let out = command
        .args(["scan", "--no-progress", "--format", "jsonl", "docs"])
        .current_dir(&dir)
        .output()
        .expect("run clauselint (as nobody when root, through setpriv)");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let e = error_of(&lines, "secret.md");
    assert!(
        e.contains("cannot read the file") && e.contains("ermission denied"),
        "{e}"
    );
    assert!(!record(&lines, "good.md")["findings"]
        .as_array()
        .unwrap()
        .is_empty());

    // A named pipe given by name is refused at once instead of waiting for a writer.
    let fifo = dir.join("pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let started = Instant::now();
    let out = clauselint(&["check", "pipe.md", "docs/good.md"], &dir);
    assert!(started.elapsed() < Duration::from_secs(60));
    assert_eq!(out.status.code(), Some(2));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("pipe.md: not a regular file"), "{shown}");
    assert!(
        shown.contains("ai-training/"),
        "the other file is still checked: {shown}"
    );
}

//! # xtask
//!
//! Project chores written in Rust, run as `cargo xtask <command>` (an alias in
//! `.cargo/config.toml`). Today one command: `vscode-settings` writes the parts of the VS Code
//! extension that come from the analyzer's rule table (per-rule settings and their descriptions
//! in `editors/vscode/package.json`, and `editors/vscode/src/generated/rules.json`); with
//! `--check` it writes nothing and fails if the committed files are out of date, which CI runs
//! (as does this crate's test).
//!
//! It must not: change anything outside the generated parts of the files it owns, touch contract
//! documents, or be a dependency of the shipped crates (it is a developer tool, `publish = false`).

mod ordered_json;
mod vscode;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "cargo xtask", about = "clauselint's project chores")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate the VS Code extension's per-rule settings and rule table from the analyzer.
    VscodeSettings {
        /// Write nothing; exit with status 1 if a committed file is out of date.
        #[arg(long)]
        check: bool,
    },
}

fn repo_root() -> PathBuf {
    // crates/xtask → the workspace root; xtask always runs from a checkout.
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::VscodeSettings { check } => vscode_settings(&repo_root(), check),
    }
}

fn vscode_settings(root: &Path, check: bool) -> ExitCode {
    let files = match vscode::generate(root) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let stale = vscode::stale(root, &files);
    if check {
        if stale.is_empty() {
            println!("the VS Code extension's generated settings are up to date");
            return ExitCode::SUCCESS;
        }
        for path in &stale {
            eprintln!(
                "error: {} is out of date with the rule table",
                path.display()
            );
        }
        eprintln!("run `cargo xtask vscode-settings` and commit the result");
        return ExitCode::from(1);
    }
    for file in files
        .iter()
        .filter(|f| stale.iter().any(|s| s == Path::new(f.path)))
    {
        let path = root.join(file.path);
        if let Some(parent) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                eprintln!("error: {}: cannot create the folder: {e}", parent.display());
                return ExitCode::from(2);
            }
        }
        if let Err(e) = std::fs::write(&path, &file.text) {
            eprintln!("error: {}: cannot write it: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("updated {}", file.path);
    }
    if stale.is_empty() {
        println!("already up to date");
    }
    ExitCode::SUCCESS
}

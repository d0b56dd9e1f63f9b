//! # clauselint-lsp
//!
//! The language server: `clauselint lsp` speaks the Language Server Protocol on stdin/stdout, so an
//! editor shows clauselint's findings as you write. It keeps each open document in a rope edited by
//! incremental changes, analyses it off the request path (debounced, stale results dropped, a
//! per-document revision decides what is current), and answers hover, go to definition, find
//! references, document symbols, code actions and the `clauselint.explain` command from the
//! parser's model and the analyzer's findings. Positions are UTF-16, as the protocol requires, and
//! are converted at this edge only.
//!
//! This crate's job is translation, not analysis. It must not: contain analysis logic (rules and
//! facts live in `clauselint-analyzer`, structure in `clauselint-parser`); read or write the user's
//! documents (the client owns them; fixes are offered as edits the user chooses to apply); let LSP
//! types leak into the other crates (it is the only crate that knows them); block the protocol loop
//! on an analysis; or panic on any input a client sends.
//!
//! Built on `tower-lsp-server`, the maintained community fork of `tower-lsp`, with `tokio` and
//! `ropey`.

mod analysis;
mod analyst;
mod config;
mod docs;
mod features;
mod outbox;
mod position;
mod server;
#[cfg(test)]
mod tests;
mod transport;

pub use config::Config;
pub use server::Backend;

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

/// Serves the protocol on stdin/stdout until the client sends `exit` or closes the pipe.
pub fn run() -> std::io::Result<()> {
    back_memory_with_small_pages();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("clauselint-lsp")
        .build()?;
    runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // An analysis still running on the blocking pool is of no use any more.
    runtime.shutdown_timeout(Duration::from_millis(200));
    Ok(())
}

/// Asks the kernel not to back this process with transparent huge pages.
///
/// A server stays resident for the whole editing session, so what counts is memory the editor's
/// machine gives it, not the allocator's speed at a batch job. mimalloc (the `clauselint`
/// binary's allocator) reserves its arenas with `madvise(MADV_HUGEPAGE)`, and on a kernel whose
/// THP mode is `madvise` (the usual default) every touched 2 MiB region of an arena then becomes
/// resident in full: measured with `lsp-bench` on the AWS terms, 133 MB peak instead of the 76 MB
/// the same allocations need in 4 KiB pages. This is the switch mimalloc's own `allow_thp=0`
/// option flips, but that option is read at process start, before `main`, so it cannot be set
/// from code; the kernel's per-process flag can, and applies to page faults from then on, with any
/// allocator. Best effort: an older kernel that does not know the flag changes nothing.
fn back_memory_with_small_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and changes nothing but how the
    // kernel backs this process's future page faults.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Serves the protocol on any byte streams (stdio, a socket, an in-memory pipe).
pub async fn serve<I, O>(input: I, output: O)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    serve_with(Config::default(), input, output).await;
}

pub(crate) async fn serve_with<I, O>(config: Config, input: I, output: O)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    // Diagnostics are written by the server itself, beside tower-lsp-server's messages, through
    // one ordered queue (see `outbox`).
    let (outbox, writer, queue) = outbox::Outbox::new();
    let (service, socket) =
        LspService::build(|client| Backend::with_config(client, config, Some(outbox)))
            .custom_method(transport::INVALID_MESSAGE_METHOD, Backend::invalid_message)
            .finish();
    // Malformed client messages are answered instead of ending the server (see `transport`).
    let (guarded_in, guarded_out) = tokio::io::duplex(1 << 16);
    let guard = transport::sanitize(input, guarded_out);
    let server = Server::new(guarded_in, writer, socket).serve(service);
    let (stopped, stop) = tokio::sync::oneshot::channel::<()>();
    let serving = async move {
        tokio::pin!(guard, server);
        tokio::select! {
            () = &mut server => {}
            // The client's input ended: the server reads what is left of it and stops.
            () = &mut guard => server.await,
        }
        let _ = stopped.send(());
    };
    let writing = outbox::drain(queue, output, async {
        let _ = stop.await;
    });
    tokio::join!(serving, writing);
}

#[cfg(all(test, target_os = "linux"))]
mod memory_tests {
    #[test]
    fn the_server_asks_the_kernel_for_small_pages() {
        super::back_memory_with_small_pages();
        // SAFETY: PR_GET_THP_DISABLE only reads the calling process's flag.
        let flag = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(flag, 1, "transparent huge pages are still allowed");
    }
}

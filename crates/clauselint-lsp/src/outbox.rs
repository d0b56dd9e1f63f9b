//! The server's output stream, shared by `tower-lsp-server`'s messages and the diagnostics this
//! crate writes itself.
//!
//! `Client::publish_diagnostics` takes the diagnostics by value (the analysis keeps its own, so
//! they were cloned), turns them into a `serde_json::Value` tree, and the transport then writes
//! that tree out as text: for the 250 findings of a large contract, about a millisecond of every
//! keystroke's wait. [`Outbox::publish_diagnostics`] writes the same notification straight from
//! the borrowed diagnostics.
//!
//! Both kinds of message reach the output through one queue, in the order they were queued:
//! `tower-lsp-server` writes through an [`OutboxWriter`], which queues each buffer it is handed
//! whole. Its framed writer only ever hands over buffers of whole messages (it encodes a message
//! completely before writing, and the writer takes every byte offered), so the frames never
//! interleave.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::Serialize;
use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp_server::ls_types::{Diagnostic, Uri};

/// Queues whole messages for the output.
#[derive(Clone)]
pub struct Outbox {
    queue: mpsc::UnboundedSender<Vec<u8>>,
}

/// What `textDocument/publishDiagnostics` carries, borrowed: the fields and their order of
/// `PublishDiagnosticsParams` (a test compares the two).
#[derive(Serialize)]
struct PublishParams<'a> {
    uri: &'a Uri,
    diagnostics: &'a [Diagnostic],
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<i32>,
}

#[derive(Serialize)]
struct Notification<P> {
    jsonrpc: &'static str,
    method: &'static str,
    params: P,
}

impl Outbox {
    /// An outbox, the writer to give `tower-lsp-server` in place of the output, and the queue's
    /// receiving end for [`drain`].
    pub fn new() -> (Outbox, OutboxWriter, mpsc::UnboundedReceiver<Vec<u8>>) {
        let (queue, rx) = mpsc::unbounded_channel();
        (
            Outbox {
                queue: queue.clone(),
            },
            OutboxWriter { queue },
            rx,
        )
    }

    /// Publishes `diagnostics` for `uri`: the message `Client::publish_diagnostics` sends.
    pub fn publish_diagnostics(&self, uri: &Uri, diagnostics: &[Diagnostic], version: Option<i32>) {
        let message = Notification {
            jsonrpc: "2.0",
            method: "textDocument/publishDiagnostics",
            params: PublishParams {
                uri,
                diagnostics,
                version,
            },
        };
        // Serialising plain data with string keys cannot fail.
        let Ok(body) = serde_json::to_vec(&message) else {
            return;
        };
        // Nobody reads the queue any more once the server has stopped.
        let _ = self.queue.send(frame(&body));
    }
}

/// `body` with its `Content-Length` header.
fn frame(body: &[u8]) -> Vec<u8> {
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    let mut out = Vec::with_capacity(header.len() + body.len());
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(body);
    out
}

/// The output as `tower-lsp-server` sees it: every buffer is queued whole.
pub struct OutboxWriter {
    queue: mpsc::UnboundedSender<Vec<u8>>,
}

impl AsyncWrite for OutboxWriter {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Poll::Ready(match self.queue.send(buf.to_vec()) {
            Ok(()) => Ok(buf.len()),
            Err(_) => Err(io::ErrorKind::BrokenPipe.into()),
        })
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

/// Writes queued messages to `output` in order, flushing whenever the queue is empty, until
/// `stop` completes (then it writes what is queued and returns) or the output fails. A message is
/// never cut short: `stop` is only looked at between messages.
pub async fn drain<O: AsyncWrite>(
    mut rx: mpsc::UnboundedReceiver<Vec<u8>>,
    output: O,
    stop: impl std::future::Future<Output = ()>,
) {
    tokio::pin!(output, stop);
    loop {
        let stopping = tokio::select! {
            biased;
            message = rx.recv() => match message {
                Some(message) => {
                    if output.write_all(&message).await.is_err() {
                        return;
                    }
                    false
                }
                None => true,
            },
            () = &mut stop => true,
        };
        while let Ok(next) = rx.try_recv() {
            if output.write_all(&next).await.is_err() {
                return;
            }
        }
        if output.flush().await.is_err() || stopping {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{
        DiagnosticSeverity, NumberOrString, Position, PublishDiagnosticsParams, Range,
    };

    fn sample() -> Vec<Diagnostic> {
        vec![
            Diagnostic {
                range: Range::new(Position::new(3, 1), Position::new(3, 9)),
                severity: Some(DiagnosticSeverity::WARNING),
                code: Some(NumberOrString::String("data-rights/vague-purpose".into())),
                source: Some("clauselint".into()),
                message: "“§ 4” — quoted".into(),
                data: Some(serde_json::json!({"kind": "risk"})),
                ..Diagnostic::default()
            },
            Diagnostic::default(),
        ]
    }

    #[tokio::test]
    async fn published_diagnostics_are_the_message_the_client_api_sends() {
        let uri: Uri = "file:///tmp/contract%20one.md".parse().unwrap();
        for version in [Some(7), None] {
            let (outbox, writer, rx) = Outbox::new();
            outbox.publish_diagnostics(&uri, &sample(), version);
            drop((outbox, writer));
            let mut out = Vec::new();
            drain(rx, &mut out, std::future::pending()).await;
            let text = String::from_utf8(out).unwrap();
            let (header, body) = text.split_once("\r\n\r\n").unwrap();
            assert_eq!(header, format!("Content-Length: {}", body.len()));
            let sent: serde_json::Value = serde_json::from_str(body).unwrap();
            let expected = serde_json::json!({
                "jsonrpc": "2.0",
                "method": "textDocument/publishDiagnostics",
                "params": PublishDiagnosticsParams::new(uri.clone(), sample(), version),
            });
            assert_eq!(sent, expected);
        }
    }

    #[tokio::test]
    async fn messages_keep_their_order_across_both_paths() {
        let uri: Uri = "file:///a.md".parse().unwrap();
        let (outbox, mut writer, rx) = Outbox::new();
        writer.write_all(b"first").await.unwrap();
        outbox.publish_diagnostics(&uri, &[], None);
        writer.write_all(b"third").await.unwrap();
        let mut out = Vec::new();
        // Senders still alive, as in a server whose document tasks outlive it: the stop ends it.
        drain(rx, &mut out, async {}).await;
        drop((outbox, writer));
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("first"), "{text}");
        assert!(text.ends_with("third"), "{text}");
        assert!(text.contains("publishDiagnostics"), "{text}");
    }

    #[tokio::test]
    async fn a_closed_output_is_an_error_for_the_writer() {
        let (outbox, mut writer, rx) = Outbox::new();
        drop(rx);
        assert!(writer.write_all(b"x").await.is_err());
        // Publishing into a closed queue is silently nothing.
        outbox.publish_diagnostics(&"file:///a.md".parse().unwrap(), &[], None);
    }
}

//! A guard in front of the protocol reader.
//!
//! `tower-lsp-server` stops reading its input after the first message it cannot decode (a body that
//! is not JSON, a missing `Content-Length`): one bad message from a client would end the server.
//! This guard reads the client's byte stream itself, frames it, and forwards every well-formed
//! message unchanged. A malformed one is replaced by a `clauselint/invalidMessage` request that the
//! server answers with the JSON-RPC error the client should have got (`-32700` parse error, or
//! `-32600` invalid request, with the message's `id` when it had a readable one).

use serde_json::{json, Value};
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tower_lsp_server::jsonrpc;

pub const INVALID_MESSAGE_METHOD: &str = "clauselint/invalidMessage";
const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;
/// A message longer than this is not read into memory: it is skipped as invalid.
const MAX_MESSAGE_BYTES: usize = 256 * 1024 * 1024;
const MAX_HEADER_LINE: usize = 8 * 1024;

/// Reads up to and including the next `\n`, keeping at most the last `max` bytes of it (a header
/// that follows garbage on the same line is at its end).
async fn read_line_limited<R: AsyncBufRead + Unpin>(
    r: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<usize> {
    let mut total = 0;
    loop {
        let chunk = r.fill_buf().await?;
        if chunk.is_empty() {
            return Ok(total);
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        buf.extend_from_slice(&chunk[..take]);
        r.consume(take);
        total += take;
        if buf.len() > max {
            buf.drain(..buf.len() - max);
        }
        if done {
            return Ok(total);
        }
    }
}

/// The value of a `Content-Length` header in a header line (matched case-insensitively, anywhere).
fn content_length_value(line: &str) -> Option<&str> {
    const NAME: &str = "content-length";
    let at = line.to_ascii_lowercase().rfind(NAME)?;
    let rest = line[at + NAME.len()..].trim_start().strip_prefix(':')?;
    Some(rest.trim())
}

fn invalid(id: Value, code: i64, message: &str) -> Vec<u8> {
    json!({
        "jsonrpc": "2.0",
        "id": id,
        "method": INVALID_MESSAGE_METHOD,
        "params": {"code": code, "message": message}
    })
    .to_string()
    .into_bytes()
}

/// `None` if the body is a message the protocol reader accepts; otherwise its replacement.
pub fn check(body: &[u8]) -> Option<Vec<u8>> {
    if serde_json::from_slice::<jsonrpc::Request>(body).is_ok()
        || serde_json::from_slice::<jsonrpc::Response>(body).is_ok()
    {
        return None;
    }
    Some(match serde_json::from_slice::<Value>(body) {
        Ok(v) => {
            let id = match v.get("id") {
                Some(id @ (Value::Number(_) | Value::String(_)))
                    if id.as_f64().is_none_or(|f| f.fract() == 0.0) =>
                {
                    id.clone()
                }
                _ => Value::Null,
            };
            invalid(
                id,
                INVALID_REQUEST,
                "Invalid request: not a JSON-RPC 2.0 message",
            )
        }
        Err(e) => invalid(Value::Null, PARSE_ERROR, &format!("Parse error: {e}")),
    })
}

async fn write_frame<W: AsyncWrite + Unpin>(out: &mut W, body: &[u8]) -> std::io::Result<()> {
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    out.write_all(body).await?;
    out.flush().await
}

/// Copies framed messages from `input` to `output` until `input` ends (or `output` closes),
/// replacing malformed ones as described above.
pub async fn sanitize<R, W>(input: R, mut output: W)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut r = BufReader::with_capacity(64 * 1024, input);
    loop {
        let mut content_len: Option<Result<usize, ()>> = None;
        let mut headers = 0usize;
        loop {
            let mut line = Vec::new();
            match read_line_limited(&mut r, &mut line, MAX_HEADER_LINE).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim();
            if text.is_empty() {
                if headers > 0 {
                    break;
                }
                continue;
            }
            headers += 1;
            // Found anywhere in the line, so that a body longer than its Content-Length said
            // (its tail runs into the next header) costs one message, not the stream.
            if let Some(value) = content_length_value(text) {
                content_len = Some(value.parse::<usize>().map_err(|_| ()).and_then(|n| {
                    if n <= MAX_MESSAGE_BYTES {
                        Ok(n)
                    } else {
                        Err(())
                    }
                }));
            }
        }
        let body = match content_len {
            Some(Ok(len)) => {
                let mut body = vec![0u8; len];
                if r.read_exact(&mut body).await.is_err() {
                    return;
                }
                match check(&body) {
                    None => body,
                    Some(replacement) => replacement,
                }
            }
            Some(Err(())) => invalid(Value::Null, PARSE_ERROR, "Parse error: bad Content-Length"),
            None => invalid(
                Value::Null,
                PARSE_ERROR,
                "Parse error: no Content-Length header",
            ),
        };
        if write_frame(&mut output, &body).await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_messages_pass_unchanged() {
        for ok in [
            r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#,
            r#"{"jsonrpc":"2.0","method":"initialized"}"#,
            r#"{"jsonrpc":"2.0","id":"a","result":null}"#,
            r#"{"jsonrpc":"2.0","id":3,"error":{"code":-1,"message":"x"}}"#,
        ] {
            assert!(check(ok.as_bytes()).is_none(), "{ok}");
        }
    }

    #[test]
    fn malformed_messages_become_error_requests() {
        let parsed = |b: Vec<u8>| serde_json::from_slice::<Value>(&b).unwrap();
        let m = parsed(check(b"{not json").unwrap());
        assert_eq!(m["method"], INVALID_MESSAGE_METHOD);
        assert_eq!(m["params"]["code"], PARSE_ERROR);
        assert!(m["id"].is_null());
        let m = parsed(check(br#"{"jsonrpc":"1.0","id":7,"method":"x"}"#).unwrap());
        assert_eq!(m["params"]["code"], INVALID_REQUEST);
        assert_eq!(m["id"], 7);
        let m = parsed(check(b"[1,2]").unwrap());
        assert_eq!(m["params"]["code"], INVALID_REQUEST);
        let m = parsed(check(&[0xff, 0xfe]).unwrap());
        assert_eq!(m["params"]["code"], PARSE_ERROR);
    }

    #[tokio::test]
    async fn a_wrong_content_length_costs_one_message() {
        // The first body is one byte longer than announced: its "}" runs into the next header.
        let good = r#"{"jsonrpc":"2.0","method":"initialized"}"#;
        let input = format!(
            "Content-Length: 24\r\n\r\n{{\"jsonrpc\":\"2.0\",\"id\":[]}}Content-Length: {}\r\n\r\n{good}",
            good.len()
        );
        let mut out = Vec::new();
        sanitize(input.as_bytes(), &mut out).await;
        let out = String::from_utf8(out).unwrap();
        assert!(out.ends_with(good), "{out}");
        assert_eq!(content_length_value("}Content-Length: 70"), Some("70"));
        assert_eq!(content_length_value("content-length :5"), Some("5"));
        assert_eq!(content_length_value("Content-Type: x"), None);
    }

    #[tokio::test]
    async fn framing_survives_garbage() {
        let input = b"garbage line\r\nContent-Length: 5\r\n\r\n{bad}\
Content-Length: 40\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"initialized\"}\
Content-Type: text/plain\r\n\r\n\
Content-Length: nope\r\n\r\n"
            .to_vec();
        let mut out = Vec::new();
        sanitize(&input[..], &mut out).await;
        let out = String::from_utf8(out).unwrap();
        let bodies: Vec<Value> = out
            .split("Content-Length: ")
            .skip(1)
            .map(|f| serde_json::from_str(f.split_once("\r\n\r\n").unwrap().1).unwrap())
            .collect();
        assert_eq!(bodies.len(), 4, "{out}");
        assert_eq!(bodies[0]["params"]["code"], PARSE_ERROR);
        assert_eq!(bodies[1]["method"], "initialized");
        assert_eq!(bodies[2]["params"]["code"], PARSE_ERROR);
        assert_eq!(bodies[3]["params"]["code"], PARSE_ERROR);
    }
}

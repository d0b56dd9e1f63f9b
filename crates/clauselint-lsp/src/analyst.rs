//! The one thread analyses run on.
//!
//! Parsing and rules are CPU-bound and synchronous, so they stay off the async runtime. They all
//! run on this single thread rather than tokio's blocking pool: the rules' regular expressions keep
//! a lazily built automaton cache per thread that uses them, and the allocator keeps freed memory
//! per thread, so spreading analyses over many threads multiplies the memory for no gain (the
//! protocol loop never waits for an analysis either way). Queued work for a revision that is no
//! longer current gives up as soon as it starts (see `Analysis::compute`).

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;
use std::sync::OnceLock;

use tokio::sync::oneshot;

type Task = Box<dyn FnOnce() + Send>;

fn queue() -> Option<&'static mpsc::Sender<Task>> {
    static QUEUE: OnceLock<Option<mpsc::Sender<Task>>> = OnceLock::new();
    QUEUE
        .get_or_init(|| {
            let (tx, rx) = mpsc::channel::<Task>();
            std::thread::Builder::new()
                .name("clauselint-analysis".into())
                // Deeply nested input must not overflow the parser's stack.
                .stack_size(64 * 1024 * 1024)
                .spawn(move || {
                    while let Ok(task) = rx.recv() {
                        task();
                    }
                })
                .ok()
                .map(|_| tx)
        })
        .as_ref()
}

pub(crate) fn panic_message(p: Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// Runs `f` on the analysis thread. A panic in `f` comes back as `Err` with its message; the
/// thread lives on.
pub async fn run<T, F>(f: F) -> Result<T, String>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (tx, rx) = oneshot::channel();
    let task: Task = Box::new(move || {
        let result = std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(panic_message);
        let _ = tx.send(result);
    });
    queue()
        .ok_or_else(|| "the analysis thread could not be started".to_string())?
        .send(task)
        .map_err(|_| "the analysis thread has stopped".to_string())?;
    rx.await
        .map_err(|_| "the analysis thread has stopped".to_string())?
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn results_and_panics_come_back_and_the_thread_survives() {
        assert_eq!(super::run(|| 2 + 2).await, Ok(4));
        let err = super::run(|| -> u8 { panic!("boom") }).await.unwrap_err();
        assert!(err.contains("boom"));
        let name = super::run(|| std::thread::current().name().map(String::from)).await;
        assert_eq!(name, Ok(Some("clauselint-analysis".into())));
    }
}

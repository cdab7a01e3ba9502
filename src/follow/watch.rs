//! Runs a [`Follower`] on a thread that sleeps until the operating system
//! reports a change (inotify on Linux, through the `notify` crate), so
//! following costs nothing while the file is quiet.
//!
//! The folder holding the file is watched rather than the file itself: a
//! writer that replaces the file (writes a temporary file, then renames it
//! over) or deletes and recreates it leaves a watch on the old file
//! pointing at nothing, while the folder sees every one of those steps
//! under the file's name.

use std::path::Path;
use std::sync::mpsc;

use notify::event::{AccessKind, EventKind};
use notify::{RecursiveMode, Watcher};

use super::{Follower, Problem, Update};

/// The watch; dropping it stops the notifications (the thread ends once
/// it next wakes).
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watch")
    }
}

/// Watches the follower's file and calls `deliver` with each update, on a
/// thread of its own; the thread stops when `deliver` returns `false`.
/// One check runs at once, for anything written before the watch began.
pub fn watch(
    mut follower: Follower,
    mut deliver: impl FnMut(Update) -> bool + Send + 'static,
) -> notify::Result<Watch> {
    let (pokes, woken) = mpsc::channel::<()>();
    let name = follower.path().file_name().map(ToOwned::to_owned);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let relevant = match &event {
            // Opening and reading (ours included) change nothing.
            Ok(event) => {
                !matches!(
                    event.kind,
                    EventKind::Access(AccessKind::Open(_) | AccessKind::Read)
                ) && event.paths.iter().any(|p| p.file_name() == name.as_deref())
            }
            // A lost event or an overflowed queue: look again to be sure.
            Err(e) => {
                tracing::warn!("file notification failed, checking the file again: {e}");
                true
            }
        };
        // Fails only once the checking thread has ended, with the viewer.
        if relevant && pokes.send(()).is_err() {
            tracing::debug!("a change came after following stopped");
        }
    })?;
    let folder = match follower.path().parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => Path::new(".").to_path_buf(),
    };
    watcher.watch(&folder, RecursiveMode::NonRecursive)?;
    std::thread::Builder::new()
        .name("touchline-follow".to_owned())
        .spawn(move || {
            let mut pending = true;
            loop {
                if pending && let Some(update) = follower.check() {
                    log(&follower, &update);
                    if !deliver(update) {
                        return;
                    }
                }
                // Sleeps until the next notification; a burst of them
                // (a writer's many small writes) makes one check.
                if woken.recv().is_err() {
                    return;
                }
                while woken.try_recv().is_ok() {}
                pending = true;
            }
        })
        .map_err(notify::Error::io)?;
    Ok(Watch { _watcher: watcher })
}

/// Writes what a check found to the log: a refused version as a warning,
/// a file caught between two writes (gone, empty, half-written) as the
/// routine it is while another program writes.
fn log(follower: &Follower, update: &Update) {
    let file = follower.name();
    match update {
        Update::Match { game, partial } => {
            let events = game.events.len();
            match partial {
                Some(partial) => tracing::debug!("{file}: new version, {partial}"),
                None => tracing::debug!("{file}: new version, {events} events"),
            }
        }
        Update::Problem(problem @ Problem::Broken(_)) => {
            tracing::warn!("{}", problem.describe(file));
        }
        Update::Problem(problem) => tracing::debug!("{}", problem.describe(file)),
    }
}

//! The `touchline` binary: parses the command line, loads the match before
//! the terminal is touched (so load errors print plainly), then runs the
//! viewer, prints a summary or validates files. Everything else lives in the
//! library, where it is tested.

mod cli;
mod tournament_cmd;

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use clap::CommandFactory;
use touchline::config;
use touchline::follow::{Follower, Problem, Update};
use touchline::import::{self, Diagnostic, LoadOptions, Loaded};
use touchline::library::{self, Origin};
use touchline::replay::Replay;
use touchline::text;
use touchline::tui::{
    self, App, AppOptions, Clipboard, ColorMode, Configured as Config, Loader, Notice, Picker,
    Setup, terminal,
};

use cli::{Cli, Command, ConvertArgs, PointArgs, SummaryArgs, ValidateArgs, ViewArgs};

/// How to read files: the size limit and a StatsBomb lineups file.
#[derive(Clone, Copy)]
struct Reading<'a> {
    options: LoadOptions,
    lineups: Option<&'a Path>,
}

impl Reading<'_> {
    fn load(&self, path: &Path) -> Result<Loaded, import::LoadError> {
        import::load_path_with_lineups(path, self.lineups, self.options)
    }
}

fn main() -> ExitCode {
    start_logging();
    // Read first: `--help` lists the keys it sets.
    let config = tui::configure(config::load());
    let cli = Cli::parse_checked(&config.keymap);
    if cli.print_config {
        return print_config(&config);
    }
    let reading = Reading {
        options: LoadOptions {
            max_size: cli.max_size,
        },
        lineups: cli.lineups.as_deref(),
    };
    match cli.command {
        None => view(cli.view, reading, config),
        Some(Command::Summary(args)) => print_summary(args, reading),
        Some(Command::Validate(args)) => validate(args, reading),
        Some(Command::Convert(args)) => convert(args, reading),
        Some(Command::Tournaments) => {
            tournament_cmd::list().map_or_else(|code| code, |out| write_stdout(&out))
        }
        Some(Command::Tournament(args)) => tournament_cmd::table(&args, reading.options)
            .map_or_else(|code| code, |out| write_stdout(&out)),
    }
}

/// What turns logging on: a filter such as `debug` or `touchline=trace`.
const LOG_VAR: &str = "TOUCHLINE_LOG";

/// Turns logging on when [`LOG_VAR`] holds a filter (any `EnvFilter`
/// directive): lines go to `touchline.log` in the user's state directory,
/// never to the terminal, which the viewer owns. Off by default. A filter
/// or a file that will not do is said on stderr now, before any screen.
fn start_logging() {
    let Some(directives) = std::env::var_os(LOG_VAR).filter(|v| !v.is_empty()) else {
        return;
    };
    let directives = directives.to_string_lossy();
    let filter = match tracing_subscriber::EnvFilter::try_new(&*directives) {
        Ok(filter) => filter,
        Err(e) => {
            let shown = text::sanitize_line(&directives);
            eprintln!("warning: {LOG_VAR}={shown}: {e}; nothing is logged");
            return;
        }
    };
    let Some(path) = log_path() else {
        eprintln!("warning: {LOG_VAR} is set but there is no home directory to log to");
        return;
    };
    let file = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
        });
    let file = match file {
        Ok(file) => file,
        Err(e) => {
            let shown = text::sanitize_line(&path.display().to_string()).into_owned();
            eprintln!("warning: cannot write the log {shown}: {e}; nothing is logged");
            return;
        }
    };
    let installed = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .try_init();
    if installed.is_ok() {
        tracing::info!(
            version = env!("CARGO_PKG_VERSION"),
            args = ?std::env::args_os().skip(1).collect::<Vec<_>>(),
            "touchline starts"
        );
    }
}

/// `touchline.log` in the state directory (`~/.local/state/touchline` on
/// Linux), or where the platform keeps local data when it has no state
/// directory.
fn log_path() -> Option<std::path::PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "touchline")?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("touchline.log"))
}

/// Loads FILE, or the bundled match when there is none; on failure prints
/// the one-line error.
fn load(file: Option<&Path>, reading: Reading<'_>) -> Result<Loaded, ExitCode> {
    match file {
        None => Ok(import::bundled()),
        Some(path) => reading.load(path).map_err(|e| {
            eprintln!("error: {}", text::sanitize_line(&e.to_string()));
            ExitCode::FAILURE
        }),
    }
}

/// The step a `--at`/`--step` names; a step past the end is a usage error
/// (exit code 2), reported the way clap reports its own.
fn start_step(point: &PointArgs, replay: &Replay, subcommand: Option<&str>) -> Option<usize> {
    point.resolve(replay).unwrap_or_else(|message| {
        let mut command = Cli::command();
        if let Some(name) = subcommand {
            command.build();
            if let Some(sub) = command.find_subcommand_mut(name) {
                command = sub.clone();
            }
        }
        command
            .error(clap::error::ErrorKind::ValueValidation, message)
            .exit()
    })
}

/// `--print-config`: the defaults as a file to copy, headed by where
/// the file is read from; a mistake in the present file goes to stderr.
fn print_config(config: &Config) -> ExitCode {
    if let Some(error) = &config.error {
        eprintln!("warning: {error}");
    }
    write_stdout(&tui::keymap::config::defaults_file(config.path.as_deref()))
}

/// What the viewer command runs.
enum Session {
    /// One match.
    Viewer(App),
    /// One match, following its file as it is written.
    Follow(App, Follower),
    /// The matches of a folder.
    Library(Box<Picker>, Loader),
}

fn view(args: ViewArgs, reading: Reading<'_>, config: Config) -> ExitCode {
    let Config {
        settings,
        keymap,
        error,
        ..
    } = config;
    let options = AppOptions {
        spoilers: args.spoilers || settings.spoilers,
        speed: args.speed.unwrap_or(settings.speed),
        colors: ColorMode::detect(),
        start_step: None,
    };
    let session = if let Some(path) = &args.follow {
        follow_session(path, &args.point, options, reading)
    } else if let Some(dir) = args.file.as_deref().filter(|p| p.is_dir()) {
        library_session(dir, &args.point, options, reading)
    } else {
        load(args.file.as_deref(), reading).map(|loaded| {
            let replay = Replay::new(loaded.game);
            let start_step = start_step(&args.point, &replay, None);
            Session::Viewer(App::new(
                replay,
                AppOptions {
                    start_step,
                    ..options
                },
            ))
        })
    };
    let session = match session {
        Ok(session) => session,
        Err(code) => return code,
    };
    // Said before the screen changes, so it stays in the scrollback, and
    // in the footer as the viewer opens.
    let config_note = error.as_ref().map(|error| {
        let note = format!("{error}; using the default settings");
        eprintln!("warning: {note}");
        note
    });
    if !io::stdout().is_terminal() {
        // Drawing into a file or a pipe would fill it with escape codes.
        eprintln!(
            "error: the viewer needs a terminal, and standard output is not one; `touchline summary` prints the match as text"
        );
        return ExitCode::FAILURE;
    }
    // The config's keys and colours, and how `y` reaches the clipboard,
    // for whichever screen opens.
    let setup = Setup {
        keymap,
        palette: settings.palette,
        clipboard: Clipboard::detect(),
    };
    let configure = |app: App, file: Option<&Path>| {
        let app = app
            .with_setup(&setup)
            .with_file(file.map(|path| path.display().to_string()));
        match &config_note {
            Some(note) => app.with_notice(Notice::Text(note.clone())),
            None => app,
        }
    };
    let session = match session {
        Session::Viewer(app) => Session::Viewer(configure(app, args.file.as_deref())),
        Session::Follow(app, follower) => {
            let file = follower.path().to_path_buf();
            Session::Follow(configure(app, Some(&file)), follower)
        }
        Session::Library(picker, load) => {
            let picker = picker.with_setup(&setup);
            let picker = match &config_note {
                Some(note) => picker.with_notice(Notice::Text(note.clone())),
                None => picker,
            };
            Session::Library(Box::new(picker), load)
        }
    };

    restore_on_signals();
    // `try_init` installs a panic hook that restores the terminal first;
    // ours, run before it, gives the mouse back.
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(e) => {
            ratatui::restore();
            eprintln!(
                "error: cannot open the terminal ({e}); `touchline summary` prints the match without one"
            );
            return ExitCode::FAILURE;
        }
    };
    terminal::release_mouse_on_panic();
    if !args.no_mouse {
        // A terminal without mouse support ignores the request; one that
        // cannot even be written to fails on the first frame anyway.
        let _ = terminal::enable_mouse();
    }
    let ending = match session {
        Session::Viewer(mut app) => {
            #[cfg(feature = "test-hooks")]
            panic_if_asked(&mut terminal, &app);
            tui::run(&mut terminal, &mut app)
        }
        Session::Follow(mut app, follower) => tui::run_follow(&mut terminal, &mut app, follower),
        Session::Library(mut picker, load) => tui::run_library(&mut terminal, &mut picker, load),
    };
    terminal::restore();
    // Copies that may not have reached the clipboard, now on the screen
    // the fan can select from.
    let copies: String = ending
        .unsure_copies
        .iter()
        .map(|line| format!("{line}\n"))
        .collect();
    if write_stdout(&copies) != ExitCode::SUCCESS {
        return ExitCode::FAILURE;
    }
    match ending.result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", text::sanitize_line(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// A usage error (exit code 2) in clap's words.
fn usage_error(message: String) -> ! {
    Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, message)
        .exit()
}

/// `touchline --follow FILE`: loads what the file holds now, at the
/// newest moment unless `--at`/`--step` says otherwise. A file with no
/// version to show yet is an error, as for any file.
fn follow_session(
    path: &Path,
    point: &PointArgs,
    options: AppOptions,
    reading: Reading<'_>,
) -> Result<Session, ExitCode> {
    let mut follower = Follower::new(path, reading.lineups, reading.options);
    let name = follower.name().to_owned();
    let fail = |message: String| {
        eprintln!("error: {}", text::sanitize_line(&message));
        ExitCode::FAILURE
    };
    match follower.check() {
        Some(Update::Match { game, .. }) => {
            let replay = Replay::new(*game);
            let start = start_step(point, &replay, None);
            let mut app = App::new(
                replay,
                AppOptions {
                    start_step: start,
                    ..options
                },
            );
            app.start_following(&name, start.is_none());
            Ok(Session::Follow(app, follower))
        }
        Some(Update::Problem(Problem::Broken(error))) => Err(fail(error.to_string())),
        Some(Update::Problem(Problem::Incomplete(at))) => Err(fail(format!(
            "{name} is half-written ({at}) and has no complete event yet"
        ))),
        Some(Update::Problem(Problem::Empty)) => Err(fail(format!(
            "{name}: the file is empty, expected a JSON match file"
        ))),
        Some(Update::Problem(Problem::Missing)) | None => Err(fail(format!(
            "{name}: no such file, expected a match file to follow"
        ))),
    }
}

/// `touchline DIR`: the folder's match list.
fn library_session(
    dir: &Path,
    point: &PointArgs,
    options: AppOptions,
    reading: Reading<'_>,
) -> Result<Session, ExitCode> {
    if point.at.is_some() || point.step.is_some() {
        usage_error(
            "--at and --step name a moment of one match; with a folder, open the match from the list"
                .to_owned(),
        );
    }
    if reading.lineups.is_some() {
        usage_error(
            "--lineups goes with one StatsBomb events file; in a folder, each file's lineups are found beside it"
                .to_owned(),
        );
    }
    let catalog = library::scan(dir, reading.options).map_err(|e| {
        eprintln!(
            "error: {}: cannot list this folder: {e}",
            text::sanitize_line(&dir.display().to_string())
        );
        ExitCode::FAILURE
    })?;
    let limits = reading.options;
    let load: Loader = Arc::new(move |origin: &Origin| match origin {
        Origin::Bundled => Ok(import::bundled()),
        Origin::File(path) => import::load_path(path, limits),
        Origin::Fixture { path, index } => import::openfootball::load_fixture(path, *index, limits),
    });
    Ok(Session::Library(
        Box::new(Picker::new(catalog, options)),
        load,
    ))
}

/// Test builds only: with `TOUCHLINE_TEST_PANIC` set, draw one frame and
/// panic, so a test can check that a panic restores the terminal and
/// prints its message.
#[cfg(feature = "test-hooks")]
fn panic_if_asked(terminal: &mut ratatui::DefaultTerminal, app: &App) {
    if std::env::var_os("TOUCHLINE_TEST_PANIC").is_some() {
        let _ = terminal.draw(|frame| frame.render_widget(app, frame.area()));
        panic!("TOUCHLINE_TEST_PANIC asked for a panic after the first frame");
    }
}

/// A killed or hung-up viewer must not leave the terminal in raw mode: a
/// thread waits for SIGTERM, SIGHUP and SIGINT (Ctrl-C is a key in raw mode,
/// so SIGINT only comes from `kill`), restores the terminal and exits with
/// the shell's 128 + signal convention.
fn restore_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
        Ok(signals) => signals,
        Err(e) => {
            // Without the handler the defaults apply; the viewer still works.
            tracing::warn!("no handler for SIGTERM, SIGHUP and SIGINT: {e}");
            return;
        }
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            terminal::restore();
            let _ = crossterm::execute!(io::stdout(), crossterm::cursor::Show);
            std::process::exit(128 + signal);
        }
    });
}

fn print_summary(args: SummaryArgs, reading: Reading<'_>) -> ExitCode {
    let loaded = match load(args.file.as_deref(), reading) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let replay = Replay::new(loaded.game);
    let step = start_step(&args.point, &replay, Some("summary")).unwrap_or(replay.full_time());
    let state = replay.at(step);
    let mut output = args.format().render(&state);
    if !output.ends_with('\n') {
        output.push('\n');
    }
    write_stdout(&output)
}

fn validate(args: ValidateArgs, reading: Reading<'_>) -> ExitCode {
    let mut all_valid = true;
    let mut report = String::new();
    for path in &args.files {
        if import::openfootball::is_tournament_file(path) {
            match import::openfootball::load_path(path, reading.options) {
                Ok(tournament) => {
                    report.push_str(&text::sanitize_line(&format!(
                        "{}: ok ({})",
                        path.display(),
                        import::openfootball::describe(&tournament)
                    )));
                    report.push('\n');
                }
                Err(e) => {
                    all_valid = false;
                    eprintln!("{}", text::sanitize_line(&e.to_string()));
                }
            }
            if write_stdout(&std::mem::take(&mut report)) != ExitCode::SUCCESS {
                return ExitCode::FAILURE;
            }
            continue;
        }
        match reading.load(path) {
            Ok(loaded) => {
                for warning in &loaded.warnings {
                    eprintln!("{}", text::sanitize_line(&warning_line(warning)));
                }
                let events = loaded.game.events.len();
                let warnings = loaded.warnings.len();
                let mut line = format!(
                    "{}: ok ({} {}, {} {}",
                    path.display(),
                    events,
                    plural(events, "event", "events"),
                    warnings,
                    plural(warnings, "warning", "warnings"),
                );
                if let Some(import) = &loaded.report {
                    let skipped = import.skipped_total();
                    line.push_str(&format!(
                        "; {} file: {} records read, {} skipped",
                        import.format, import.events_read, skipped
                    ));
                }
                line.push(')');
                report.push_str(&text::sanitize_line(&line));
                report.push('\n');
            }
            Err(e) => {
                all_valid = false;
                eprintln!("{}", text::sanitize_line(&e.to_string()));
            }
        }
        // Flush per file so stdout and stderr interleave in file order.
        if write_stdout(&std::mem::take(&mut report)) != ExitCode::SUCCESS {
            return ExitCode::FAILURE;
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Writes FILE as a match file: the StatsBomb importer's output, which
/// loads back to the same state at every step.
fn convert(args: ConvertArgs, reading: Reading<'_>) -> ExitCode {
    let loaded = match load(Some(&args.file), reading) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    for warning in &loaded.warnings {
        eprintln!("{}", text::sanitize_line(&warning_line(warning)));
    }
    let mut json = loaded.game.to_json_pretty();
    json.push('\n');
    match &args.output {
        None => write_stdout(&json),
        Some(out) => match std::fs::write(out, json) {
            Ok(()) => {
                eprintln!(
                    "wrote {} ({} events)",
                    text::sanitize_line(&out.display().to_string()),
                    loaded.game.events.len()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!(
                    "error: {}: cannot write it: {e}",
                    text::sanitize_line(&out.display().to_string())
                );
                ExitCode::FAILURE
            }
        },
    }
}

/// `file:line:col: warning: message`, the form editors and CI logs pick up.
fn warning_line(warning: &Diagnostic) -> String {
    match warning.position {
        Some((line, column)) => format!(
            "{}:{line}:{column}: warning: {}",
            warning.file, warning.message
        ),
        None => format!("{}: warning: {}", warning.file, warning.message),
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Writes to stdout; a closed pipe (`touchline summary | head`) ends the
/// output quietly instead of panicking as `print!` would.
fn write_stdout(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

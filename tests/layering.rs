//! The layering of the source tree, checked by reading it (issue 9 and the
//! whiteboard's "never" arrows):
//!
//! - only the terminal layer (`src/tui/`, `src/tui.rs`) and the binary
//!   (`src/main.rs`, `src/cli.rs`) name `crate::tui`, ratatui or crossterm;
//! - nothing under `src/import` names the replay engine: loading does not
//!   run it;
//! - the top-level modules import one another without a cycle.
//!
//! A small scanner reads `crate::…` and `super::…` paths (comments left
//! out); it is not a Rust parser, but the code it reads is plain `use`
//! lines and qualified paths.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Files allowed, for a while, to name the terminal layer outside it. The
/// test fails as soon as one of them is clean, so an entry goes when its
/// file does. Empty since the keyboard part of the config moved into
/// `src/tui/` (issue 9).
const NOT_YET_CLEAN: &[&str] = &[];

/// What only the terminal layer and the binary may name.
const TERMINAL_NAMES: [&str; 4] = ["crate::tui", "touchline::tui", "ratatui", "crossterm"];

fn may_name_the_terminal(file: &str) -> bool {
    file.starts_with("src/tui/") || ["src/tui.rs", "src/main.rs", "src/cli.rs"].contains(&file)
}

/// The binary's own files, which reach the library as `touchline::`.
fn is_binary(file: &str) -> bool {
    ["src/main.rs", "src/cli.rs"].contains(&file)
}

struct Source {
    /// Relative to the package, with `/`: `src/import/native.rs`.
    name: String,
    /// The text without comments.
    code: String,
}

/// The library's top-level modules: `import` for `src/import.rs`.
fn top_level_modules(sources: &[Source]) -> BTreeSet<String> {
    sources
        .iter()
        .filter(|s| !is_binary(&s.name))
        .filter_map(|s| module_path(&s.name).first().cloned())
        .collect()
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    collect(&root.join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        // A unit-test module in a file of its own is test code.
        .filter(|path| !path.ends_with("tests.rs"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a source file is text");
            let name = path
                .strip_prefix(root)
                .expect("under the package")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            Source {
                name,
                code: without_comments(&without_test_modules(&text)),
            }
        })
        .collect()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("src/ can be listed")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The text without its `#[cfg(test)] mod … { … }` blocks: tests may use
/// any layer (a replay test loads the bundled match), the layering is
/// about what ships. A block ends at the first `}` in column one, as
/// rustfmt writes a top-level module.
fn without_test_modules(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let opens_test_module = line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.starts_with("mod ") && next.ends_with('{'));
        if opens_test_module {
            for skipped in lines.by_ref() {
                if skipped == "}" {
                    break;
                }
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Each line up to a `//` that is not inside a string: prose may mention
/// ratatui without depending on it.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut escaped = false;
        let mut prev = ' ';
        let mut end = line.len();
        for (i, c) in line.char_indices() {
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
            } else if c == '"' && prev != '\'' {
                in_string = true;
            } else if c == '/' && prev == '/' {
                end = i - 1;
                break;
            }
            prev = c;
        }
        out.push_str(&line[..end]);
        out.push('\n');
    }
    out
}

/// The module path of a library file: `src/import/native/convert.rs` is
/// `["import", "native", "convert"]`; `src/lib.rs` is `[]`.
fn module_path(file: &str) -> Vec<String> {
    let inner = file.trim_start_matches("src/").trim_end_matches(".rs");
    if inner == "lib" {
        return Vec::new();
    }
    inner.split('/').map(str::to_owned).collect()
}

fn ident_at(code: &str) -> &str {
    let end = code
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(code.len());
    &code[..end]
}

/// The first names of a path's continuation: `model` for `model::Match`,
/// `model` and `text` for `{model::Match, text}`.
fn first_names(code: &str) -> Vec<String> {
    let Some(inner) = code.strip_prefix('{') else {
        let name = ident_at(code);
        return if name.is_empty() {
            Vec::new()
        } else {
            vec![name.to_owned()]
        };
    };
    let mut names = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if c.is_whitespace() => {}
            _ if start && depth == 0 => {
                start = false;
                let name = ident_at(&inner[i..]);
                if !name.is_empty() && name != "self" {
                    names.push(name.to_owned());
                }
            }
            _ => {}
        }
    }
    names
}

/// The top-level modules (of `modules`) a library file reaches through
/// `crate::` or enough `super::`s to climb to the root, other than its
/// own. An inline `mod tests` climbs one level more for the same place,
/// which may name one of the file's own items: only module names count.
fn top_level_uses(source: &Source, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let path = module_path(&source.name);
    let own = path.first().cloned().unwrap_or_default();
    let mut used = BTreeSet::new();
    let code = &source.code;
    for (i, _) in code.match_indices("crate::") {
        if code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // part of a longer name, such as `my_crate::`
        }
        used.extend(first_names(&code[i + "crate::".len()..]));
    }
    let mut rest = code.as_str();
    while let Some(at) = rest.find("super::") {
        let mut after = &rest[at..];
        let mut climbs = 0;
        while let Some(next) = after.strip_prefix("super::") {
            climbs += 1;
            after = next;
        }
        if climbs == path.len() {
            used.extend(first_names(after));
        }
        rest = after;
    }
    used.retain(|name| *name != own && modules.contains(name));
    used
}

#[test]
fn only_the_terminal_layer_and_the_binary_name_the_terminal() {
    let mut offending: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for source in sources() {
        if may_name_the_terminal(&source.name) {
            continue;
        }
        let named: Vec<&str> = TERMINAL_NAMES
            .into_iter()
            .filter(|name| source.code.contains(name))
            .collect();
        if !named.is_empty() {
            offending.insert(source.name, named);
        }
    }
    let unexpected: Vec<_> = offending
        .iter()
        .filter(|(file, _)| !NOT_YET_CLEAN.contains(&file.as_str()))
        .collect();
    assert!(
        unexpected.is_empty(),
        "files outside src/tui/ and the binary that name the terminal layer: {unexpected:?}"
    );
    let now_clean: Vec<&&str> = NOT_YET_CLEAN
        .iter()
        .filter(|file| !offending.contains_key(**file))
        .collect();
    assert!(
        now_clean.is_empty(),
        "{now_clean:?} no longer name the terminal layer: take them off NOT_YET_CLEAN"
    );
}

#[test]
fn loading_does_not_run_the_replay_engine() {
    let sources = sources();
    let modules = top_level_modules(&sources);
    let offending: Vec<&str> = sources
        .iter()
        .filter(|s| s.name.starts_with("src/import"))
        .filter(|s| top_level_uses(s, &modules).contains("replay"))
        .map(|s| s.name.as_str())
        .collect();
    assert!(
        offending.is_empty(),
        "import files using the replay engine: {offending:?}"
    );
}

#[test]
fn top_level_modules_import_each_other_without_a_cycle() {
    // module -> module it uses -> the files that use it
    let sources = sources();
    let modules = top_level_modules(&sources);
    let mut edges: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for source in &sources {
        if is_binary(&source.name) {
            continue;
        }
        let Some(own) = module_path(&source.name).first().cloned() else {
            continue;
        };
        for used in top_level_uses(source, &modules) {
            edges
                .entry(own.clone())
                .or_default()
                .entry(used)
                .or_default()
                .push(source.name.clone());
        }
    }
    let cycles = cycles(&edges);
    let described: Vec<String> = cycles
        .iter()
        .map(|cycle| {
            let steps: Vec<String> = cycle
                .iter()
                .zip(cycle.iter().cycle().skip(1))
                .map(|(from, to)| format!("{from} -> {to} ({})", edges[from][to].join(", ")))
                .collect();
            steps.join("; ")
        })
        .collect();
    assert!(described.is_empty(), "import cycles: {described:#?}");
}

/// One cycle through each strongly connected group of two or more
/// modules (a path back to where it starts, found by search).
fn cycles(edges: &BTreeMap<String, BTreeMap<String, Vec<String>>>) -> Vec<Vec<String>> {
    let reaches = |from: &str, to: &str| -> Option<Vec<String>> {
        // Breadth-first, remembering the way, for the shortest loop.
        let mut came_from: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([from.to_owned()]);
        while let Some(at) = queue.pop_front() {
            for next in edges.get(&at).into_iter().flat_map(|e| e.keys()) {
                if next == to {
                    let mut path = vec![at.clone()];
                    while let Some(before) = came_from.get(path.last().expect("not empty")) {
                        path.push(before.clone());
                    }
                    path.reverse();
                    return Some(path);
                }
                if next != from && !came_from.contains_key(next) {
                    came_from.insert(next.clone(), at.clone());
                    queue.push_back(next.clone());
                }
            }
        }
        None
    };
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for module in edges.keys() {
        if seen.contains(module) {
            continue;
        }
        if let Some(cycle) = reaches(module, module) {
            seen.extend(cycle.iter().cloned());
            found.push(cycle);
        }
    }
    found
}

/// The scanner itself, on code written to trip it.
#[test]
fn the_scanner_reads_paths_and_skips_comments() {
    let source = Source {
        name: "src/summary/markdown.rs".to_owned(),
        code: without_comments(
            "use crate::{model::{Event, Side}, text};\n\
             use super::super::replay::State; // crate::tui in a comment\n\
             let url = \"https://example.org\"; crate::share::line();\n\
             use super::phase_line;\n",
        ),
    };
    let modules = ["model", "replay", "share", "summary", "text", "tui"]
        .map(str::to_owned)
        .into();
    let used: Vec<String> = top_level_uses(&source, &modules).into_iter().collect();
    assert_eq!(used, ["model", "replay", "share", "text"]);
    assert!(!source.code.contains("crate::tui"));

    let edges: BTreeMap<String, BTreeMap<String, Vec<String>>> =
        [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
            .into_iter()
            .fold(BTreeMap::new(), |mut edges, (from, to)| {
                edges
                    .entry(from.to_owned())
                    .or_default()
                    .insert(to.to_owned(), vec![format!("src/{from}.rs")]);
                edges
            });
    assert_eq!(cycles(&edges), [["a", "b", "c"]]);
}

#[test]
fn test_modules_are_left_out_and_the_code_after_them_kept() {
    let text = "use crate::model::Match;\n\
                #[cfg(test)]\n\
                mod tests {\n    use crate::replay::Replay;\n    fn f() {}\n}\n\
                use crate::text;\n";
    let kept = without_test_modules(text);
    assert!(kept.contains("crate::model") && kept.contains("crate::text"));
    assert!(!kept.contains("crate::replay"), "{kept}");
}

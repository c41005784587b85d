//! `community-coping ideas add DRAFT --into DECK`: merges a draft ideas file
//! (written by a debrief workshop) into a deck's `ideas.ron`, creating the
//! file and its `files` entry in `scenario.ron` when the deck has none. Ids
//! already in the deck are refused in one line; the merged deck is checked
//! in memory first and nothing is written unless it validates.

use std::io::Read as _;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use serde::Deserialize;

use super::Format;
use crate::content::{self, MAX_FILE_BYTES, Sources};
use crate::session::write_atomic;

/// What to do with resource ideas.
#[derive(Debug, Subcommand)]
pub enum IdeasCommand {
    /// Add the ideas of a draft ideas file to a deck's ideas.ron, then check the deck.
    Add {
        /// The draft ideas file (e.g. one a debrief workshop wrote).
        draft: PathBuf,
        /// The deck folder (the one that holds scenario.ron).
        #[arg(long, value_name = "DECK_DIR")]
        into: PathBuf,
    },
}

pub(super) fn run(command: &IdeasCommand) -> ExitCode {
    let IdeasCommand::Add { draft, into } = command;
    match add(draft, into) {
        Ok(added) => {
            println!(
                "added {} idea(s) to {}: {}",
                added.ids.len(),
                added.file.display(),
                added.ids.join(", ")
            );
            super::validate::run(Some(into), Format::Text)
        }
        Err(Failure::Line(line)) => {
            eprintln!("error: {line}");
            ExitCode::FAILURE
        }
        Err(Failure::Invalid(diags)) => {
            for d in &diags {
                eprint!("{}", d.render());
            }
            let n = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: with these ideas the deck would have {n} error(s); nothing was written: fix the draft and run again"
            );
            ExitCode::FAILURE
        }
    }
}

/// Why nothing was added.
#[derive(Debug)]
enum Failure {
    /// One line saying what is wrong and how to fix it.
    Line(String),
    /// The merged deck does not validate.
    Invalid(Vec<content::Diagnostic>),
}

/// What was added, and where.
struct Added {
    ids: Vec<String>,
    file: PathBuf,
}

/// Only the ids of an ideas or connections file (everything else ignored).
#[derive(Deserialize)]
#[serde(rename = "Ideas")]
struct IdeaIds {
    ideas: Vec<IdeaId>,
}

#[derive(Deserialize)]
#[serde(rename = "Connections")]
struct ConnectionIds {
    connections: Vec<ConnectionKey>,
}

#[derive(Deserialize)]
#[serde(rename = "Idea")]
struct IdeaId {
    id: String,
}

#[derive(Deserialize)]
#[serde(rename = "Connection")]
struct ConnectionKey {
    id: String,
}

/// Only the `files` of scenario.ron.
#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct ScenarioFiles {
    files: FileNames,
}

#[derive(Deserialize)]
#[serde(rename = "Files")]
struct FileNames {
    connections: String,
    #[serde(default)]
    ideas: String,
}

/// A deck file's text, read with the deck's size limit.
fn read_text(path: &Path) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| Failure::Line(format!("cannot read {}: {e}", path.display())))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Failure::Line(format!(
            "{} is larger than a deck file may be ({MAX_FILE_BYTES} bytes)",
            path.display()
        )));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure::Line(format!(
            "{} is not UTF-8 text: save it as UTF-8 and run again",
            path.display()
        ))
    })?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(&text).to_owned())
}

/// A file name from `scenario.ron`, accepted only as a plain `.ron` name
/// inside the deck folder (never a path elsewhere).
fn deck_file_name<'a>(name: &'a str, what: &str) -> Result<&'a str, Failure> {
    let mut parts = Path::new(name).components();
    let plain = matches!(parts.next(), Some(Component::Normal(_)))
        && parts.next().is_none()
        && !name.contains(['/', '\\', ':'])
        && !name.starts_with('.')
        && name.ends_with(".ron");
    if plain {
        Ok(name)
    } else {
        Err(Failure::Line(format!(
            "scenario.ron names the {what} file \"{name}\", which is not a plain .ron file name in the deck folder: use a name like \"{what}.ron\""
        )))
    }
}

fn add(draft: &Path, deck: &Path) -> Result<Added, Failure> {
    let draft_text = read_text(draft)?;
    let draft_ids: IdeaIds = ron::from_str(&draft_text).map_err(|e| {
        Failure::Line(format!(
            "{} is not an ideas file ({e}): it should hold Ideas(ideas: [Idea(...), ...])",
            draft.display()
        ))
    })?;
    if draft_ids.ideas.is_empty() {
        return Err(Failure::Line(format!(
            "{} holds no ideas: nothing to add",
            draft.display()
        )));
    }
    let entries = list_body(&draft_text, "ideas").ok_or_else(|| {
        Failure::Line(format!(
            "cannot find the `ideas: [...]` list in {}",
            draft.display()
        ))
    })?;
    if !deck.join("scenario.ron").is_file() {
        return Err(Failure::Line(format!(
            "{} holds no scenario.ron: give the deck folder with --into",
            deck.display()
        )));
    }
    let scenario_text = read_text(&deck.join("scenario.ron"))?;
    let scenario: ScenarioFiles = ron::from_str(&scenario_text).map_err(|e| {
        Failure::Line(format!(
            "cannot read {}/scenario.ron ({e}): run `community-coping validate` on the deck first",
            deck.display()
        ))
    })?;
    let connections_name = deck_file_name(&scenario.files.connections, "connections")?;
    let (ideas_name, new_scenario) = if scenario.files.ideas.is_empty() {
        let with_entry = add_files_entry(&scenario_text).ok_or_else(|| {
            Failure::Line(
                "cannot find `files: Files(...)` in scenario.ron: add `ideas: \"ideas.ron\"` to it by hand"
                    .to_owned(),
            )
        })?;
        ("ideas.ron", Some(with_entry))
    } else {
        (deck_file_name(&scenario.files.ideas, "ideas")?, None)
    };

    // Ids the deck already uses: its ideas and its connection cards.
    let ideas_path = deck.join(ideas_name);
    let existing = if ideas_path.is_file() {
        Some(read_text(&ideas_path)?)
    } else {
        None
    };
    let mut taken: Vec<String> = Vec::new();
    if let Some(text) = &existing {
        let ids: IdeaIds = ron::from_str(text).map_err(|e| {
            Failure::Line(format!(
                "cannot read {} ({e}): run `community-coping validate` on the deck first",
                ideas_path.display()
            ))
        })?;
        taken.extend(ids.ideas.into_iter().map(|i| i.id));
    }
    if let Ok(text) = read_text(&deck.join(connections_name))
        && let Ok(ids) = ron::from_str::<ConnectionIds>(&text)
    {
        taken.extend(ids.connections.into_iter().map(|c| c.id));
    }
    let new_ids: Vec<String> = draft_ids.ideas.into_iter().map(|i| i.id).collect();
    let mut clashes: Vec<&str> = Vec::new();
    for (i, id) in new_ids.iter().enumerate() {
        if (taken.contains(id) || new_ids[..i].contains(id)) && !clashes.contains(&id.as_str()) {
            clashes.push(id);
        }
    }
    if !clashes.is_empty() {
        return Err(Failure::Line(format!(
            "the deck already uses the id(s) {}: give each idea in {} an id of its own and run again",
            clashes
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", "),
            draft.display()
        )));
    }

    let merged = match &existing {
        Some(text) => insert_entries(text, "ideas", &entries).ok_or_else(|| {
            Failure::Line(format!(
                "cannot find the `ideas: [...]` list in {}",
                ideas_path.display()
            ))
        })?,
        None => format!(
            "// Resource ideas the team can found (創る); see the scenarios README.\nIdeas(\n    ideas: [\n{}\n    ],\n)\n",
            entries.trim_end()
        ),
    };

    // Check the deck as it would be, before writing anything.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for entry in std::fs::read_dir(deck).into_iter().flatten().flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "ron") || name == ideas_name {
            continue;
        }
        let mut bytes = Vec::new();
        let _ = std::fs::File::open(&path)
            .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes));
        files.push((name.to_owned(), bytes));
    }
    files.push((ideas_name.to_owned(), merged.clone().into_bytes()));
    if let Some(text) = &new_scenario {
        files.retain(|(n, _)| n != "scenario.ron");
        files.push(("scenario.ron".to_owned(), text.clone().into_bytes()));
    }
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let root = deck.display().to_string();
    if let Err(e) = content::load(&Sources::from_bytes(&root, &refs)) {
        return Err(Failure::Invalid(e.0));
    }

    let write = |path: &Path, text: &str| {
        write_atomic(path, text.as_bytes(), false)
            .map_err(|e| Failure::Line(format!("cannot write {}: {e}", path.display())))
    };
    write(&ideas_path, &merged)?;
    if let Some(text) = &new_scenario {
        write(&deck.join("scenario.ron"), text)?;
    }
    Ok(Added {
        ids: new_ids,
        file: ideas_path,
    })
}

/// Byte offsets of the code of `text`: everything outside strings and
/// comments, so brackets and names inside them are never taken for RON.
fn code_mask(text: &str) -> Vec<bool> {
    let b = text.as_bytes();
    let mut code = vec![true; b.len()];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(b.len());
                code[start..i].fill(false);
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let start = i;
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                code[start..i].fill(false);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let start = i;
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i = (i + 2).min(b.len());
                code[start..i].fill(false);
            }
            _ => i += 1,
        }
    }
    code
}

/// The field `name:` in code, followed by `open`: the offset just after `open`.
fn field_open(text: &str, code: &[bool], name: &str, open: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(k) = text[from..].find(name) {
        let at = from + k;
        from = at + name.len();
        let before_ok = at == 0 || !(b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_');
        if !code[at] || !before_ok {
            continue;
        }
        let rest = text[from..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix(open) {
            return Some(text.len() - after.len());
        }
    }
    None
}

/// The offset of the bracket closing the one opened just before `start`.
fn closing(text: &str, code: &[bool], start: usize) -> Option<usize> {
    let mut depth = 1usize;
    for (i, c) in text.bytes().enumerate().skip(start) {
        if !code[i] {
            continue;
        }
        match c {
            b'[' | b'(' | b'{' => depth += 1,
            b']' | b')' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The entries of the list `name: [...]`, each line kept, ending in a comma.
fn list_body<'a>(text: &'a str, name: &str) -> Option<String> {
    let code = code_mask(text);
    let start = field_open(text, &code, name, "[")?;
    let end = closing(text, &code, start)?;
    let body: &'a str = text[start..end].trim_matches('\n').trim_end();
    if body.trim().is_empty() {
        return Some(String::new());
    }
    let mut body = body.to_owned();
    if !last_code_char_is_comma(&body) {
        body.push(',');
    }
    body.push('\n');
    Some(body)
}

/// Whether the last character of code (not comment) in `text` is a comma.
fn last_code_char_is_comma(text: &str) -> bool {
    let code = code_mask(text);
    text.bytes()
        .enumerate()
        .rev()
        .find(|(i, c)| code[*i] && !c.is_ascii_whitespace())
        .is_some_and(|(_, c)| c == b',' || c == b'[')
}

/// `text` with `entries` added at the end of its list `name: [...]`.
fn insert_entries(text: &str, name: &str, entries: &str) -> Option<String> {
    let code = code_mask(text);
    let start = field_open(text, &code, name, "[")?;
    let end = closing(text, &code, start)?;
    let head = text[..end].trim_end();
    let mut out = head.to_owned();
    if !last_code_char_is_comma(head) {
        out.push(',');
    }
    out.push('\n');
    out.push_str(entries);
    let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    let indent = &text[line_start..end];
    if indent.trim().is_empty() {
        out.push_str(indent);
    }
    out.push_str(&text[end..]);
    Some(out)
}

/// scenario.ron with `ideas: "ideas.ron"` added to its `files: Files(...)`.
fn add_files_entry(text: &str) -> Option<String> {
    let code = code_mask(text);
    let start = field_open(text, &code, "files", "Files(")?;
    let end = closing(text, &code, start)?;
    let inner = &text[start..end];
    let head = text[..end].trim_end();
    let mut out = head.to_owned();
    if !last_code_char_is_comma(head) && !inner.trim().is_empty() {
        out.push(',');
    }
    if inner.contains('\n') {
        // one field a line: copy the indent of the last one
        let last = head.rfind('\n').map_or(0, |i| i + 1);
        let indent: String = head[last..]
            .chars()
            .take_while(|c| c.is_whitespace())
            .collect();
        out.push('\n');
        out.push_str(&indent);
        out.push_str("ideas: \"ideas.ron\",");
        let closing_line = text[..end].rfind('\n').map_or(0, |i| i + 1);
        out.push('\n');
        let close_indent = &text[closing_line..end];
        if close_indent.trim().is_empty() {
            out.push_str(close_indent);
        }
    } else {
        out.push_str(" ideas: \"ideas.ron\"");
    }
    out.push_str(&text[end..]);
    Some(out)
}

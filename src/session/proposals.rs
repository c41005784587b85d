//! The local connection card workshop's output: the proposals of a session,
//! written as a draft connections file in the deck format, which a designer
//! checks with `community-coping validate` and copies into a local deck, and
//! the same proposals as a draft `ideas.ron` (resources the team could found
//! in a game, 創る), which `community-coping ideas add` merges into a deck.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::atomic::write_atomic;
use super::error::SessionError;
use super::paths::{data_dir, safe_file_stem};
use super::record::Proposal;

/// Where a session's draft connections file goes:
/// `<data folder>/proposals/<session id>-connections.ron`, the id cleaned by
/// [`safe_file_stem`] so that a shared file's id cannot point elsewhere.
pub fn proposals_path(session_id: &str) -> Result<PathBuf, SessionError> {
    Ok(data_dir()?
        .join("proposals")
        .join(format!("{}-connections.ron", safe_file_stem(session_id))))
}

/// The draft ideas file written beside the draft connections file at
/// `connections`: `<session>-ideas.ron` for `<session>-connections.ron`.
pub fn ideas_path_for(connections: &Path) -> PathBuf {
    let name = connections
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("proposals");
    let stem = name
        .strip_suffix("-connections.ron")
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(name);
    connections.with_file_name(format!("{stem}-ideas.ron"))
}

/// Actions a proposed idea costs to found, until the designer changes it.
pub const DRAFT_IDEA_COST: u8 = 4;

/// A RON string literal: quotes, backslashes and line breaks escaped.
fn ron_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.trim().chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The draft connections file for `proposals`, in the deck's
/// `connections.ron` format. Each card's name and description are written
/// in every language of the deck (`languages`), to be translated.
pub fn draft_connections(session_id: &str, languages: &[String], proposals: &[Proposal]) -> String {
    draft(
        &format!(
            "// Local connection cards proposed in the debrief of session {session_id}.\n\
             // Check the wording (every language holds the text as typed), then copy the\n\
             // Connection(...) entries into your deck's connections.ron and run\n\
             // `community-coping validate` on the deck."
        ),
        "Connections(\n    specialities: [],\n    connections: [\n",
        &Draft {
            record: "Connection",
            id: format!("local-{}", short_id(session_id)),
            cost: None,
        },
        languages,
        proposals,
    )
}

/// The draft ideas file for `proposals`, in the deck's `ideas.ron` format:
/// one resource idea per proposal, costing [`DRAFT_IDEA_COST`] actions,
/// `Informal` unless the proposal is a public service, helping the worries
/// and having the specialities the proposal names. Ids (`idea-<session>-NN`)
/// never clash with the draft connections' (`local-…`).
pub fn draft_ideas(session_id: &str, languages: &[String], proposals: &[Proposal]) -> String {
    draft(
        &format!(
            "// Resource ideas proposed in the debrief of session {session_id}: places and\n\
             // people the town could create (創る). Check the wording (every language holds\n\
             // the text as typed) and the costs, then add them to a deck with\n\
             // `community-coping ideas add THIS-FILE --into DECK-FOLDER`."
        ),
        "Ideas(\n    ideas: [\n",
        &Draft {
            record: "Idea",
            id: format!("idea-{}", short_id(session_id)),
            cost: Some(DRAFT_IDEA_COST),
        },
        languages,
        proposals,
    )
}

/// How one kind of draft writes each proposal: its record name, the id
/// prefix (a number follows) and, for ideas, the cost.
struct Draft {
    record: &'static str,
    id: String,
    cost: Option<u8>,
}

/// A draft deck file: the comment, the opening, one record per proposal.
fn draft(
    comment: &str,
    opening: &str,
    kind: &Draft,
    languages: &[String],
    proposals: &[Proposal],
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{comment}");
    out.push_str(opening);
    let text = |s: &str| {
        let parts: Vec<String> = languages
            .iter()
            .map(|l| format!("{}: {}", ron_str(l), ron_str(s)))
            .collect();
        format!("{{{}}}", parts.join(", "))
    };
    for (i, p) in proposals.iter().enumerate() {
        let specialities: Vec<String> = p.specialities.iter().map(|s| ron_str(s)).collect();
        let helps: Vec<String> = p.helps.iter().map(|w| format!("{w:?}")).collect();
        let cost = kind
            .cost
            .map_or_else(String::new, |c| format!("            cost: {c},\n"));
        let _ = writeln!(
            out,
            "        {}(\n            id: {},\n            name: {},\n            kind: {},\n            specialities: [{}],\n            helps: [{}],\n            description: {},\n{cost}        ),",
            kind.record,
            ron_str(&format!("{}-{:02}", kind.id, i + 1)),
            text(&p.name),
            if p.public { "Public" } else { "Informal" },
            specialities.join(", "),
            helps.join(", "),
            text(&p.description),
        );
    }
    out.push_str("    ],\n)\n");
    out
}

/// The session id's characters that are safe in a card id.
fn short_id(session_id: &str) -> String {
    session_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Writes the draft connections file at `path` and the draft ideas file
/// beside it ([`ideas_path_for`]), each atomically (replacing the previous
/// drafts of the session).
pub fn write_proposals(
    path: &Path,
    session_id: &str,
    languages: &[String],
    proposals: &[Proposal],
) -> Result<(), SessionError> {
    write_atomic(
        path,
        draft_connections(session_id, languages, proposals).as_bytes(),
        false,
    )?;
    write_atomic(
        &ideas_path_for(path),
        draft_ideas(session_id, languages, proposals).as_bytes(),
        false,
    )
}

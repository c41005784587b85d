//! `community-coping validate`: exit 0 when the deck is valid (warnings
//! printed), 1 when it has errors.

use std::path::Path;
use std::process::ExitCode;

use super::{Format, LoadFailure, load_scenario};
use crate::content::Diagnostic;

pub(super) fn run(dir: Option<&Path>, format: Format) -> ExitCode {
    let (diags, ok, summary) = match load_scenario(dir) {
        Ok(l) => {
            let c = &l.content;
            // Reserve cards (`copies: 0`) come into play only through events.
            let in_deck = c.connections().iter().filter(|x| x.in_deck).count();
            let reserve = c.connections().len() - in_deck;
            let summary = format!(
                "ok: scenario \"{}\" ({}) — {} districts, {} residents, {} connection cards ({in_deck} in the deck, {reserve} in reserve), {} roles, {} events, {} difficulty presets, {} debrief questions",
                c.id(),
                c.content_hash(),
                c.districts().len(),
                c.residents().len(),
                c.connections().len(),
                c.roles().len(),
                c.events().len(),
                c.difficulties().len(),
                c.debrief_questions().len(),
            );
            (l.warnings, true, summary)
        }
        Err(LoadFailure::Invalid(d)) => {
            let n = d.iter().filter(|x| x.is_error()).count();
            (d, false, format!("error: the scenario has {n} error(s)"))
        }
        Err(f @ LoadFailure::NotADirectory(_)) => {
            f.report();
            return ExitCode::FAILURE;
        }
    };
    match format {
        Format::Json => println!("{}", to_json(&diags)),
        Format::Text => {
            for d in &diags {
                print!("{}", d.render());
                println!();
            }
            println!("{summary}");
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn to_json(diags: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(diags).unwrap_or_else(|_| "[]".to_owned())
}

//! The debrief workshop's local connection card proposals, in words, for
//! every export: name, public service or informal support, specialities
//! (by the deck's names; a key the deck lacks shows as typed), the worries
//! it helps with, and the description. Typed text is pseudonymised before
//! this point, with the rest of the session.

use crate::content::Content;
use crate::i18n::{Texts, worry_label};
use crate::session::Proposal;

/// One proposal, ready to show.
#[derive(Debug, Clone)]
pub(super) struct ProposalDoc {
    pub name: String,
    /// `公的なサービス` / `public service`, or the informal label.
    pub kind: String,
    /// The specialities' names, in the order chosen.
    pub specialities: Vec<String>,
    /// The worries' labels, in the order chosen.
    pub helps: Vec<String>,
    pub description: String,
}

impl ProposalDoc {
    pub fn of(p: &Proposal, content: &Content, texts: &Texts) -> ProposalDoc {
        let lang = texts.language();
        ProposalDoc {
            name: p.name.trim().to_owned(),
            kind: texts
                .t(if p.public {
                    "export.proposals.public"
                } else {
                    "export.proposals.informal"
                })
                .to_owned(),
            specialities: p
                .specialities
                .iter()
                .map(|key| {
                    content
                        .specialities()
                        .iter()
                        .find(|s| s.key == *key)
                        .map_or_else(|| key.clone(), |s| s.name.get(lang).to_owned())
                })
                .collect(),
            helps: p
                .helps
                .iter()
                .map(|w| worry_label(texts, *w).to_owned())
                .collect(),
            description: p.description.trim().to_owned(),
        }
    }

    /// The details line items: specialities and worries, when any.
    pub fn details(&self, texts: &Texts) -> Vec<String> {
        let sep = texts.t("log.list_separator");
        let mut out = Vec::new();
        if !self.specialities.is_empty() {
            out.push(texts.fmt(
                "export.proposals.specialities",
                &[("list", &self.specialities.join(sep))],
            ));
        }
        if !self.helps.is_empty() {
            out.push(texts.fmt("export.proposals.helps", &[("list", &self.helps.join(sep))]));
        }
        out
    }

    /// One sentence: name, kind and description.
    pub fn sentence(&self, texts: &Texts) -> String {
        texts.fmt(
            "export.proposals.sentence",
            &[
                ("name", &self.name),
                ("kind", &self.kind),
                ("description", &self.description),
            ],
        )
    }
}

//! Words for the content's enums (worry categories, households, age bands,
//! needs) in the UI language.

use super::texts::Texts;
use crate::content::{AgeBand, Content, Household, Need, Worry};

/// `お金` / `money`.
pub fn worry_label(texts: &Texts, worry: Worry) -> &str {
    texts.t(match worry {
        Worry::Money => "worry.money",
        Worry::Health => "worry.health",
        Worry::Living => "worry.living",
        Worry::Relationships => "worry.relationships",
    })
}

/// `一人暮らし` / `lives alone`.
pub fn household_label(texts: &Texts, household: Household) -> &str {
    texts.t(match household {
        Household::LivingAlone => "household.living_alone",
        Household::Couple => "household.couple",
        Household::ElderlyCouple => "household.elderly_couple",
        Household::SingleParent => "household.single_parent",
        Household::YoungCarer => "household.young_carer",
        Household::Household8050 => "household.8050",
        Household::WithFamily => "household.with_family",
        Household::MultiGeneration => "household.multi_generation",
        Household::SharedHouse => "household.shared_house",
    })
}

/// `40代` / `40s`.
pub fn age_label(texts: &Texts, age: AgeBand) -> String {
    texts.fmt("age.band", &[("decade", &age.decade())])
}

/// A need: its worry category, or the speciality's name from the deck.
pub fn need_label(texts: &Texts, content: &Content, need: Need) -> String {
    match need {
        Need::Worry(w) => worry_label(texts, w).to_owned(),
        Need::Speciality(s) => content.speciality(s).name.get(texts.language()).to_owned(),
    }
}

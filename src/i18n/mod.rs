//! The game shell's words: per-language string tables (`assets/i18n/*.ron`,
//! compiled in), labels for content enums, rule-error messages and the
//! readable log's event sentences. Bevy-free, so it is tested without a window.

mod labels;
mod link_work;
mod log;
mod reflect;
mod rule_error;
mod texts;

pub use labels::{age_label, household_label, need_label, worry_label};
pub use link_work::{LinkWorkLine, link_work_lines, one_decimal};
pub use log::{LogContext, SeatLabel, describe, describe_action, describe_all, is_noise};
pub use reflect::{
    card_list, closest_sentence, connection_use_sentence, ending_sentences, intervention_label,
    never_used_sentence, remark_sentence, story_sentences, story_title, unmet_sentence,
    usage_sentences,
};
pub use rule_error::rule_error;
pub use texts::{LANGUAGES, Texts};

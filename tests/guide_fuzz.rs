//! The guide reader takes hostile files: the bundled `guide.ron` with bytes
//! changed, inserted or cut, and with random text, never panics, and every
//! problem it reports is one line naming the file.

use std::sync::{Arc, LazyLock};

use community_coping::content::Content;
use community_coping::guide::{load as load_guide, one_line};
use proptest::prelude::*;

mod common;
use common::{
    TUTORIAL_GUIDE as GUIDE, tutorial_content as content, tutorial_with_guide as with_guide,
};

/// The deck, loaded once for every case.
static CONTENT: LazyLock<Arc<Content>> = LazyLock::new(content);

/// Loads `text` as the guide; every diagnostic must be one line in the guide's file.
fn check(content: &Arc<Content>, text: &str) {
    if let Err(errors) = load_guide(&with_guide(text), content) {
        assert!(!errors.0.is_empty(), "a refusal says why");
        for d in &errors.0 {
            let line = one_line(d);
            assert!(!line.contains('\n'), "{line:?}");
            assert!(line.starts_with("scenarios/tutorial/"), "{line}");
        }
    }
}

/// Byte edits that keep the text UTF-8 (the reader of bytes is the deck's,
/// fuzzed with the deck).
fn edited(base: &str, edits: &[(usize, u8, u8)]) -> String {
    let mut bytes = base.as_bytes().to_vec();
    for &(at, kind, byte) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = at % bytes.len();
        let table = b"(){}[]\":,0123456789-_aZ \n\\";
        let byte = table[usize::from(byte) % table.len()];
        match kind % 3 {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            _ => {
                bytes.truncate(at);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_guide_never_panics_and_says_why_in_one_line(
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..6)
    ) {
        check(&CONTENT, &edited(GUIDE, &edits));
    }

    #[test]
    fn random_text_as_a_guide_is_one_clear_line(text in "\\PC{0,400}") {
        check(&CONTENT, &text);
    }
}

#[test]
fn a_cut_guide_is_refused_in_one_line_naming_the_file() {
    // The edits reach the reader: half a guide is refused, and says so.
    let content = Arc::clone(&CONTENT);
    let half = &GUIDE[..GUIDE.len() / 2];
    let half = &half[..half.char_indices().last().map_or(0, |(i, _)| i)];
    let errors = load_guide(&with_guide(half), &content).expect_err("half a guide is refused");
    let line = one_line(&errors.0[0]);
    assert!(line.starts_with("scenarios/tutorial/guide.ron"), "{line}");
    assert!(!line.contains('\n'), "{line}");
    check(&content, half);
}

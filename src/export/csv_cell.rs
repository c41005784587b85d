//! One CSV cell, written the same way by the session export and the report:
//! RFC 4180 quoting, and text a spreadsheet would run as a formula kept as
//! text.
//!
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! (the characters Excel, LibreOffice and Google Sheets read as the start of
//! a formula, or skip before one), or with their full-width forms `＝`, `＋`,
//! `－`, `＠` (which a Japanese spreadsheet may turn into the ASCII ones), gets
//! a leading `'`, so a typed name or note can never run as a formula.

/// The characters that make a cell's first character a formula's.
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// Whether `value` would be read as a formula if written as it is.
pub(crate) fn looks_like_formula(value: &str) -> bool {
    value.starts_with(FORMULA_STARTS)
}

/// Appends `value` to `out` as one CSV field: guarded against formulas,
/// quoted when it holds a comma, a quote or a line break.
pub(crate) fn push_field(out: &mut String, value: &str) {
    let guarded = looks_like_formula(value);
    let quoted = value.contains(['"', ',', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in value.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// `value` as one CSV field (see [`push_field`]).
pub(crate) fn field(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 3);
    push_field(&mut out, value);
    out
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quotes_and_guards() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("@me"), "'@me");
        assert_eq!(field("\tTAB"), "'\tTAB");
        assert_eq!(field("\r=1"), "\"'\r=1\"");
        assert_eq!(field("＝SUM(A1)"), "'＝SUM(A1)");
        assert_eq!(field("=1,2"), "\"'=1,2\"");
        assert_eq!(field("a=1"), "a=1");
        assert_eq!(field(""), "");
    }
}

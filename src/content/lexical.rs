//! A light scan of RON text (strings, comments, brackets) for what the RON
//! parser does not say: where a list's items start, where an unclosed string
//! opened, and characters a Japanese input method types in place of ASCII.

/// Characters a Japanese input method types in place of RON's ASCII
/// punctuation, with the character RON needs.
const LOOKALIKES: [(char, &str); 12] = [
    ('：', ":"),
    ('，', ","),
    ('“', "\""),
    ('”', "\""),
    ('‘', "\""),
    ('’', "\""),
    ('（', "("),
    ('）', ")"),
    ('［', "["),
    ('］', "]"),
    ('｛', "{"),
    ('｝', "}"),
];

/// The ASCII character RON needs in place of a look-alike, if `c` is one.
pub(crate) fn ascii_for(c: char) -> Option<&'static str> {
    match c {
        '\u{3000}' => Some(" "),
        _ => LOOKALIKES.iter().find(|(l, _)| *l == c).map(|(_, a)| *a),
    }
}

/// What a scan up to an offset saw.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Start of a string still open at the offset.
    pub open_string: Option<usize>,
    /// Start and end (the closing quote) of the last string closed before the offset.
    pub last_string: Option<(usize, usize)>,
    /// Look-alike characters outside strings and comments, with their offsets.
    pub lookalikes: Vec<(usize, char)>,
}

/// Scans `text` up to byte offset `until`.
pub(crate) fn scan(text: &str, until: usize) -> Scan {
    let mut out = Scan::default();
    let mut it = text.char_indices().peekable();
    let mut prev = ' ';
    while let Some((i, c)) = it.next() {
        if i >= until {
            break;
        }
        match c {
            '"' => match string_end(text, i + 1, false, 0) {
                Some(end) if end < until => {
                    out.last_string = Some((i, end));
                    while it.peek().is_some_and(|(j, _)| *j <= end) {
                        it.next();
                    }
                }
                _ => {
                    out.open_string = Some(i);
                    break;
                }
            },
            'r' if !is_ident(prev) && raw_start(text, i + 1).is_some() => {
                let (hashes, quote) = raw_start(text, i + 1).unwrap_or((0, i + 1));
                match string_end(text, quote + 1, true, hashes) {
                    Some(end) if end < until => {
                        out.last_string = Some((quote, end));
                        while it.peek().is_some_and(|(j, _)| *j <= end + hashes) {
                            it.next();
                        }
                    }
                    _ => {
                        out.open_string = Some(quote);
                        break;
                    }
                }
            }
            '/' if text[i..].starts_with("//") => {
                while it.peek().is_some_and(|(_, c)| *c != '\n') {
                    it.next();
                }
            }
            '/' if text[i..].starts_with("/*") => {
                let mut depth = 0usize;
                let mut last = '/';
                for (_, c) in it.by_ref() {
                    match (last, c) {
                        ('/', '*') => depth += 1,
                        ('*', '/') => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    last = if (last, c) == ('*', '/') { ' ' } else { c };
                }
            }
            c if ascii_for(c).is_some() => out.lookalikes.push((i, c)),
            _ => {}
        }
        prev = c;
    }
    out
}

/// A clearer account of a RON syntax error at byte offset `at`, for two
/// mistakes the parser reports poorly: a look-alike character typed by a
/// Japanese input method, and a string whose closing quote is missing (the
/// parser only notices on a later line). Gives the offset to point at, what is
/// wrong, and how to fix it.
pub(crate) fn explain(text: &str, at: usize) -> Option<(usize, String, String)> {
    let at = at.min(text.len());
    let s = scan(text, at);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    // The parser may stop on the blank before the culprit.
    let here_at = at + (text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len());
    let here = text[here_at..]
        .chars()
        .next()
        .filter(|c| ascii_for(*c).is_some());
    let lookalike = match (here, s.open_string) {
        (Some(c), None) => Some((here_at, c)),
        _ => s
            .lookalikes
            .iter()
            .rev()
            .find(|(o, _)| *o >= line_start)
            .copied(),
    };
    if let Some((o, c)) = lookalike {
        let ascii = ascii_for(c).unwrap_or("?");
        let (what, name) = match c {
            '“' | '”' | '‘' | '’' => ("a curly quote", "a straight"),
            '\u{3000}' => ("a full-width space", "an ordinary"),
            _ => ("a full-width", "a half-width"),
        };
        let shown = if c == '\u{3000}' {
            "　".to_owned()
        } else {
            c.to_string()
        };
        return Some((
            o,
            format!(
                "{what} `{shown}` (typed by a Japanese input method) where RON needs `{ascii}`"
            ),
            format!(
                "switch the input method to half-width (半角英数) and type {name} `{ascii}` here; outside quotes RON only reads ASCII punctuation (inside quotes, full-width text is fine)"
            ),
        ));
    }
    let spans_lines = |a: usize, b: usize| text[a..b].contains('\n');
    let unclosed = match (s.open_string, s.last_string) {
        (Some(o), _) if spans_lines(o, at) => Some(o),
        (None, Some((a, b))) if b >= line_start && spans_lines(a, b) => Some(a),
        _ => None,
    };
    unclosed.map(|o| {
        (
            o,
            "the text opened by this quote is not closed on its line".to_owned(),
            "add the closing `\"` at the end of the text; without it the text runs on into the next line".to_owned(),
        )
    })
}

/// After an `r` at `from - 1`: the number of `#`s and the offset of the quote
/// if a raw string starts here.
fn raw_start(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    (rest.as_bytes().get(hashes) == Some(&b'"')).then_some((hashes, from + hashes))
}

/// Offset of the quote closing a string whose text starts at `from`.
fn string_end(text: &str, from: usize, raw: bool, hashes: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if !raw => i += 2,
            b'"' if !raw
                || bytes[i + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&b| b == b'#')
                    .count()
                    == hashes =>
            {
                return Some(i);
            }
            _ => i += 1,
        }
    }
    None
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Offset of the `n`th (0-based) item opening with `open` directly inside the
/// first list (`[`) after `from`, skipping strings and comments.
pub(crate) fn nth_in_list(text: &str, from: usize, open: u8, n: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut depth = 0usize;
    let mut seen = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => i = string_end(text, i + 1, false, 0)?,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i += text[i..].find('\n').unwrap_or(text.len() - i);
            }
            b'[' | b'(' | b'{' => {
                if depth == 1 && bytes[i] == open {
                    if seen == n {
                        return Some(i);
                    }
                    seen += 1;
                }
                if depth > 0 || bytes[i] == b'[' {
                    depth += 1;
                }
            }
            b']' | b')' | b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return None;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_list_items_past_strings_and_comments() {
        let t = r#"q: [ // a [ comment
            {"ja": "a ( [ {"}, {"ja": "b"}, ] x: [{}]"#;
        let second = nth_in_list(t, 0, b'{', 1).expect("second item");
        assert_eq!(&t[second..second + 5], r#"{"ja""#);
        assert!(t[..second].ends_with("}, "));
        assert_eq!(nth_in_list(t, 0, b'{', 2), None);
    }

    #[test]
    fn an_unclosed_string_is_found_where_it_opened() {
        let t = "a: \"x},\n b: [\"y\"]";
        let err = t.find('y').expect("y");
        let s = scan(t, err);
        assert_eq!(s.last_string, Some((3, t.find("[\"").expect("[") + 1)));
        let s = scan(t, t.len());
        assert_eq!(s.open_string, Some(t.rfind('"').expect("quote")));
    }

    #[test]
    fn look_alikes_outside_strings_only() {
        let t = "a：\"b：c\" // d：\n e，";
        let s = scan(t, t.len());
        let found: Vec<char> = s.lookalikes.iter().map(|(_, c)| *c).collect();
        assert_eq!(found, ['：', '，']);
        assert_eq!(ascii_for('“'), Some("\""));
    }
}

//! The character data of a span of XML content: what the reader feeds the
//! Base64 decoder while it streams an attachment, recovered from the raw
//! bytes of the span when comments, processing instructions, CDATA sections
//! or elements interrupt the text.

use std::io;

/// Where the filter is in the markup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum State {
    /// Character data: passed through.
    #[default]
    Text,
    /// After `<`.
    Open,
    /// After `<!`.
    Bang,
    /// After `<!-`.
    BangDash,
    /// Inside a comment; how many `-` were just seen (at most 2).
    Comment(u8),
    /// Matching `[CDATA[` after `<!`; how many of its bytes matched.
    CdataOpen(usize),
    /// Inside a CDATA section (passed through); how many `]` were just seen
    /// and held back, as they may start its end `]]>` (at most 2).
    Cdata(u8),
    /// Inside a processing instruction; whether `?` was just seen.
    Pi(bool),
    /// Inside a start or end tag; the quote of the attribute value it is in.
    Tag(Option<u8>),
}

const CDATA_OPEN: &[u8] = b"[CDATA[";

/// A [`Read`] over the character data of well-formed XML content read from
/// an inner reader: text and the content of CDATA sections pass through,
/// unchanged (references are left to the Base64 decoder, which reads them);
/// comments, processing instructions and tags are dropped.
pub(crate) type MarkupFilter<R> = crate::chunks::ChunkReader<R, Markup>;

/// The [`Transform`](crate::chunks::Transform) of a [`MarkupFilter`]: where
/// it is in the markup.
#[derive(Debug, Default)]
pub(crate) struct Markup {
    state: State,
}

impl Markup {
    /// Runs `byte` through the state machine, appending what passes to `out`.
    fn step(&mut self, byte: u8, out: &mut Vec<u8>) {
        self.state = match (self.state, byte) {
            (State::Text, b'<') => State::Open,
            (State::Text, b) => {
                out.push(b);
                State::Text
            }
            (State::Open, b'!') => State::Bang,
            (State::Open, b'?') => State::Pi(false),
            (State::Open | State::Tag(None), b'>') => State::Text,
            (State::Open | State::Tag(None), q @ (b'"' | b'\'')) => State::Tag(Some(q)),
            (State::Open | State::Tag(None), _) => State::Tag(None),
            (State::Tag(Some(q)), b) if b == q => State::Tag(None),
            (State::Tag(Some(q)), _) => State::Tag(Some(q)),
            (State::Bang, b'-') => State::BangDash,
            (State::Bang, b'[') => State::CdataOpen(1),
            (State::BangDash, b'-') => State::Comment(0),
            // `<!` other than a comment or CDATA: a declaration, which the
            // reader refuses inside the root; skipped like a tag.
            (State::Bang | State::BangDash, b'>') => State::Text,
            (State::Bang | State::BangDash, _) => State::Tag(None),
            (State::Comment(2), b'>') => State::Text,
            (State::Comment(n), b'-') => State::Comment((n + 1).min(2)),
            (State::Comment(_), _) => State::Comment(0),
            (State::CdataOpen(n), b) if CDATA_OPEN.get(n) == Some(&b) => {
                if n + 1 == CDATA_OPEN.len() {
                    State::Cdata(0)
                } else {
                    State::CdataOpen(n + 1)
                }
            }
            (State::CdataOpen(_), b'>') => State::Text,
            (State::CdataOpen(_), _) => State::Tag(None),
            (State::Cdata(2), b'>') => State::Text,
            (State::Cdata(n), b']') => {
                if n == 2 {
                    // `]]]`: the first of the three is content.
                    out.push(b']');
                }
                State::Cdata((n + 1).min(2))
            }
            (State::Cdata(n), b) => {
                out.extend(std::iter::repeat_n(b']', usize::from(n)));
                out.push(b);
                State::Cdata(0)
            }
            (State::Pi(true), b'>') => State::Text,
            (State::Pi(_), b) => State::Pi(b == b'?'),
        };
    }
}

impl crate::chunks::Transform for Markup {
    fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) -> io::Result<()> {
        for &b in input {
            self.step(b, out);
        }
        Ok(())
    }

    fn finish(&mut self, _: &mut Vec<u8>) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    /// A reader that returns one byte per call: every chunk boundary.
    struct OneByOne<'a>(&'a [u8]);

    impl Read for OneByOne<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((b, rest)), Some(slot)) => {
                    *slot = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn text(xml: &str) -> String {
        let mut whole = String::new();
        MarkupFilter::new(xml.as_bytes())
            .read_to_string(&mut whole)
            .unwrap();
        let mut bytewise = String::new();
        MarkupFilter::new(OneByOne(xml.as_bytes()))
            .read_to_string(&mut bytewise)
            .unwrap();
        assert_eq!(whole, bytewise, "{xml}");
        let mut tiny = Vec::new();
        let mut filter = MarkupFilter::new(xml.as_bytes());
        let mut buf = [0u8; 1];
        while filter.read(&mut buf).unwrap() == 1 {
            tiny.push(buf[0]);
        }
        assert_eq!(whole.as_bytes(), tiny, "{xml}");
        whole
    }

    #[test]
    fn keeps_character_data_and_drops_markup() {
        assert_eq!(text("QUJD"), "QUJD");
        assert_eq!(text("QU<!-- a -- b - > -->JD"), "QUJD");
        assert_eq!(text("QU<!---->JD"), "QUJD");
        assert_eq!(text("QU<?pi a ? > b?>JD"), "QUJD");
        assert_eq!(text("QU<![CDATA[Sk]]>JD"), "QUSkJD");
        assert_eq!(text("<![CDATA[a]b]]c]]]>d"), "a]b]]c]d");
        assert_eq!(text("QU<x a=\">'\" b='>\"'>Sk</x>JD"), "QUSkJD");
        assert_eq!(text("QU<x/><y />JD&#13;"), "QUJD&#13;");
    }
}

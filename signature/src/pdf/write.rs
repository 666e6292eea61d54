//! Writing PDF objects and text strings, for incremental updates.

use super::object::{Dict, Obj, StrKind};

/// Decodes a PDF text string: UTF-16BE with a BOM, UTF-8 with a BOM, or
/// PDFDocEncoding (treated as Latin-1, which agrees on the printable range).
pub(crate) fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| match c {
                [hi, lo] => u16::from_be_bytes([*hi, *lo]),
                [hi] => u16::from_be_bytes([*hi, 0]),
                _ => 0xfffd,
            })
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Encodes a text string: ASCII as is, anything else as UTF-16BE with a BOM.
pub(crate) fn encode_text_string(text: &str) -> Obj {
    let bytes = if text.is_ascii() {
        text.as_bytes().to_vec()
    } else {
        let mut v = vec![0xfe, 0xff];
        for unit in text.encode_utf16() {
            v.extend_from_slice(&unit.to_be_bytes());
        }
        v
    };
    Obj::Str {
        bytes,
        kind: StrKind::Literal,
        start: 0,
        end: 0,
    }
}

/// Appends the serialisation of `obj` to `out`.
pub(crate) fn write_obj(out: &mut Vec<u8>, obj: &Obj, data: &[u8]) {
    match obj {
        Obj::Null => out.extend_from_slice(b"null"),
        Obj::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Obj::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Obj::Real(r) => {
            let mut s = format!("{r:.4}");
            while s.ends_with('0') {
                s.pop();
            }
            if s.ends_with('.') {
                s.pop();
            }
            out.extend_from_slice(s.as_bytes());
        }
        Obj::Name(n) => write_name(out, n),
        Obj::Str { bytes, kind, .. } => match kind {
            StrKind::Hex => {
                out.push(b'<');
                out.extend_from_slice(base16ct::upper::encode_string(bytes).as_bytes());
                out.push(b'>');
            }
            StrKind::Literal => {
                out.push(b'(');
                for &b in bytes {
                    match b {
                        b'(' | b')' | b'\\' => {
                            out.push(b'\\');
                            out.push(b);
                        }
                        b'\r' => out.extend_from_slice(b"\\r"),
                        b'\n' => out.extend_from_slice(b"\\n"),
                        _ => out.push(b),
                    }
                }
                out.push(b')');
            }
        },
        Obj::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_obj(out, item, data);
            }
            out.push(b']');
        }
        Obj::Dict(d) => write_dict(out, d, data),
        Obj::Ref(id) => {
            out.extend_from_slice(format!("{} {} R", id.number, id.generation).as_bytes())
        }
        Obj::Stream {
            dict,
            data_start,
            data_end,
        } => {
            let body = data.get(*data_start..*data_end).unwrap_or_default();
            let mut d = dict.clone();
            d.entries.retain(|(k, _)| k.as_slice() != b"Length");
            d.entries
                .push((b"Length".to_vec(), Obj::Int(body.len() as i64)));
            write_dict(out, &d, data);
            out.extend_from_slice(b"\nstream\n");
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendstream");
        }
    }
}

pub(crate) fn write_dict(out: &mut Vec<u8>, d: &Dict, data: &[u8]) {
    out.extend_from_slice(b"<<");
    for (k, v) in &d.entries {
        write_name(out, k);
        out.push(b' ');
        write_obj(out, v, data);
    }
    out.extend_from_slice(b">>");
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'.' | b'-'
                    | b'_'
                    | b'+'
                    | b'*'
                    | b','
                    | b';'
                    | b':'
                    | b'@'
                    | b'!'
                    | b'\''
                    | b'"'
                    | b'`'
                    | b'|'
                    | b'~'
                    | b'^'
                    | b'='
                    | b'?'
                    | b'&'
                    | b'$'
            )
        {
            out.push(b);
        } else {
            let mut hex = [0u8; 2];
            out.push(b'#');
            out.extend_from_slice(base16ct::upper::encode(&[b], &mut hex).unwrap_or_default());
        }
    }
}

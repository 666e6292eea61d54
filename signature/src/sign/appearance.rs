//! The visible appearance of a signature: its text in a standard font and the
//! PNG image (a signature or a seal) as PDF image XObjects.

use super::prepare::name;
use crate::error::{Error, ErrorKind};
use crate::pdf::object::{Dict, Obj};

/// Text for a standard Type 1 font (WinAnsi): Vietnamese letters lose their
/// diacritics (the standard fonts have no Vietnamese glyphs), delimiters are escaped.
pub(super) fn appearance_text(line: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    line.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => "d".to_string(),
            'Đ' => "D".to_string(),
            '(' | ')' | '\\' => format!("\\{c}"),
            c if c.is_ascii() && !c.is_ascii_control() => c.to_string(),
            _ => "?".to_string(),
        })
        .collect()
}

/// A decoded PNG: 8-bit samples without alpha, and the alpha plane apart.
pub(super) struct Image {
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) components: u8,
    pub(super) rgb: Vec<u8>,
    pub(super) alpha: Option<Vec<u8>>,
}

/// Decodes a PNG (any colour type; 16-bit reduced to 8, palettes expanded),
/// with a 64 MiB allocation cap.
pub(super) fn decode_png(png: &[u8]) -> Result<Image, Error> {
    let bad = |e: png::DecodingError| Error::new(ErrorKind::Unsupported(format!("PNG image: {e}")));
    let mut decoder =
        png::Decoder::new_with_limits(std::io::Cursor::new(png), png::Limits { bytes: 64 << 20 });
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(bad)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| Error::new(ErrorKind::LimitExceeded("PNG image size")))?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(bad)?;
    buf.truncate(info.buffer_size());
    let (components, has_alpha) = match info.color_type {
        png::ColorType::Grayscale => (1u8, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => {
            return Err(Error::new(ErrorKind::Unsupported(
                "indexed PNG after expansion".into(),
            )));
        }
    };
    let (rgb, alpha) = if has_alpha {
        let step = usize::from(components) + 1;
        let mut rgb = Vec::with_capacity(buf.len());
        let mut alpha = Vec::with_capacity(buf.len() / step);
        for px in buf.chunks_exact(step) {
            let (color, a) = px.split_at(usize::from(components));
            rgb.extend_from_slice(color);
            alpha.extend_from_slice(a);
        }
        (rgb, Some(alpha))
    } else {
        (buf, None)
    };
    Ok(Image {
        width: info.width,
        height: info.height,
        components,
        rgb,
        alpha,
    })
}

pub(super) fn image_dict(image: &Image, components: u8) -> Dict {
    let mut d = Dict::default();
    d.entries.push((b"Type".to_vec(), name("XObject")));
    d.entries.push((b"Subtype".to_vec(), name("Image")));
    d.entries
        .push((b"Width".to_vec(), Obj::Int(i64::from(image.width))));
    d.entries
        .push((b"Height".to_vec(), Obj::Int(i64::from(image.height))));
    d.entries.push((
        b"ColorSpace".to_vec(),
        name(if components == 1 {
            "DeviceGray"
        } else {
            "DeviceRGB"
        }),
    ));
    d.entries.push((b"BitsPerComponent".to_vec(), Obj::Int(8)));
    d.entries.push((b"Filter".to_vec(), name("FlateDecode")));
    d
}

pub(super) fn with_length(mut d: Dict, len: usize) -> Dict {
    d.entries.push((
        b"Length".to_vec(),
        Obj::Int(i64::try_from(len).unwrap_or(0)),
    ));
    d
}

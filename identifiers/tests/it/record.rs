//! Record codes.

use vanthu_identifiers::{IdErrorKind, RecordCode};

#[test]
fn seed_003_example_and_the_reference_example() {
    let code = RecordCode::parse("000.00.18.H40.2011.01.TH").unwrap();
    assert_eq!(code.agency().as_str(), "000.00.18.H40");
    assert_eq!(code.year(), 2011);
    assert_eq!(code.file_notation(), "01.TH");
    assert_eq!(code.to_string(), "000.00.18.H40.2011.01.TH");
    let code = RecordCode::parse("000.00.00.G09.2010.01.TH").unwrap();
    assert_eq!(code.agency().level1().to_string(), "G09");
    // Appendix V sample row: 01.TCCB.
    assert_eq!(
        RecordCode::parse("000.00.18.H40.2024.01.TCCB")
            .unwrap()
            .file_notation(),
        "01.TCCB"
    );
}

#[test]
fn errors() {
    let cases: &[crate::ErrorCase] = &[
        (
            "000.00.18.H40",
            |k| matches!(k, IdErrorKind::WrongGroupCount { .. }),
            0,
        ),
        (
            "000.00.18.H40.2011",
            |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }),
            18,
        ),
        (
            "000.00.18.H40.2011.01",
            |k| matches!(k, IdErrorKind::UnexpectedEnd { .. }),
            21,
        ),
        (
            "000.00.18.H40.2011.01.TH.",
            |k| matches!(k, IdErrorKind::TrailingSeparator { .. }),
            24,
        ),
        (
            "000.00.18.H40.2011.",
            |k| matches!(k, IdErrorKind::EmptyPart { .. }),
            19,
        ),
        (
            "000.00.18.H40.11.01.TH",
            |k| matches!(k, IdErrorKind::WrongWidth { part: "year", .. }),
            14,
        ),
        (
            "000.00.18.H40.2011.A1.TH",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: 'A', .. }),
            19,
        ),
        (
            "000.00.18.H40.2011.01.T_H",
            |k| matches!(k, IdErrorKind::UnexpectedChar { found: '_', .. }),
            23,
        ),
        (
            "000.00.18.H40.2011.01.ABCDEFGHIJKLMNOPQRS",
            |k| {
                matches!(
                    k,
                    IdErrorKind::WrongWidth {
                        part: "file notation",
                        ..
                    }
                )
            },
            19,
        ),
        (
            "000.00.18.h40.2011.01.TH",
            |k| matches!(k, IdErrorKind::LowercaseLevelLetter { .. }),
            10,
        ),
        (
            "000.00.18.H40 .2011.01.TH",
            |k| matches!(k, IdErrorKind::Whitespace { .. }),
            13,
        ),
        (
            "00.00.18.H40.2011.01.TH",
            |k| {
                matches!(
                    k,
                    IdErrorKind::WrongWidth {
                        part: "level 4",
                        ..
                    }
                )
            },
            0,
        ),
    ];
    for (input, check, offset) in cases {
        let err = RecordCode::parse(input).unwrap_err();
        assert!(check(err.kind()), "{input:?}: {err}");
        assert_eq!(err.offset(), *offset, "{input:?}: {err}");
    }
}

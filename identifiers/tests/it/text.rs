use vanthu_identifiers::text::*;

#[test]
fn scratch() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let s = std::fs::read_to_string(e.unwrap().path()).unwrap();
        let d = detect(&s);
        println!(
            "file {:?} {:?} {}/{}",
            d.encoding(),
            d.confidence(),
            d.supporting_words(),
            d.candidate_words()
        );
        let low = s.to_lowercase();
        let t = encode(&low, LegacyEncoding::Tcvn3, LegacyOptions::default());
        let v = encode(&s, LegacyEncoding::Vni, LegacyOptions::default());
        match &t {
            Ok(b) => {
                let d = detect_bytes(b);
                println!(
                    " tcvn3 bytes {:?} {:?} {}/{}",
                    d.encoding(),
                    d.confidence(),
                    d.supporting_words(),
                    d.candidate_words()
                );
                assert_eq!(
                    decode(b, LegacyEncoding::Tcvn3, LegacyOptions::default()),
                    low
                );
                let m: String = b.iter().map(|&x| char::from(x)).collect();
                let d = detect(&m);
                println!(
                    " tcvn3 moji {:?} {:?} {}/{}",
                    d.encoding(),
                    d.confidence(),
                    d.supporting_words(),
                    d.candidate_words()
                );
            }
            Err(e) => println!("{e}"),
        }
        match &v {
            Ok(b) => {
                let d = detect_bytes(b);
                println!(
                    " vni bytes {:?} {:?} {}/{}",
                    d.encoding(),
                    d.confidence(),
                    d.supporting_words(),
                    d.candidate_words()
                );
                let back = decode(b, LegacyEncoding::Vni, LegacyOptions::default());
                if back != s {
                    let i = back
                        .chars()
                        .zip(s.chars())
                        .position(|(a, b)| a != b)
                        .unwrap_or(0);
                    println!(
                        "VNI MISMATCH at {i}: {:?} vs {:?}",
                        back.chars()
                            .skip(i.saturating_sub(10))
                            .take(20)
                            .collect::<String>(),
                        s.chars()
                            .skip(i.saturating_sub(10))
                            .take(20)
                            .collect::<String>()
                    );
                }
                let m: String = b.iter().map(|&x| char::from(x)).collect();
                let d = detect(&m);
                println!(
                    " vni moji {:?} {:?} {}/{}",
                    d.encoding(),
                    d.confidence(),
                    d.supporting_words(),
                    d.candidate_words()
                );
            }
            Err(e) => println!("{e}"),
        }
        for line in s.lines() {
            let d = detect(line);
            if d.encoding() != TextEncoding::Unicode {
                n += 1;
                println!("FP {line:?} {:?} {:?}", d.encoding(), d.confidence());
            }
            for enc in LegacyEncoding::ALL {
                let lo = line.to_lowercase();
                if let Ok(b) = encode(&lo, enc, LegacyOptions::default()) {
                    let m: String = b.iter().map(|&x| char::from(x)).collect();
                    let d = detect(&m);
                    if d.legacy_at_least(Confidence::Medium) != Some(enc)
                        && m.chars().any(|c| !c.is_ascii())
                    {
                        println!(
                            "FN {enc} {:?} {:?} {:?} {}/{}",
                            m,
                            d.encoding(),
                            d.confidence(),
                            d.supporting_words(),
                            d.candidate_words()
                        );
                    }
                }
            }
        }
    }
    println!("{n}");
}

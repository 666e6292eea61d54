//! The property of the `pack_spec` target: a package specification that
//! reads survives a JSON round trip; when the writer accepts it, the package
//! it writes (ZIP, METS, EAD) reads back to a description that the writer
//! turns into the very same bytes, and the checker reports on it
//! consistently (`package_property.rs`).

use std::io::{Cursor, Read as _};

use vanthu::archive::package::{
    CheckOptions, PackOptions, PackSpec, PackageDescription, PackageReader, check_package,
};

use super::package_property::consistent;

/// The package of `description`, each data file holding its own name, or
/// `None` when the writer refuses the description.
fn pack(description: PackageDescription) -> Option<Vec<u8>> {
    let out = Cursor::new(Vec::new());
    let mut writer =
        vanthu::archive::package::PackageWriter::new(out, description, PackOptions::default())
            .ok()?;
    for name in writer.remaining().to_vec() {
        writer
            .add_file(&name, &mut name.as_bytes())
            .expect("an expected file is added");
    }
    Some(writer.finish().expect("a complete package").into_inner())
}

pub(crate) fn check(data: &[u8]) {
    let Ok(spec) = PackSpec::from_json(data) else {
        return;
    };
    let json = serde_json::to_vec(&spec).expect("serialise");
    let again = PackSpec::from_json(&json).expect("its JSON reads back");
    assert_eq!(again, spec);
    let Some(first) = pack(spec.description) else {
        return;
    };
    let mut reader = PackageReader::open(Cursor::new(first.clone())).expect("the package reads");
    let read = reader.description().expect("a description").clone();
    for file in reader.data_files().to_vec() {
        let mut bytes = Vec::new();
        reader
            .open_data(&file.path)
            .expect("a listed file opens")
            .read_to_end(&mut bytes)
            .expect("a listed file reads");
    }
    let second = pack(read).expect("what was read is written");
    assert!(first == second, "pack, read, pack gives the same bytes");
    let report = check_package(Cursor::new(first), &CheckOptions::default()).expect("a report");
    consistent(&report);
}

//! The property of the `pack_spec` target: a package specification that
//! reads survives a JSON round trip; when the writer accepts it, the package
//! it writes (ZIP, METS, EAD) reads back, and one round trip (read, write)
//! reaches a fixed point: the description read from the rewritten package
//! is written into the very same bytes. The checker reports on every
//! package consistently (`package_property.rs`). (The first round trip may
//! normalise: the reader trims the white space that ends a name.)

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
    let second = pack(read_back(&first)).expect("what was read is written");
    let third = pack(read_back(&second)).expect("what was read is written");
    assert!(second == third, "read, pack reaches a fixed point");
    let report = check_package(Cursor::new(first), &CheckOptions::default()).expect("a report");
    consistent(&report);
}

/// The description read from `package`, every data file read to its end.
fn read_back(package: &[u8]) -> PackageDescription {
    let mut reader = PackageReader::open(Cursor::new(package)).expect("the package reads");
    let read = reader.description().expect("a description").clone();
    for file in reader.data_files().to_vec() {
        let mut bytes = Vec::new();
        reader
            .open_data(&file.path)
            .expect("a listed file opens")
            .read_to_end(&mut bytes)
            .expect("a listed file reads");
    }
    read
}

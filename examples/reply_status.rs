//! Answer an incoming package with a status package: "accepted (03), by this
//! clerk, at this time". The sender reads it back and learns where its
//! document stands.
//!
//! `cargo run -p vanthu-examples --example reply_status`

use std::error::Error;

use chrono::TimeZone as _;
use vanthu_edxml::{
    Organization, StaffInfo, StatusCode, StatusPackage, read, vietnam_offset, write_status,
};

fn main() -> Result<(), Box<dyn Error>> {
    let bytes = std::fs::read(vanthu_examples::SAMPLE_PACKAGE)?;
    let received = read(&bytes)?;
    let document = received
        .package
        .as_document()
        .ok_or("not a document package")?;

    // Time is a parameter: the library never reads a clock. Status times are
    // written in Vietnam time (GMT+7, Quyết định 71/QĐ-UBND (quận Phú Nhuận,
    // 2018) Phụ lục 2 mục III.2).
    let at = vietnam_offset()
        .with_ymd_and_hms(2025, 3, 15, 8, 0, 0)
        .single()
        .ok_or("no such time")?;
    let mut clerk = StaffInfo::default();
    clerk.staff = Some("Nguyễn Thị Văn Thư".to_owned());
    clerk.department = Some("Văn phòng".to_owned());

    // `reply` fills ResponseFor from the original (its sender, number, document
    // id and date) and the usual Vietnamese description of the code.
    let reply = StatusPackage::reply(
        document,
        &StatusCode::Accepted,
        Organization::new("000.00.00.H41", "UBND tỉnh Nghệ An"),
        &at,
    )
    .with_staff(clerk);
    let mut package = Vec::new();
    write_status(&reply, &mut package)?;

    // The sender's side: read the status package and see what it answers.
    let back = read(&package)?;
    let status = back.package.as_status().ok_or("not a status package")?;
    let answered = status.response_for.as_ref().ok_or("no ResponseFor")?;
    println!(
        "status {} ({}) for {} from {}",
        status.status_code.as_deref().unwrap_or("?"),
        status.description.as_deref().unwrap_or_default(),
        answered.code.as_deref().unwrap_or("?"),
        status
            .from
            .as_ref()
            .and_then(|f| f.organ_id.as_deref())
            .unwrap_or("?"),
    );
    assert_eq!(status.status_code.as_deref(), Some("03"));
    Ok(())
}

#[test]
fn runs() -> Result<(), Box<dyn Error>> {
    main()
}

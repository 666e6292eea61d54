//! Code lists of edXML packages. The lists themselves ([`StatusCode`],
//! [`BusinessType`], `vanthu_identifiers::StaffDetails`) live in
//! `vanthu-identifiers`, shared with the workflow; this module re-exports the
//! codes and maps the staff fields to and from the `StaffInfo` element.

use vanthu_identifiers::StaffDetails;
pub use vanthu_identifiers::{BusinessType, StatusCode};

use crate::model::StaffInfo;

impl From<StaffDetails> for StaffInfo {
    fn from(details: StaffDetails) -> Self {
        Self {
            department: details.department,
            staff: details.staff,
            email: details.email,
            mobile: details.mobile,
            department_id: details.department_id,
            staff_id: details.staff_id,
            ..Self::default()
        }
    }
}

impl From<&StaffInfo> for StaffDetails {
    fn from(info: &StaffInfo) -> Self {
        let mut details = Self::default();
        details.department.clone_from(&info.department);
        details.staff.clone_from(&info.staff);
        details.email.clone_from(&info.email);
        details.mobile.clone_from(&info.mobile);
        details.department_id.clone_from(&info.department_id);
        details.staff_id.clone_from(&info.staff_id);
        details
    }
}

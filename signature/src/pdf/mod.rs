//! The PDF side: a bounded parser, the revision layout and the signature locator.

pub(crate) mod diff;
pub(crate) mod filter;
pub(crate) mod history;
pub(crate) mod layout;
pub(crate) mod locate;
pub(crate) mod mdp;
pub(crate) mod object;
pub(crate) mod write;

//! Modification analysis for every signature of a document, in work linear
//! in revisions × changed objects (`vanthu docs/limits.md` §2).
//!
//! The revisions after a signature are split at the next signature's signed
//! revision: the changes up to it are judged against the signature's own
//! revision (`mdp`), those after it were already judged for that next
//! signature, whose result is shared. Each revision is therefore judged once
//! however many signatures precede it, and a signature's verdict is the
//! grade of its own segment combined with the tally of the segments after it
//! (a suffix pass). Field locks (ISO 32000-1 §12.8.2.4) are applied per
//! signature to the fields each change filled. No signature keeps its own
//! copy of the object tables, and its report lists at most
//! [`Limits::max_listed_modifications`](crate::Limits) changes.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::diff::{Modification, ModificationLevel as L};
use super::layout::Layout;
use super::locate::{Coverage, LocatedSignature};
use super::mdp::{
    Change, FieldLock, RevisionIndex, docmdp_of, field_lock, locked, permitted, segment,
};
use crate::report::{Check, CheckId, SubIndication};

/// The grades a signature may permit: [`L::LtaUpdates`], [`L::FormFilling`], [`L::Annotations`].
const PERMITS: [L; 3] = [L::LtaUpdates, L::FormFilling, L::Annotations];

/// How many changes there are, their highest grade, and for each grade a
/// signature may permit, how many exceed it and the first that does.
#[derive(Debug, Clone, Default)]
struct Tally {
    count: usize,
    level: Option<L>,
    beyond: [(usize, Option<Modification>); 3],
}

impl Tally {
    fn add(&mut self, m: &Modification) {
        self.count += 1;
        self.level = self.level.max(Some(m.level));
        for (permit, (n, first)) in PERMITS.iter().zip(self.beyond.iter_mut()) {
            if m.level > *permit {
                *n += 1;
                if first.is_none() {
                    *first = Some(m.clone());
                }
            }
        }
    }

    /// This tally followed by `later`'s (file order).
    fn then(&self, later: &Self) -> Self {
        let mut out = self.clone();
        out.count += later.count;
        out.level = out.level.max(later.level);
        for ((n, first), (m, later_first)) in out.beyond.iter_mut().zip(later.beyond.iter()) {
            *n += m;
            if first.is_none() {
                first.clone_from(later_first);
            }
        }
        out
    }
}

/// The changes after one signed revision up to the next analysed one.
#[derive(Debug)]
struct Segment {
    changes: Vec<Change>,
    /// The next analysed signed revision, whose segment follows this one.
    next: Option<usize>,
    /// This segment and all that follow it.
    suffix: Tally,
}

/// The modification analysis of one document, shared by its signatures.
pub(crate) struct History<'a> {
    layout: &'a Layout,
    data: &'a [u8],
    max_listed: usize,
    index: RevisionIndex<'a>,
    segments: RefCell<BTreeMap<usize, Rc<Segment>>>,
}

impl<'a> History<'a> {
    pub(crate) fn new(layout: &'a Layout, data: &'a [u8], max_listed: usize) -> Self {
        Self {
            layout,
            data,
            max_listed,
            index: RevisionIndex::new(layout),
            segments: RefCell::new(BTreeMap::new()),
        }
    }

    /// The segment after signed revision `signed`, analysed on first use.
    fn segment(&self, signed: usize) -> Rc<Segment> {
        if let Some(found) = self.segments.borrow().get(&signed) {
            return Rc::clone(found);
        }
        let following = self
            .segments
            .borrow()
            .range(signed + 1..)
            .next()
            .map(|(rev, seg)| (*rev, Rc::clone(seg)));
        let changes = segment(
            self.layout,
            self.data,
            &self.index,
            signed,
            following.as_ref().map(|f| f.0),
        );
        let mut own = Tally::default();
        for c in &changes {
            own.add(&c.modification);
        }
        let suffix = match &following {
            Some((_, seg)) => own.then(&seg.suffix),
            None => own,
        };
        let seg = Rc::new(Segment {
            changes,
            next: following.map(|f| f.0),
            suffix,
        });
        self.segments.borrow_mut().insert(signed, Rc::clone(&seg));
        seg
    }

    /// The segments from `signed` to the end, in file order.
    fn chain(&self, signed: usize) -> Vec<Rc<Segment>> {
        let mut out = vec![self.segment(signed)];
        while let Some(next) = out.last().and_then(|s| s.next) {
            match self.segments.borrow().get(&next) {
                Some(seg) => out.push(Rc::clone(seg)),
                None => break,
            }
        }
        out
    }

    /// The coverage check of signature `sig` over revision `signed`: the
    /// changes after it (at most `max_listed_modifications` listed), their
    /// grade, and whether the signature permits them.
    pub(crate) fn coverage_check(
        &self,
        sig: &LocatedSignature,
        signed: usize,
    ) -> (Check, Vec<Modification>, Option<L>) {
        let layout = self.layout;
        let lock = field_lock(layout, sig, signed);
        let chain = self.chain(signed);
        let listed: Vec<Modification> = chain
            .iter()
            .flat_map(|s| s.changes.iter())
            .take(self.max_listed)
            .map(|c| locked(c, &lock))
            .collect();
        if sig.coverage == Coverage::EntireFile {
            return (
                Check::passed(
                    CheckId::Coverage,
                    "the signature covers the entire file",
                    "chữ ký bao trùm toàn bộ tệp",
                ),
                listed,
                Some(L::None),
            );
        }
        let docmdp = docmdp_of(layout, sig, signed);
        let allowed = permitted(docmdp);
        let slot = PERMITS.iter().position(|p| *p == allowed).unwrap_or(1);
        let tally = chain.first().map(|s| s.suffix.clone()).unwrap_or_default();
        let (mut bad, mut first) = tally.beyond.get(slot).cloned().unwrap_or_default();
        let mut level = tally.level.unwrap_or(L::LtaUpdates).max(L::LtaUpdates);
        if lock != FieldLock::Nothing {
            // Changes to fields this signature locks, which the shared
            // analysis graded as form filling or signing.
            for change in chain
                .iter()
                .flat_map(|s| s.changes.iter())
                .filter(|c| c.field.is_some())
            {
                let seen = locked(change, &lock);
                if seen.level != change.modification.level {
                    level = L::Other;
                    if change.modification.level <= allowed {
                        bad += 1;
                    }
                    if first.as_ref().is_none_or(|f| seen.offset < f.offset) {
                        first = Some(seen);
                    }
                }
            }
        }
        let (who, who_vi) = match docmdp {
            Some(p) => (
                format!("the certification (/DocMDP P={p})"),
                format!("chữ ký chứng nhận (/DocMDP P={p})"),
            ),
            None => (
                "an approval signature".to_owned(),
                "chữ ký phê duyệt".to_owned(),
            ),
        };
        if level <= allowed && level != L::Other {
            return (
                Check::passed(
                    CheckId::Coverage,
                    format!(
                        "later revisions made {} change(s), all {}: permitted by {who}",
                        tally.count,
                        level.as_english()
                    ),
                    format!(
                        "các phiên bản sau có {} thay đổi, đều thuộc mức {}: {who_vi} cho phép",
                        tally.count,
                        level.as_vietnamese()
                    ),
                ),
                listed,
                Some(level),
            );
        }
        let kind = first.as_ref().map_or("", |m| m.kind.as_str());
        let object = first
            .as_ref()
            .and_then(|m| m.object)
            .map(|o| format!(" {o}"))
            .unwrap_or_default();
        let offset = first.as_ref().map_or(0, |m| m.offset);
        (
            Check::failed(
                CheckId::Coverage,
                SubIndication::FormatFailure,
                format!(
                    "content changed after signing: {kind} ({bad} change(s) beyond what {who} permits, {}; first{object} at byte {offset})",
                    allowed.as_english()
                ),
                format!(
                    "nội dung bị thay đổi sau khi ký: {kind} ({bad} thay đổi vượt quá mức {who_vi} cho phép là {}; đầu tiên{object} tại byte {offset})",
                    allowed.as_vietnamese()
                ),
            ),
            listed,
            Some(level),
        )
    }
}

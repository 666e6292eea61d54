"""The differential corpus: PDFs signed and then changed by pyHanko, one case per
permitted or forbidden modification at each DocMDP level, validated by pyHanko.

  pyhanko_corpus.py OUTDIR --key KEY --cert CERT --root ROOT --tsa-key KEY --tsa-cert CERT --at ISO8601

Writes OUTDIR/<case>.pdf and OUTDIR/manifest.json: for every case its name, what it
does, and pyHanko's verdict on each signature (intact, valid, trusted,
modification level, DocMDP compliance, bottom line). Offline: revocation checking
is off (the test PKI publishes none) and the time-stamp authority is pyHanko's
DummyTimeStamper with the given TSA key.
"""
import argparse
import hashlib
import json
import re
import sys
from datetime import datetime, timezone
from io import BytesIO

from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.generic import NameObject as N
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

# ---------------------------------------------------------------------------
# The base document, written by hand so that every object number is known:
#  1 catalog (/AcroForm 10, indirect /Extensions 20)   2 pages
#  3 page 1 (/Annots [8 11 12 16])   4 page 2 (no /Annots)   5, 6 contents   7 font
#  8 a text note   10 the form   11 text field "Name" (merged widget, appearance 15)
#  12 empty signature field "Empty"   13 field "Group" with kid 16 (text field "Group.Child")
#  14 form font   15 appearance of "Name"   17 appearance of "Group.Child"   20 extensions
# ---------------------------------------------------------------------------


def stream(dict_text, data):
    return b"<<" + dict_text + b" /Length %d>>\nstream\n" % len(data) + data + b"\nendstream"


def build_pdf(objects, root=1, info=None):
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        if num in offsets:
            out += b"%010d 00000 n \n" % offsets[num]
        else:
            out += b"0000000000 00000 f \n"
    trailer = b"/Size %d /Root %d 0 R" % (size, root)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n<<" + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def base_objects(dangling=False):
    page1 = b"BT /F1 14 Tf 72 770 Td (CONG HOA XA HOI CHU NGHIA VIET NAM) Tj ET"
    page2 = b"BT /F1 12 Tf 72 770 Td (Trang 2) Tj ET"
    xobj = b""
    if dangling:
        # Page 2 draws /X1, an object the document never defines (readers show nothing).
        page2 += b" q /X1 Do Q"
        xobj = b" /XObject <</X1 99 0 R>>"
    tx_ap = b"/Tx BMC BT /Helv 12 Tf 2 6 Td (Nguyen Van An) Tj ET EMC"
    child_ap = b"/Tx BMC BT /Helv 12 Tf 2 6 Td (So 12) Tj ET EMC"
    return {
        1: b"<</Type /Catalog /Pages 2 0 R /AcroForm 10 0 R /Extensions 20 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>>",
        3: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 7 0 R>>>>"
        b" /Contents 5 0 R /Annots [8 0 R 11 0 R 12 0 R 16 0 R]>>",
        4: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources <</Font <</F1 7 0 R>>"
        + xobj + b">> /Contents 6 0 R>>",
        5: stream(b"", page1),
        6: stream(b"", page2),
        7: b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
        8: b"<</Type /Annot /Subtype /Text /T (Van thu) /Rect [500 780 520 800] /Contents (Ghi chu) /P 3 0 R /F 4>>",
        10: b"<</Fields [11 0 R 12 0 R 13 0 R] /DA (/Helv 0 Tf 0 g) /DR <</Font <</Helv 14 0 R>>>>>>",
        11: b"<</FT /Tx /T (Name) /V (Nguyen Van An) /Type /Annot /Subtype /Widget /Rect [72 600 300 620]"
        b" /P 3 0 R /F 4 /DA (/Helv 12 Tf 0 g) /AP <</N 15 0 R>>>>",
        12: b"<</FT /Sig /T (Empty) /Type /Annot /Subtype /Widget /Rect [300 50 500 100] /P 3 0 R /F 4>>",
        13: b"<</T (Group) /Kids [16 0 R]>>",
        14: b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>",
        15: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 228 20] /Resources <</Font <</Helv 14 0 R>>>>", tx_ap),
        16: b"<</FT /Tx /T (Child) /Parent 13 0 R /V (So 12) /Type /Annot /Subtype /Widget /Rect [72 560 300 580]"
        b" /P 3 0 R /F 4 /DA (/Helv 12 Tf 0 g) /AP <</N 17 0 R>>>>",
        17: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 228 20] /Resources <</Font <</Helv 14 0 R>>>>", child_ap),
        20: b"<</ADBE <</BaseVersion /1.7 /ExtensionLevel 3>>>>",
    }


# ---------------------------------------------------------------------------
# Raw incremental updates (for changes no writer API makes on purpose).
# ---------------------------------------------------------------------------


def last_startxref(pdf):
    return int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])


def next_number(pdf):
    return max(int(n) for n in re.findall(rb"(?:^|\s)(\d+) 0 obj", pdf)) + 1


def latest_object(pdf, num):
    """The text of the last definition of object `num` (uncompressed files only)."""
    found = list(re.finditer(rb"(?:^|\n)%d 0 obj\s*(.*?)\s*endobj" % num, pdf, re.S))
    return found[-1].group(1)


def must_sub(pattern, repl, text):
    """re.sub that fails when nothing matched (a case must not degenerate silently)."""
    out, count = re.subn(pattern, repl, text)
    if count == 0:
        sys.exit(f"corpus: {pattern!r} not found in {text[:200]!r}")
    return out


def current_root(pdf):
    return int(re.findall(rb"/Root (\d+) 0 R", pdf)[-1])


def append_raw(pdf, objects, root=None, entries=None):
    """Appends an update defining `objects` {number: body}; `entries` adds
    cross-reference rows {number: offset} pointing elsewhere."""
    out = bytearray(pdf)
    if not out.endswith(b"\n"):
        out += b"\n"
    rows = {}
    for num, body in objects.items():
        rows[num] = len(out)
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    rows.update(entries or {})
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for num in sorted(rows):
        out += b"%d 1\n%010d 00000 n \n" % (num, rows[num])
    size = max(next_number(bytes(out)), max(rows) + 1)
    out += b"trailer\n<</Size %d /Root %d 0 R /Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
        size, root or current_root(pdf), last_startxref(pdf), xref)
    return bytes(out)


# ---------------------------------------------------------------------------
# pyHanko operations.
# ---------------------------------------------------------------------------


class Kit:
    def __init__(self, args):
        self.signer = signers.SimpleSigner.load(args.key, args.cert, ca_chain_files=(), key_passphrase=None)
        if self.signer is None:
            sys.exit("cannot load the signer's key or certificate")
        self.root = load_cert_from_pemder(args.root)
        # Whole-second genTime for the cases about modifications; a fractional
        # one (RFC 3161 §2.4.2 allows it, many TSAs send it) for its own cases.
        now = datetime.now(tz=timezone.utc).replace(microsecond=0)
        tsa_cert = load_cert_from_pemder(args.tsa_cert)
        tsa_key = load_private_key_from_pemder(args.tsa_key, passphrase=None)
        self.tsa = DummyTimeStamper(tsa_cert=tsa_cert, tsa_key=tsa_key, fixed_dt=now)
        self.fractional_tsa = DummyTimeStamper(
            tsa_cert=tsa_cert, tsa_key=tsa_key, fixed_dt=now.replace(microsecond=250000))
        self.moment = datetime.fromisoformat(args.at)

    def vc(self):
        return ValidationContext(trust_roots=[self.root], moment=self.moment,
                                 allow_fetching=False, revocation_mode="soft-fail")

    def sign(self, pdf, field, certify=None, box=None, timestamp=None, existing=False):
        meta = signers.PdfSignatureMetadata(
            field_name=field,
            subfilter=fields.SigSeedSubFilter.PADES,
            certify=certify is not None,
            docmdp_permissions=fields.MDPPerm(certify or 2),
        )
        w = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
        spec = None if existing else fields.SigFieldSpec(field, box=box, on_page=0)
        out = signers.sign_pdf(w, meta, signer=self.signer, new_field_spec=spec,
                               timestamper=timestamp,
                               existing_fields_only=existing)
        return out.getvalue()

    def sign_with(self, pdf, field, spec=None, **meta):
        """Signs in a new field with extra PdfSignatureMetadata options (LTV, sub-filter)
        or a field specification (lock dictionaries)."""
        meta.setdefault("subfilter", fields.SigSeedSubFilter.PADES)
        meta = signers.PdfSignatureMetadata(field_name=field, **meta)
        w = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
        out = signers.sign_pdf(w, meta, signer=self.signer, timestamper=self.tsa,
                               new_field_spec=spec or fields.SigFieldSpec(field))
        return out.getvalue()

    def doc_timestamp(self, pdf, field="DocTs", tsa=None):
        w = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
        out = signers.PdfTimeStamper(tsa or self.tsa, field_name=field).timestamp_pdf(
            w, md_algorithm="sha256", validation_context=self.vc())
        return out.getvalue()

    def dss(self, pdf, vri=True, certs=None):
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        sig = reader.embedded_signatures[-1]
        contents = sig.pkcs7_content.hex().encode("ascii") if vri else None
        buf = BytesIO(pdf)
        DocumentSecurityStore.add_dss(
            buf, contents, certs=certs or [self.signer.signing_cert, self.root], force_write=True, strict=False)
        return buf.getvalue()


def with_writer(pdf, change):
    w = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    change(w)
    out = BytesIO()
    w.write(out)
    return out.getvalue()


def field(w, name):
    for ref in w.root["/AcroForm"]["/Fields"]:
        f = ref.get_object()
        if f.get("/T") == name:
            return f
    raise KeyError(name)


def form_stream(w, text):
    s = generic.StreamObject(
        {N("/Type"): N("/XObject"), N("/Subtype"): N("/Form"),
         N("/BBox"): generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, 228, 20)]),
         N("/Resources"): generic.DictionaryObject({N("/Font"): generic.DictionaryObject(
             {N("/Helv"): generic.IndirectObject(14, 0, w)})})},
        stream_data=b"/Tx BMC BT /Helv 12 Tf 2 6 Td (" + text + b") Tj ET EMC")
    return w.add_object(s)


def fill_text(pdf):
    def change(w):
        f = field(w, "Name")
        f[N("/V")] = generic.TextStringObject("Tran Thi Binh")
        f[N("/AP")] = generic.DictionaryObject({N("/N"): form_stream(w, b"Tran Thi Binh")})
        w.update_container(f)
    return with_writer(pdf, change)


def fill_text_in_place(pdf):
    # The field's value changes and its appearance stream 15 is rewritten in place.
    body = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 228 20] /Resources <</Font <</Helv 14 0 R>>>>",
                  b"/Tx BMC BT /Helv 12 Tf 2 6 Td (Tran Thi Binh) Tj ET EMC")
    fld = must_sub(rb"\(Nguyen Van An\)", b"(Tran Thi Binh)", latest_object(pdf, 11))
    return append_raw(pdf, {11: fld, 15: body})


def fill_child(pdf):
    def change(w):
        group = field(w, "Group")
        kid = group["/Kids"][0].get_object()
        kid[N("/V")] = generic.TextStringObject("So 13")
        kid[N("/AP")] = generic.DictionaryObject({N("/N"): form_stream(w, b"So 13")})
        w.update_container(kid)
    return with_writer(pdf, change)


def page(w, index):
    return w.root["/Pages"]["/Kids"][index].get_object()


def add_annotation(pdf, indirect_annots=False):
    def change(w):
        p = page(w, 0)
        annot = generic.DictionaryObject({
            N("/Type"): N("/Annot"), N("/Subtype"): N("/FreeText"),
            N("/Rect"): generic.ArrayObject([generic.NumberObject(v) for v in (72, 700, 400, 740)]),
            N("/Contents"): generic.TextStringObject("Da duyet"),
            N("/DA"): generic.pdf_string("/Helv 12 Tf 0 g"),
        })
        ref = w.add_object(annot)
        annots = generic.ArrayObject(list(p["/Annots"]) + [ref])
        p[N("/Annots")] = w.add_object(annots) if indirect_annots else annots
        w.update_container(p)
    return with_writer(pdf, change)


def modify_annotation(pdf):
    return append_raw(pdf, {8: must_sub(rb"\(Ghi chu\)", b"(Ghi chu da sua)", latest_object(pdf, 8))})


def delete_annotation(pdf):
    p = must_sub(rb"\[\s*8 0 R\s*", b"[", latest_object(pdf, 3))
    return append_raw(pdf, {3: p})


def change_content(pdf):
    return append_raw(pdf, {5: stream(b"", b"BT /F1 14 Tf 72 770 Td (NOI DUNG GIA MAO) Tj ET")})


def add_page(pdf):
    n = next_number(pdf)
    return append_raw(pdf, {
        n: b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R>>",
        2: b"<</Type /Pages /Kids [3 0 R 4 0 R %d 0 R] /Count 3>>" % n,
    })


def add_text_field(pdf):
    def change(w):
        f = generic.DictionaryObject({
            N("/FT"): N("/Tx"), N("/T"): generic.TextStringObject("Extra"),
            N("/Type"): N("/Annot"), N("/Subtype"): N("/Widget"),
            N("/Rect"): generic.ArrayObject([generic.NumberObject(v) for v in (72, 500, 300, 520)]),
            N("/P"): w.root["/Pages"]["/Kids"][0], N("/F"): generic.NumberObject(4),
        })
        ref = w.add_object(f)
        form = w.root["/AcroForm"]
        form["/Fields"].append(ref)
        w.update_container(form)
        p = page(w, 0)
        p["/Annots"].append(ref)
        w.update_container(p)
    return with_writer(pdf, change)


def set_info(pdf):
    n = next_number(pdf)
    out = bytearray(append_raw(pdf, {n: b"<</Title (Cong van so 12) /Producer (vanthu corpus)>>"}))
    # Point the trailer at the new /Info.
    at = out.rfind(b"/Root ")
    out[at:at] = b"/Info %d 0 R " % n
    # The xref offset moved by the inserted bytes only after the table: nothing to fix.
    return bytes(out)


def move_catalog(pdf):
    n = next_number(pdf)
    return append_raw(pdf, {n: latest_object(pdf, current_root(pdf))}, root=n)


def swap_catalog(pdf):
    n = next_number(pdf)
    return append_raw(pdf, {
        n: b"<</Type /Catalog /Pages %d 0 R>>" % (n + 1),
        n + 1: b"<</Type /Pages /Kids [4 0 R] /Count 1>>",
    }, root=n)


def update_extensions(pdf):
    return append_raw(pdf, {20: b"<</ADBE <</BaseVersion /1.7 /ExtensionLevel 8>>"
                                b" /ESIC <</BaseVersion /1.7 /ExtensionLevel 2>>>>"})


def repoint_empty_widget_ap(pdf):
    n = next_number(pdf)
    body = must_sub(rb">>\s*$", b" /AP <</N %d 0 R>>>>" % n, latest_object(pdf, 12))
    return append_raw(pdf, {
        n: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 200 50]", b"BT /F1 10 Tf 5 20 Td (DA KY) Tj ET"),
        12: body,
    })


def repoint_signed_widget_ap(pdf, field_number):
    n = next_number(pdf)
    body = must_sub(rb"/AP\s*<<\s*/N\s+\d+ 0 R\s*>>", b"/AP <</N %d 0 R>>" % n, latest_object(pdf, field_number))
    return append_raw(pdf, {
        n: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 200 50]", b"BT /F1 10 Tf 5 20 Td (GIA MAO) Tj ET"),
        field_number: body,
    })


def field_object_number(pdf, name):
    """The object number of the field named `name` (its last definition)."""
    found = None
    for m in re.finditer(rb"(?:^|\n)(\d+) 0 obj\s*(.*?)endobj", pdf, re.S):
        if b"/T (" + name + b")" in m.group(2):
            found = int(m.group(1))
    return found


def define_dangling(pdf):
    return append_raw(pdf, {99: stream(b"/Type /XObject /Subtype /Form /BBox [0 0 595 842]",
                                       b"BT /F1 30 Tf 72 600 Td (NOI DUNG GIA MAO) Tj ET")})


def add_kid_signature_field(pdf):
    """A new signature field as a kid of the existing field "Group", on page 1."""
    n = next_number(pdf)
    group = must_sub(rb"/Kids\s*\[\s*16 0 R\s*\]", b"/Kids [16 0 R %d 0 R]" % n, latest_object(pdf, 13))
    p = must_sub(rb"/Annots\s*\[", b"/Annots [%d 0 R " % n, latest_object(pdf, 3))
    return append_raw(pdf, {
        n: b"<</FT /Sig /T (Seal) /Parent 13 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R /F 132>>",
        13: group,
        3: p,
    })


def redirect_xref_to_same(pdf):
    """An update whose table lists the catalog and page 1 again at their current definitions."""
    def offset_of(num):
        return [m.start() + (1 if m.group(0).startswith(b"\n") else 0)
                for m in re.finditer(rb"(?:^|\n)%d 0 obj" % num, pdf)][-1]
    n = next_number(pdf)
    return append_raw(pdf, {n: b"<</Producer (vanthu corpus)>>"},
                      entries={current_root(pdf): offset_of(current_root(pdf)), 3: offset_of(3)})


# ---------------------------------------------------------------------------
# The cases.
# ---------------------------------------------------------------------------


def cases(kit):
    base = build_pdf(base_objects())
    dangling = build_pdf(base_objects(dangling=True))
    approval = kit.sign(base, "Signer1")
    visible = kit.sign(base, "Signer1", box=(300, 700, 500, 760))
    cert = {p: kit.sign(base, "Author", certify=p) for p in (1, 2, 3)}
    yield "approval_untouched", "one approval signature covering the file", approval
    yield "approval_second_signature", "a second approval signature, invisible", kit.sign(approval, "Signer2")
    yield "approval_second_visible", "a second approval signature in a new visible field", \
        kit.sign(approval, "Signer2", box=(50, 50, 250, 100))
    yield "approval_visible_first_annots_page2", \
        "a visible signature on page 2, which had no /Annots", \
        kit_sign_page(kit, approval, "Signer2", page_index=1)
    yield "approval_sign_empty_field", "the empty field 'Empty' signed, its widget given an appearance", \
        kit.sign(approval, "Empty", existing=True)
    yield "approval_fill_text", "the text field filled, new appearance stream", fill_text(approval)
    yield "approval_fill_text_in_place", "the text field filled, appearance stream rewritten in place", \
        fill_text_in_place(approval)
    yield "approval_fill_kid_field", "a kid text field of a non-terminal field filled", fill_child(approval)
    yield "approval_dss", "a /DSS with a /VRI entry added", kit.dss(approval)
    yield "approval_dss_twice", "the /DSS added, then updated in place", \
        kit.dss(kit.dss(approval), certs=[kit.tsa.tsa_cert])
    yield "approval_doc_timestamp", "a document time-stamp", kit.doc_timestamp(approval)
    yield "approval_dss_then_timestamp", "/DSS then a document time-stamp (B-LTA)", \
        kit.doc_timestamp(kit.dss(approval))
    yield "approval_timestamp_then_dss", "a document time-stamp then /DSS for it", \
        kit.dss(kit.doc_timestamp(approval), vri=False, certs=[kit.tsa.tsa_cert])
    yield "approval_signature_timestamp", "a signature with a signature time-stamp (B-T)", \
        kit.sign(base, "Signer1", timestamp=kit.tsa)
    yield "approval_signature_timestamp_fractional", "a signature time-stamp whose genTime has a fraction", \
        kit.sign(base, "Signer1", timestamp=kit.fractional_tsa)
    yield "approval_doc_timestamp_fractional", "a document time-stamp whose genTime has a fraction", \
        kit.doc_timestamp(approval, tsa=kit.fractional_tsa)
    yield "approval_adbe_pkcs7_detached", "an approval signature with /SubFilter adbe.pkcs7.detached", \
        kit.sign_with(base, "Signer1", subfilter=fields.SigSeedSubFilter.ADOBE_PKCS7_DETACHED)
    b_lt = kit.sign_with(base, "Signer1", embed_validation_info=True, validation_context=kit.vc())
    yield "approval_b_lt", "a PAdES B-LT signature: signature time-stamp, then /DSS", b_lt
    yield "approval_b_lta", "a PAdES B-LTA signature: signature time-stamp, /DSS, document time-stamp", \
        kit.sign_with(base, "Signer1", embed_validation_info=True, use_pades_lta=True,
                      validation_context=kit.vc())
    yield "approval_b_lt_then_fill_text", "a B-LT signature, then the text field filled", fill_text(b_lt)
    def lock(names, p=None):
        return fields.SigFieldSpec("Locked", doc_mdp_update_value=p,
                                   field_mdp_spec=fields.FieldMDPSpec(fields.FieldMDPAction.INCLUDE, names))
    locked = kit.sign_with(base, "Locked", spec=lock(["Empty"], fields.MDPPerm.NO_CHANGES))
    yield "locked_p1_untouched", "an approval signature whose field locks the document (/Lock /P 1)", locked
    yield "locked_p1_dss", "/Lock /P 1, then /DSS", kit.dss(locked)
    yield "locked_p1_fill_text", "/Lock /P 1, then the text field filled", fill_text(locked)
    yield "locked_name_fill_text", "a signature locking the field 'Name', then 'Name' filled", \
        fill_text(kit.sign_with(base, "Locked", spec=lock(["Name"])))
    yield "locked_all_but_name_fill_text", "a signature locking every field but 'Name', then 'Name' filled", \
        fill_text(kit.sign_with(base, "Locked", spec=fields.SigFieldSpec(
            "Locked", field_mdp_spec=fields.FieldMDPSpec(fields.FieldMDPAction.EXCLUDE, ["Name", "Group.Child"]))))
    locked_child = kit.sign_with(base, "Locked", spec=lock(["Group.Child"]))
    yield "locked_field_dss", "a signature locking the field 'Group.Child' (/Lock /Include), then /DSS", \
        kit.dss(locked_child)
    yield "approval_metadata", "a new /Info dictionary", set_info(approval)
    yield "approval_extensions_updated", "the indirect /Extensions dictionary updated in place", \
        update_extensions(approval)
    yield "approval_catalog_moved", "the catalog copied unchanged to a new object number", move_catalog(approval)
    yield "approval_xref_relists", "an update whose table lists the catalog and a page at their current offsets", \
        redirect_xref_to_same(approval)
    yield "approval_kid_signature_field", "a new signature field added as a kid of the field 'Group'", \
        add_kid_signature_field(approval)
    yield "approval_annotation_added", "a FreeText annotation added to page 1", add_annotation(approval)
    yield "approval_annotation_indirect_annots", "an annotation added, /Annots made indirect", \
        add_annotation(approval, indirect_annots=True)
    yield "approval_annotation_modified", "the text note's /Contents changed", modify_annotation(approval)
    yield "approval_annotation_deleted", "the text note removed from /Annots", delete_annotation(approval)
    yield "approval_content_changed", "page 1's content stream replaced", change_content(approval)
    yield "approval_page_added", "a page added", add_page(approval)
    yield "approval_text_field_added", "a new text field", add_text_field(approval)
    yield "approval_catalog_swapped", "a new catalog with a different page tree (shadow attack)", \
        swap_catalog(approval)
    yield "approval_empty_widget_ap_repointed", "the empty signature field's widget given an appearance, unsigned", \
        repoint_empty_widget_ap(approval)
    yield "approval_signed_widget_ap_repointed", "the signed field's widget /AP re-pointed to a new stream", \
        repoint_signed_widget_ap(visible, field_object_number(visible, b"Signer1"))
    signed_dangling = kit.sign(dangling, "Signer1")
    yield "approval_dangling_untouched", "a signed document that references an undefined object", signed_dangling
    yield "approval_dangling_defined", "a later revision defines the object the signed revision referenced", \
        define_dangling(signed_dangling)
    for p in (1, 2, 3):
        c = cert[p]
        yield f"certify{p}_untouched", f"a certification signature, P={p}", c
        yield f"certify{p}_dss", f"certification P={p}, then /DSS", kit.dss(c)
        yield f"certify{p}_doc_timestamp", f"certification P={p}, then a document time-stamp", kit.doc_timestamp(c)
        if p > 1:
            # pyHanko refuses to sign after P=1 ("Author signature forbids all changes").
            yield f"certify{p}_sign_empty_field", f"certification P={p}, then the empty field signed", \
                kit.sign(c, "Empty", existing=True)
            yield f"certify{p}_new_invisible_signature", \
                f"certification P={p}, then an approval in a new invisible field", kit.sign(c, "Signer2")
            yield f"certify{p}_new_visible_signature", \
                f"certification P={p}, then an approval in a new visible field", \
                kit.sign(c, "Signer2", box=(50, 50, 250, 100))
        yield f"certify{p}_fill_text", f"certification P={p}, then the text field filled", fill_text(c)
        yield f"certify{p}_annotation_added", f"certification P={p}, then an annotation added", add_annotation(c)
        yield f"certify{p}_content_changed", f"certification P={p}, then page content replaced", change_content(c)


def kit_sign_page(kit, pdf, name, page_index):
    meta = signers.PdfSignatureMetadata(field_name=name, subfilter=fields.SigSeedSubFilter.PADES)
    w = IncrementalPdfFileWriter(BytesIO(pdf), strict=False)
    spec = fields.SigFieldSpec(name, box=(300, 700, 500, 760), on_page=page_index)
    return signers.sign_pdf(w, meta, signer=kit.signer, new_field_spec=spec).getvalue()


def validate(kit, pdf):
    out = []
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception as e:  # noqa: BLE001
        return {"error": type(e).__name__ + ": " + str(e)}
    for sig in sigs:
        doc_ts = sig.sig_object_type == "/DocTimeStamp"
        try:
            if doc_ts:
                st = validate_pdf_timestamp(sig, validation_context=kit.vc())
            else:
                st = validate_pdf_signature(sig, kit.vc())
            out.append({
                "field": sig.field_name,
                "doc_timestamp": doc_ts,
                "intact": bool(st.intact),
                "valid": bool(st.valid),
                "trusted": bool(st.trusted),
                "coverage": st.coverage.name if st.coverage else None,
                "modification_level": st.modification_level.name if st.modification_level else None,
                "docmdp_ok": st.docmdp_ok,
                # A document time-stamp's status has no bottom line: intact, valid,
                # trusted and within the modification policy, as for signatures.
                "bottom_line": bool(st.bottom_line) if not doc_ts else (
                    bool(st.intact and st.valid and st.trusted) and st.docmdp_ok is not False),
            })
        except Exception as e:  # noqa: BLE001
            out.append({"field": sig.field_name, "error": type(e).__name__ + ": " + str(e), "bottom_line": False})
    return {"signatures": out}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("outdir")
    for name in ("--key", "--cert", "--root", "--tsa-key", "--tsa-cert", "--at"):
        p.add_argument(name, required=True)
    p.add_argument("--only", default=None, help="build only the cases whose name contains this")
    args = p.parse_args()
    kit = Kit(args)
    manifest = []
    for name, what, pdf in cases(kit):
        if args.only and args.only not in name:
            continue
        with open(f"{args.outdir}/{name}.pdf", "wb") as f:
            f.write(pdf)
        manifest.append({"name": name, "what": what, "pyhanko": validate(kit, pdf),
                         "sha256": hashlib.sha256(pdf).hexdigest()})
    with open(f"{args.outdir}/manifest.json", "w") as f:
        json.dump({"at": args.at, "cases": manifest}, f, indent=1)


if __name__ == "__main__":
    main()

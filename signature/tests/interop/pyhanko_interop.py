"""pyHanko side of the vanthu-signature interop tests.

  validate PDF --trust ROOT [--cert CERT]... --at ISO8601   -> JSON, one object per signature
  sign IN OUT --key KEY --cert CERT [--chain CERT]... [--field NAME]
       [--timestamp TSA_CERT TSA_KEY [--timestamp-time ISO8601]]
       (--timestamp: a signature time-stamp from pyHanko's DummyTimeStamper,
       whose genTime carries microseconds; RSA TSA key, PEM or DER)
  timestamp IN OUT --timestamp TSA_CERT TSA_KEY [--timestamp-time ISO8601]
       (a document time-stamp, ETSI.RFC3161, from the same DummyTimeStamper)
  sign-lt IN OUT --key KEY --cert CERT [--chain CERT]... --trust ROOT [--crl CRL]...
          --tsa-key KEY --tsa-cert CERT --at ISO8601 [--lta | --pkcs7]
      PAdES B-LT (B-LTA with --lta): a signature time-stamp from a local TSA at --at, and the
      CRLs given embedded in the /DSS (pyHanko's embed_validation_info; nothing is fetched).
      With --pkcs7: adbe.pkcs7.detached, the CRLs in the adbe-revocationInfoArchival attribute.

Offline: no fetching, revocation checking off (the test PKI publishes none).
"""
import argparse
import json
import sys
from datetime import datetime

from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext


def validate(args):
    roots = [load_cert_from_pemder(p) for p in args.trust]
    others = [load_cert_from_pemder(p) for p in args.cert]
    moment = datetime.fromisoformat(args.at)
    out = []
    with open(args.pdf, "rb") as f:
        try:
            reader = PdfFileReader(f, strict=False)
            sigs = list(reader.embedded_signatures)
        except Exception as e:  # refused as unreadable, as pyHanko does for broken files
            print(json.dumps({"error": type(e).__name__ + ": " + str(e)}))
            return
        for sig in sigs:
            vc = ValidationContext(
                trust_roots=roots, other_certs=others, moment=moment,
                allow_fetching=False, revocation_mode="soft-fail",
            )
            try:
                st = validate_pdf_signature(sig, vc)
                out.append({
                    "field": sig.field_name,
                    "intact": bool(st.intact),
                    "valid": bool(st.valid),
                    "trusted": bool(st.trusted),
                    "coverage": st.coverage.name if st.coverage else None,
                    "modification_level": st.modification_level.name if st.modification_level else None,
                    "docmdp_ok": st.docmdp_ok,
                    "bottom_line": bool(st.bottom_line),
                })
            except Exception as e:
                out.append({"field": sig.field_name, "error": type(e).__name__ + ": " + str(e), "bottom_line": False})
    print(json.dumps({"signatures": out}))


def dummy_timestamper(args):
    tsa_cert_file, tsa_key_file = args.timestamp
    return DummyTimeStamper(
        tsa_cert=load_cert_from_pemder(tsa_cert_file),
        tsa_key=load_private_key_from_pemder(tsa_key_file, passphrase=None),
        fixed_dt=datetime.fromisoformat(args.timestamp_time) if args.timestamp_time else None,
    )


def timestamp(args):
    with open(args.input, "rb") as inf:
        w = IncrementalPdfFileWriter(inf, strict=False)
        result = signers.PdfTimeStamper(dummy_timestamper(args)).timestamp_pdf(w, "sha256")
    with open(args.output, "wb") as outf:
        outf.write(result.getvalue())


def sign(args):
    signer = signers.SimpleSigner.load(args.key, args.cert, ca_chain_files=tuple(args.chain), key_passphrase=None)
    if signer is None:
        sys.exit("cannot load the key or certificate")
    meta = signers.PdfSignatureMetadata(
        field_name=args.field, subfilter=fields.SigSeedSubFilter.PADES,
    )
    timestamper = dummy_timestamper(args) if args.timestamp else None
    with open(args.input, "rb") as inf:
        w = IncrementalPdfFileWriter(inf, strict=False)
        result = signers.sign_pdf(w, meta, signer=signer, timestamper=timestamper)
    with open(args.output, "wb") as outf:
        outf.write(result.getvalue())


def sign_lt(args):
    from pyhanko.keys import load_private_key_from_pemder
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    signer = signers.SimpleSigner.load(args.key, args.cert, ca_chain_files=tuple(args.chain), key_passphrase=None)
    if signer is None:
        sys.exit("cannot load the key or certificate")
    moment = datetime.fromisoformat(args.at)
    crls = []
    for path in args.crl:
        with open(path, "rb") as f:
            crls.append(f.read())
    vc = ValidationContext(
        trust_roots=[load_cert_from_pemder(p) for p in args.trust],
        other_certs=[load_cert_from_pemder(p) for p in args.chain],
        crls=crls, moment=moment, allow_fetching=False, revocation_mode="hard-fail",
    )
    tsa = DummyTimeStamper(
        tsa_cert=load_cert_from_pemder(args.tsa_cert),
        tsa_key=load_private_key_from_pemder(args.tsa_key, passphrase=None),
        fixed_dt=moment,
    )
    meta = signers.PdfSignatureMetadata(
        field_name=args.field,
        subfilter=fields.SigSeedSubFilter.ADOBE_PKCS7_DETACHED if args.pkcs7 else fields.SigSeedSubFilter.PADES,
        embed_validation_info=True, validation_context=vc, use_pades_lta=args.lta,
    )
    with open(args.input, "rb") as inf:
        w = IncrementalPdfFileWriter(inf, strict=False)
        result = signers.sign_pdf(w, meta, signer=signer, timestamper=tsa)
    with open(args.output, "wb") as outf:
        outf.write(result.getvalue())


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("validate")
    v.add_argument("pdf")
    v.add_argument("--trust", action="append", default=[])
    v.add_argument("--cert", action="append", default=[])
    v.add_argument("--at", required=True)
    s = sub.add_parser("sign")
    s.add_argument("input")
    s.add_argument("output")
    s.add_argument("--key", required=True)
    s.add_argument("--cert", required=True)
    s.add_argument("--chain", action="append", default=[])
    s.add_argument("--field", default="Signature")
    s.add_argument("--timestamp", nargs=2, metavar=("TSA_CERT", "TSA_KEY"))
    s.add_argument("--timestamp-time")
    t = sub.add_parser("timestamp")
    t.add_argument("input")
    t.add_argument("output")
    t.add_argument("--timestamp", nargs=2, metavar=("TSA_CERT", "TSA_KEY"), required=True)
    t.add_argument("--timestamp-time")
    lt = sub.add_parser("sign-lt")
    lt.add_argument("input")
    lt.add_argument("output")
    lt.add_argument("--key", required=True)
    lt.add_argument("--cert", required=True)
    lt.add_argument("--chain", action="append", default=[])
    lt.add_argument("--field", default="Signature")
    lt.add_argument("--trust", action="append", default=[])
    lt.add_argument("--crl", action="append", default=[])
    lt.add_argument("--tsa-key", required=True)
    lt.add_argument("--tsa-cert", required=True)
    lt.add_argument("--at", required=True)
    lt.add_argument("--lta", action="store_true")
    lt.add_argument("--pkcs7", action="store_true")
    args = p.parse_args()
    {"validate": validate, "sign": sign, "sign-lt": sign_lt, "timestamp": timestamp}[args.cmd](args)


if __name__ == "__main__":
    main()

#!/usr/bin/env node
'use strict';
// The results of every call on real inputs, written as TypeScript constants
// typed with index.d.ts's interfaces: test.sh type-checks the file
// (`tsc --noEmit -p tests/tsconfig.shapes.json`), so that a key the
// declarations lack (object literals are checked for excess properties), a
// required key a result lacks, or a value of another type fails CI.
//
//   node tests/shapes.js    (writes tests/generated/shapes.ts)

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const vanthu = require('..');
const { ROOT, AT, SAMPLES, tmp, demo } = require('./helpers');

function results() {
  const dir = demo();
  const out = tmp();
  const trust = path.join(dir, 'pki', 'root.cer');
  const pdf = path.join(dir, 'sender', '182-QD-LDTBXH.signed.pdf');
  const received = path.join(dir, 'unit1', 'received', '182-QD-LDTBXH.edxml');
  const sip = path.join(dir, 'unit1', 'archive', '000.01.15.H47.2025.01.TH.zip');
  const log = path.join(dir, 'unit1', 'events.json');
  const spec = path.join(ROOT, 'archive', 'tests', 'vectors', 'sip-hoso', 'spec.json');
  const record = path.join(ROOT, 'archive', 'tests', 'vectors', 'record.json');
  const all = fs.readdirSync(SAMPLES).map((f) => path.join(SAMPLES, f));
  // The packages that can be read (a few real ones are damaged: they check, but do not inspect).
  const samples = all.filter((f) => {
    try {
      vanthu.inspect(f);
      return true;
    } catch {
      return false;
    }
  });
  const text = path.join(out, 'text.txt');
  fs.writeFileSync(text, 'Ho\u0300a Bi\u0300nh');
  const prepared = vanthu.signPrepare(pdf, path.join(dir, 'pki', 'agency.cer'), { at: AT });
  const key = crypto.createPrivateKey({
    key: fs.readFileSync(path.join(dir, 'pki', 'agency.TEST-ONLY-private-key.der')),
    format: 'der',
    type: 'pkcs8',
  });
  const signature = crypto.sign('sha256', Buffer.from(prepared.to_be_signed, 'base64'), key);
  const documents = samples.filter((f) => vanthu.inspect(f).kind === 'document');
  const extracted = documents.flatMap((f, i) => vanthu.extract(f, path.join(out, `x${i}`), { unzip: true }));
  const office = new vanthu.Office('000.00.15.H47');
  const events = JSON.parse(fs.readFileSync(log, 'utf8'));
  const effects = (Array.isArray(events) ? events : events.events).flatMap((e) => office.apply(e));
  let error;
  try {
    vanthu.inspect(path.join(out, 'missing.edxml'));
  } catch (e) {
    error = e.toJSON();
  }
  // [name, type, value]
  return [
    ['version', 'string', vanthu.version()],
    ['rules', 'v.Rule[]', vanthu.rules()],
    [
      'ids',
      'v.Identification[]',
      ['000.00.15.H47', '182/QĐ-LĐTBXH', '000.00.18.H40.2020.05.TH', 'x'].map(vanthu.identify),
    ],
    ['textCheck', 'v.TextCheck', vanthu.textCheck(text)],
    ['textFix', 'v.TextFix', vanthu.textFix(Buffer.from('Céng hoµ', 'latin1'))],
    [
      'check',
      'v.FileReport[]',
      [...vanthu.check(dir, { trust, at: AT }), ...all.flatMap((f) => vanthu.check(f, { at: AT }))],
    ],
    ['checkBytes', 'v.FileReport', vanthu.checkBytes('junk.edxml', Buffer.from('<edXMLEnvelope'), { at: AT })],
    ['inspect', 'v.PackageSummary[]', samples.map((f) => vanthu.inspect(f))],
    ['models', 'v.PackageModel[]', samples.map((f) => vanthu.model(f))],
    ['normalize', 'v.Written', vanthu.normalize(received, path.join(out, 'n.edxml'))],
    ['extract', 'v.Extracted[]', extracted],
    [
      'write',
      'v.PackageWritten',
      vanthu.write(
        vanthu.model(received),
        vanthu.extract(received, path.join(out, 'w')).map((f) => f.file),
        path.join(out, 'w.edxml'),
      ),
    ],
    [
      'verifyPdf',
      'v.DocumentReport[]',
      [pdf, path.join(dir, 'sender', '183-LDTBXH-VP.signed.pdf')].map((f) => vanthu.verifyPdf(f, trust, { at: AT })),
    ],
    ['signPrepare', 'v.SignPrepared', prepared],
    ['signFinish', 'v.Written', vanthu.signFinish(prepared, signature, path.join(out, 's.pdf'))],
    ['reply', 'v.ReplyWritten', vanthu.reply(received, '03', '000.01.15.H47', path.join(out, 'r.edxml'), { at: AT })],
    [
      'replay',
      'v.ReplayReport[]',
      fs
        .readdirSync(dir)
        .map((d) => path.join(dir, d, 'events.json'))
        .filter((f) => fs.existsSync(f))
        .map((f) => vanthu.replay(f, { as_of: '2025-12-31' })),
    ],
    ['archiveCheck', 'v.ArchiveReport', vanthu.archiveCheck(sip, { at: AT })],
    ['archivePack', 'v.Packed', vanthu.archivePack(spec, path.join(out, 'p.zip'))],
    ['retention', 'v.RetentionEvaluation', vanthu.retention(record, '2030-01-01')],
    ['due', 'v.Due[]', [vanthu.due(AT, { working_days: 3 }), vanthu.due(AT, { rule: 'acknowledge' })]],
    ['lunar', 'v.LunarConversion[]', [vanthu.lunar('2025-01-29'), vanthu.lunarToSolar('1/1/2025')]],
    ['calendar', 'v.CalendarYear', vanthu.calendar(2025)],
    ['effects', 'v.Effect[]', effects],
    ['snapshot', 'v.OfficeState', office.snapshot()],
    ['error', 'v.ErrorJson', error],
  ];
}

const lines = [
  '// Written by tests/shapes.js: the results of every call, typed with index.d.ts. Do not edit.',
  "import type * as v from '../..';",
  '',
];
for (const [name, type, value] of results()) {
  lines.push(`export const ${name}: ${type} = ${JSON.stringify(value, null, 1)};`);
}
const target = path.join(__dirname, 'generated', 'shapes.ts');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, lines.join('\n') + '\n');
process.stderr.write(`node binding: ${path.relative(process.cwd(), target)} (${lines.length - 3} results)\n`);

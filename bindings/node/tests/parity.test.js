'use strict';
// The binding gives exactly what the CLI prints with --json, for every call:
// real packages read, checked, normalised, extracted, modelled and written
// back; signed PDFs verified and signed again in two steps; a 03 reply; the
// workflow logs replayed and driven event by event; an archival package
// packed and checked; the calendar, identifiers and text. Whole values are
// compared (deepStrictEqual), not spot checks.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const vanthu = require('..');
const { ROOT, AT, SAMPLES, tmp, runCli, cliJson, demo } = require('./helpers');

const samples = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.edxml'))
  .sort();

test('check: every real package, as `vanthu check`', () => {
  assert.ok(samples.length >= 10);
  for (const name of samples) {
    const file = path.join(SAMPLES, name);
    assert.deepStrictEqual(vanthu.check(file, { at: AT }), cliJson(['check', file, '--at', AT], [0, 1, 2]), name);
  }
});

test('check: a folder with trust, strict, an archival profile', () => {
  const dir = demo();
  const trust = path.join(dir, 'pki', 'root.cer');
  const ours = vanthu.check(dir, { trust, at: AT });
  assert.deepStrictEqual(ours, cliJson(['check', dir, '--trust', trust, '--at', AT]));
  assert.equal(ours.length, 20);
  assert.ok(ours.some((r) => r.format === 'pdf'));
  const edoc = path.join(SAMPLES, 'edoc_new.edxml');
  assert.deepStrictEqual(
    vanthu.check(edoc, { at: AT, strict: true }),
    cliJson(['check', edoc, '--at', AT, '--strict']),
  );
  const sip = path.join(dir, 'unit1', 'archive', '000.01.15.H47.2025.01.TH.zip');
  assert.deepStrictEqual(
    vanthu.check(sip, { at: AT, profile: 'tt05' }),
    cliJson(['check', sip, '--at', AT]), // tt05 is the CLI's profile
  );
});

test('checkBytes: a Buffer, a Uint8Array, an ArrayBuffer and a DataView give the report of the file', () => {
  const file = path.join(SAMPLES, 'edoc_new.edxml');
  const [expected] = cliJson(['check', file, '--at', AT]);
  const buffer = fs.readFileSync(file);
  const copy = new Uint8Array(buffer);
  const arrayBuffer = copy.buffer.slice(0);
  const view = new DataView(arrayBuffer);
  for (const data of [buffer, copy, arrayBuffer, view]) {
    const ours = vanthu.checkBytes(file, data, { at: AT });
    assert.deepStrictEqual(ours, expected, data.constructor.name);
  }
  // A view into a larger buffer reads only its own bytes.
  const padded = Buffer.concat([Buffer.from('junk'), buffer, Buffer.from('junk')]);
  assert.deepStrictEqual(vanthu.checkBytes(file, padded.subarray(4, 4 + buffer.length), { at: AT }), expected);
});

test('inspect and model: real packages, as `vanthu inspect` and `inspect --model`', () => {
  for (const name of ['edoc_new.edxml', 'edoc_revocation.edxml', 'status_acceptance_03.edxml', 'status.edxml']) {
    const file = path.join(SAMPLES, name);
    assert.deepStrictEqual(vanthu.inspect(file), cliJson(['inspect', file]), name);
    const { stdout } = runCli(['inspect', file, '--model']);
    assert.deepStrictEqual(vanthu.model(file), JSON.parse(stdout), name);
  }
});

test('write: a real package written back from its model (object or JSON text), byte for byte as the CLI', () => {
  const out = tmp();
  const file = path.join(demo(), 'unit1', 'received', '182-QD-LDTBXH.edxml');
  const files = vanthu.extract(file, path.join(out, 'files'));
  const model = vanthu.model(file);
  const attachments = files.map((f) => f.file);
  const ours = vanthu.write(model, attachments, path.join(out, 'ours.edxml'));
  const modelFile = path.join(out, 'model.json');
  fs.writeFileSync(modelFile, JSON.stringify(model));
  const theirs = cliJson(['write', modelFile, ...attachments, '--output', path.join(out, 'theirs.edxml')], [0]);
  assert.deepStrictEqual({ ...ours, file: theirs.file }, theirs);
  assert.deepStrictEqual(
    fs.readFileSync(path.join(out, 'ours.edxml')),
    fs.readFileSync(path.join(out, 'theirs.edxml')),
  );
  const again = vanthu.write(JSON.stringify(model), attachments, path.join(out, 'again.edxml'));
  assert.equal(again.sha256, theirs.sha256);
  // What `normalize` writes, as docs/bindings.md §4 says.
  const normal = vanthu.normalize(file, path.join(out, 'normal.edxml'));
  assert.equal(normal.sha256, theirs.sha256);
});

test('normalize and extract: as `vanthu normalize` and `vanthu extract`', () => {
  const out = tmp();
  for (const name of ['generated_vnpt_edxml102.edxml', 'edoc_update.edxml']) {
    const file = path.join(SAMPLES, name);
    const ours = vanthu.normalize(file, path.join(out, `ours-${name}`));
    const theirs = cliJson(['normalize', file, '--output', path.join(out, `theirs-${name}`)]);
    assert.equal(ours.file, path.join(out, `ours-${name}`));
    assert.deepStrictEqual({ ...ours, file: theirs.file }, theirs);
    assert.deepStrictEqual(fs.readFileSync(ours.file), fs.readFileSync(theirs.file));
  }
  const file = path.join(SAMPLES, 'edoc_new.edxml');
  const ours = vanthu.extract(file, path.join(out, 'ours'), { unzip: true });
  const theirs = cliJson(['extract', file, '--output', path.join(out, 'theirs'), '--unzip']);
  assert.ok(ours.length > 0 && ours.length === theirs.length);
  ours.forEach((a, i) => {
    assert.deepStrictEqual(fs.readFileSync(a.file), fs.readFileSync(theirs[i].file));
    assert.deepStrictEqual({ ...a, file: theirs[i].file }, theirs[i]);
  });
});

test('verifyPdf: the demo PDFs, as `vanthu verify`; one trust path or an array', () => {
  const dir = demo();
  const trust = path.join(dir, 'pki', 'root.cer');
  for (const name of ['182-QD-LDTBXH.signed.pdf', '183-LDTBXH-VP.signed.pdf']) {
    const pdf = path.join(dir, 'sender', name);
    const ours = vanthu.verifyPdf(pdf, trust, { at: AT });
    assert.deepStrictEqual(ours, cliJson(['verify', pdf, '--trust', trust, '--at', AT]));
    assert.equal(ours.legal_value, 'original');
  }
  const pdf = path.join(dir, 'sender', '182-QD-LDTBXH.signed.pdf');
  assert.deepStrictEqual(
    vanthu.verifyPdf(pdf, [trust], { at: AT, attachment: true }),
    cliJson(['verify', pdf, '--trust', trust, '--at', AT, '--attachment']),
  );
});

test('signPrepare and signFinish: signed by Node crypto in between, verified by the CLI', () => {
  const dir = demo();
  const out = tmp();
  const pdf = path.join(dir, 'sender', '183-LDTBXH-VP.signed.pdf');
  const prepared = vanthu.signPrepare(pdf, path.join(dir, 'pki', 'agency.cer'), { at: '2025-06-05T09:00:00+07:00' });
  assert.equal(prepared.digest_algorithm, 'sha256');
  const key = crypto.createPrivateKey({
    key: fs.readFileSync(path.join(dir, 'pki', 'agency.TEST-ONLY-private-key.der')),
    format: 'der',
    type: 'pkcs8',
  });
  const toBeSigned = Buffer.from(prepared.to_be_signed, 'base64');
  assert.equal(crypto.createHash('sha256').update(toBeSigned).digest('hex'), prepared.digest);
  const signature = crypto.sign('sha256', toBeSigned, key);
  const signed = vanthu.signFinish(prepared, signature, path.join(out, 'signed.pdf'));
  assert.equal(signed.file, path.join(out, 'signed.pdf'));
  const trust = path.join(dir, 'pki', 'root.cer');
  const report = cliJson(['verify', signed.file, '--trust', trust, '--at', AT], [0]);
  assert.equal(report.signatures.length, 3);
  assert.ok(report.signatures.every((s) => s.indication === 'TOTAL_PASSED'));
  assert.deepStrictEqual(vanthu.verifyPdf(signed.file, trust, { at: AT }), report);
});

test('reply: a 03 status, byte for byte as `vanthu reply`; the status as a number', () => {
  const out = tmp();
  const file = path.join(demo(), 'unit1', 'received', '182-QD-LDTBXH.edxml');
  const ours = vanthu.reply(file, '03', '000.01.15.H47', path.join(out, 'ours.edxml'), { at: AT });
  const args = ['reply', file, '--status', '03', '--from', '000.01.15.H47', '--at', AT];
  const theirs = cliJson([...args, '--output', path.join(out, 'theirs.edxml')]);
  assert.deepStrictEqual(fs.readFileSync(ours.file), fs.readFileSync(theirs.file));
  assert.deepStrictEqual({ ...ours, file: theirs.file }, theirs);
  const again = vanthu.reply(file, 3, '000.01.15.H47', path.join(out, 'again.edxml'), {
    at: AT,
    description: 'Đã tiếp nhận',
  });
  const described = cliJson([...args, '--description', 'Đã tiếp nhận', '--output', path.join(out, 'again2.edxml')]);
  assert.equal(again.sha256, described.sha256);
});

test('replay and Office: every demo log, as `vanthu replay`; the same state event by event', () => {
  const dir = demo();
  const logs = fs
    .readdirSync(dir)
    .map((d) => path.join(dir, d, 'events.json'))
    .filter((f) => fs.existsSync(f));
  assert.ok(logs.length >= 2);
  const asOf = '2025-07-01T08:00:00+07:00';
  for (const log of logs) {
    const replayed = vanthu.replay(log);
    assert.deepStrictEqual(replayed, cliJson(['replay', log]), log);
    assert.deepStrictEqual(vanthu.replay(log, { as_of: asOf }), cliJson(['replay', log, '--as-of', asOf]));
    const parsed = JSON.parse(fs.readFileSync(log, 'utf8'));
    const office = new vanthu.Office(replayed.state.agency);
    for (const event of Array.isArray(parsed) ? parsed : parsed.events) office.apply(event);
    assert.deepStrictEqual(office.snapshot(), replayed.state);
    office.close();
  }
});

test('archivePack, archiveCheck and retention: as `vanthu archive pack|check` and `vanthu retention`', () => {
  const out = tmp();
  const spec = path.join(ROOT, 'archive', 'tests', 'vectors', 'sip-hoso', 'spec.json');
  const ours = vanthu.archivePack(spec, path.join(out, 'ours.zip'));
  const theirs = cliJson(['archive', 'pack', spec, '--output', path.join(out, 'theirs.zip')], [0]);
  assert.deepStrictEqual({ ...ours, file: theirs.file }, theirs);
  assert.deepStrictEqual(fs.readFileSync(ours.file), fs.readFileSync(theirs.file));
  assert.deepStrictEqual(
    vanthu.archiveCheck(ours.file, { at: AT }),
    cliJson(['archive', 'check', ours.file, '--at', AT]),
  );
  const sip = path.join(demo(), 'unit1', 'archive', '000.01.15.H47.2025.01.TH.zip');
  assert.deepStrictEqual(
    vanthu.archiveCheck(sip, { at: AT, profile: 'sip' }),
    cliJson(['archive', 'check', sip, '--at', AT, '--profile', 'sip']),
  );
  const record = path.join(ROOT, 'archive', 'tests', 'vectors', 'record.json');
  assert.deepStrictEqual(vanthu.retention(record, '2030-01-01'), cliJson(['retention', record, '--at', '2030-01-01']));
  assert.deepStrictEqual(
    vanthu.retention(record, '2030-01-01', { law: 2011 }),
    cliJson(['retention', record, '--at', '2030-01-01', '--law', '2011']),
  );
});

test('calendar, lunar, due: as the CLI; a Date is a time', () => {
  assert.deepStrictEqual(vanthu.calendar(2025), cliJson(['calendar', '2025']));
  assert.deepStrictEqual(vanthu.lunar('2025-01-29'), cliJson(['lunar', '2025-01-29']));
  assert.deepStrictEqual(vanthu.lunarToSolar('1/1/2025'), cliJson(['lunar', '--to-solar', '1/1/2025']));
  const start = '2025-04-28T10:00:00+07:00';
  assert.deepStrictEqual(
    vanthu.due(start, { working_days: 3 }),
    cliJson(['due', '--from', start, '--working-days', '3']),
  );
  assert.deepStrictEqual(vanthu.due(start, { rule: 'issue' }), cliJson(['due', '--from', start, '--rule', 'issue']));
  assert.deepStrictEqual(
    vanthu.due(new Date('2025-04-28T03:00:00Z'), { working_days: 3, urgent: undefined }),
    vanthu.due(start, { working_days: 3 }),
  );
});

test('rules, version, identify, textCheck, textFix: as the CLI', () => {
  assert.deepStrictEqual(vanthu.rules(), cliJson(['rules']));
  assert.equal(runCli(['--version']).stdout.trim().split(' ').pop(), vanthu.version());
  assert.equal(vanthu.version(), require('../package.json').version);
  for (const id of ['000.00.15.H47', '182/QĐ-LĐTBXH']) {
    assert.deepStrictEqual(vanthu.identify(id), cliJson(['id', id])[0]);
  }
  const out = tmp();
  const sample = path.join(out, 'text.txt');
  fs.writeFileSync(sample, 'Ho\u0300a Bi\u0300nh');
  assert.deepStrictEqual(vanthu.textCheck(sample), cliJson(['text', 'check', sample]));
  // `vanthu text fix` prints the text itself, and its note on standard error.
  const legacy = path.join(out, 'tcvn3.txt');
  fs.writeFileSync(legacy, Buffer.from('Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'latin1'));
  const { code, stdout, stderr } = runCli(['text', 'fix', legacy]);
  const fixed = vanthu.textFix(fs.readFileSync(legacy));
  assert.equal(code, 0);
  assert.equal(fixed.text, stdout);
  assert.ok(stderr.includes(fixed.note));
  assert.equal(fixed.encoding, 'tcvn3');
  assert.equal(fixed.text, 'Cộng hoà xã hội chủ nghĩa Việt Nam');
  assert.equal(vanthu.textFix(new Uint8Array(fs.readFileSync(legacy)), { from: 'tcvn3' }).text, stdout);
  assert.equal(vanthu.textFix('Ho\u0300a').text, 'Hòa');
});

test('paths may be file: URLs', () => {
  const file = path.join(SAMPLES, 'status.edxml');
  assert.deepStrictEqual(vanthu.inspect(new URL(`file://${file}`)), vanthu.inspect(file));
});

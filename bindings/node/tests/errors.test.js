'use strict';
// Errors are VanthuErrors with the facade's fields: one case per code of
// docs/bindings.md §2, the rule and the location when the facade knows them,
// the same from the Async forms; arguments of the wrong type are TypeErrors.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const vanthu = require('..');
const { AT, SAMPLES, tmp, demo } = require('./helpers');

/** Runs `call`, which must throw a VanthuError of `code` and `kind`; returns it. */
function fails(call, code, kind) {
  let caught;
  assert.throws(call, (error) => {
    caught = error;
    return true;
  });
  assert.ok(caught instanceof vanthu.VanthuError, `${caught}`);
  assert.ok(caught instanceof Error);
  assert.equal(caught.name, 'VanthuError');
  assert.deepStrictEqual([caught.code, caught.kind], [code, kind], caught.message);
  assert.ok(caught.message.length > 0);
  assert.ok(caught.messageVi.length > 0 && caught.messageVi !== caught.message);
  assert.ok(caught.stack.startsWith(`VanthuError: ${caught.message}`));
  return caught;
}

test('one error per code, each with its kind, and rule and location null when unknown', () => {
  const dir = demo();
  const out = tmp();
  const pdf = path.join(dir, 'sender', '182-QD-LDTBXH.signed.pdf');
  const received = path.join(dir, 'unit1', 'received', '182-QD-LDTBXH.edxml');
  for (const call of [
    () => vanthu.lunar('2025-13-01'),
    () => vanthu.calendar(1800),
    () => vanthu.due('yesterday', { working_days: 3 }),
    () => vanthu.due('2025-04-28T10:00:00+07:00', { rule: 'whenever' }),
    () => new vanthu.Office('not an agency id'),
    () => vanthu.reply(received, '99', '000.01.15.H47', path.join(out, 'r.edxml'), { at: AT }),
  ]) {
    const error = fails(call, 1, 'invalid_argument');
    assert.equal(error.rule, null);
    assert.equal(error.location, null);
  }
  const missing = path.join(out, 'missing.edxml');
  assert.ok(fails(() => vanthu.inspect(missing), 2, 'io').message.includes(missing));
  assert.ok(fails(() => vanthu.inspect(pdf), 3, 'unreadable').message.includes('PDF'));
  fails(() => vanthu.verifyPdf(pdf, '/nonexistent/root.cer', { at: AT }), 5, 'trust');
  fails(() => vanthu.check(path.join(dir, 'pki'), { at: AT }), 6, 'nothing_to_check');
  fails(() => vanthu.lunarToSolar('30/1/2025', true), 7, 'no_such_date');
  fails(() => vanthu.textFix(Buffer.from([0xff, 0xfe, 0x00, 0x41])), 8, 'unknown_encoding');
  fails(() => vanthu.signPrepare(pdf, path.join(dir, 'pki', 'agency.cer'), { at: '2040-01-01' }), 9, 'signing');
  assert.ok(!fs.existsSync(path.join(out, 'r.edxml')));
});

test('refused: the rule that refuses, and where in the input', () => {
  const out = tmp();
  const doctype = path.join(out, 'doctype.edxml');
  fs.writeFileSync(doctype, '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<edXMLEnvelope/>');
  const error = fails(() => vanthu.inspect(doctype), 4, 'refused');
  assert.equal(error.rule, 'EDXML-XML-010');
  assert.equal(error.location.line, 2);
  assert.equal(error.location.column, 1);
  assert.equal(error.location.offset, 22);
  assert.deepStrictEqual(error.toJSON(), {
    code: 4,
    kind: 'refused',
    message: error.message,
    message_vi: error.messageVi,
    rule: 'EDXML-XML-010',
    location: error.location,
  });
  // 03 answers only from a recipient of the document.
  const reply = fails(
    () =>
      vanthu.reply(path.join(SAMPLES, 'edoc_new.edxml'), '03', '000.00.00.A80', path.join(out, 'r.edxml'), { at: AT }),
    4,
    'refused',
  );
  assert.equal(reply.rule, 'WF-OUT-006');
  assert.ok(!fs.existsSync(path.join(out, 'r.edxml')));
});

test('a model that is not of the schema: invalid_argument with its line and column', () => {
  const out = tmp();
  const error = fails(
    () => vanthu.write('{"kind": "document",\n "header": 3}', [], path.join(out, 'x.edxml')),
    1,
    'invalid_argument',
  );
  assert.equal(error.location.line, 2);
  assert.equal(error.location.column, 12);
  fails(() => vanthu.write({ kind: 'document', header: 3 }, [], path.join(out, 'x.edxml')), 1, 'invalid_argument');
  assert.ok(!fs.existsSync(path.join(out, 'x.edxml')));
});

test('an unknown option or a bad time is invalid_argument', () => {
  const file = path.join(SAMPLES, 'status.edxml');
  assert.ok(
    fails(() => vanthu.check(file, { at: AT, colour: 'blue' }), 1, 'invalid_argument').message.includes('colour'),
  );
  fails(() => vanthu.check(file, { at: 'not a time' }), 1, 'invalid_argument');
  fails(() => vanthu.retention(file, '2030-01-01', { law: 2011, year: 1 }), 1, 'invalid_argument');
  fails(() => new vanthu.Office('000.00.15.H47', { rules: 'mars' }), 1, 'invalid_argument');
});

test('a file that cannot be read in check is a report, not an error', () => {
  const junk = path.join(tmp(), 'junk.edxml');
  fs.writeFileSync(junk, "<?xml version='1.0'?><edXMLEnvelope");
  const [report] = vanthu.check(junk, { at: AT });
  assert.equal(report.conformant, false);
  assert.ok(report.error.code.startsWith('EDXML-E-'));
});

test('the Async forms reject with the same VanthuError', async () => {
  const dir = demo();
  const pdf = path.join(dir, 'sender', '182-QD-LDTBXH.signed.pdf');
  await assert.rejects(vanthu.inspectAsync(pdf), (error) => {
    assert.ok(error instanceof vanthu.VanthuError);
    assert.deepStrictEqual([error.code, error.kind], [3, 'unreadable']);
    assert.equal(error.stack.split('\n')[0], `VanthuError: ${error.message}`);
    return true;
  });
  await assert.rejects(vanthu.checkAsync(path.join(dir, 'pki'), { at: AT }), { code: 6, kind: 'nothing_to_check' });
  await assert.rejects(vanthu.verifyPdfAsync(pdf, '/nonexistent/root.cer'), { code: 5, kind: 'trust' });
  // An option refused before the work starts also rejects (never throws).
  const promise = vanthu.archivePackAsync('spec.json', 'out.zip', { colour: 1 });
  assert.ok(promise instanceof Promise);
  await assert.rejects(promise, { code: 1, kind: 'invalid_argument' });
});

test('arguments of the wrong type are TypeErrors, not VanthuErrors', () => {
  for (const call of [
    () => vanthu.inspect(42),
    () => vanthu.check({}),
    () => vanthu.checkBytes('a.edxml', 'text is not bytes'),
    () => vanthu.checkBytes('a.edxml', 3.5),
    () => vanthu.check(path.join(SAMPLES, 'status.edxml'), 'at'),
    () => vanthu.calendar('2025'),
    () => vanthu.lunarToSolar('1/1/2025', 'yes'),
    () => vanthu.due(20250428),
    () => new vanthu.Office(42),
    () => new vanthu.Office('000.00.15.H47').apply(42),
  ]) {
    assert.throws(call, TypeError);
  }
  return assert.rejects(vanthu.inspectAsync(42), TypeError);
});

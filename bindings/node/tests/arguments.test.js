'use strict';
// Arguments as Node programs pass them: options with undefined and null
// values (the defaults), integers past 32 bits, empty byte arrays, Dates; and
// the addon in worker threads, each with its own environment.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const vanthu = require('..');
const { AT, SAMPLES, tmp } = require('./helpers');

test('undefined and null options are the defaults', () => {
  const file = path.join(SAMPLES, 'edoc_new.edxml');
  const expected = vanthu.check(file, { at: AT });
  assert.deepStrictEqual(vanthu.check(file, { at: AT, trust: undefined, strict: null, profile: undefined }), expected);
  assert.deepStrictEqual(vanthu.lunarToSolar('1/1/2025'), vanthu.lunarToSolar('1/1/2025', false));
  const due = vanthu.due('2025-04-28', { working_days: 3 });
  assert.deepStrictEqual(vanthu.due('2025-04-28', { working_days: 3, urgent: null, rule: undefined }), due);
  // No options at all: due needs one of them.
  assert.throws(() => vanthu.due('2025-04-28', null), { code: 1, kind: 'invalid_argument' });
});

test('integers past 32 bits reach the facade as integers', () => {
  const out = tmp();
  const file = path.join(SAMPLES, 'edoc_new.edxml');
  const files = vanthu.extract(file, path.join(out, 'big'), { max_bytes: 5_000_000_000 });
  assert.deepStrictEqual(
    files.map((f) => f.sha256),
    vanthu.extract(file, path.join(out, 'default')).map((f) => f.sha256),
  );
  assert.throws(() => vanthu.extract(file, path.join(out, 'x'), { max_bytes: 1.5 }), {
    code: 1,
    kind: 'invalid_argument',
  });
});

test('empty bytes are read as an empty file', () => {
  const report = vanthu.checkBytes('empty.edxml', Buffer.alloc(0), { at: AT });
  assert.equal(report.conformant, false);
  assert.ok(report.error.message.includes('empty'));
  assert.equal(vanthu.textFix(new Uint8Array(0)).text, '');
});

test('a Date is a time: the same instant as its RFC 3339 text', () => {
  const file = path.join(SAMPLES, 'edoc_new.edxml');
  assert.deepStrictEqual(vanthu.check(file, { at: new Date('2025-06-03T02:00:00Z') }), vanthu.check(file, { at: AT }));
});

test('worker threads load the addon and call it, sync and async, with an office each', async () => {
  const file = path.join(SAMPLES, 'edoc_new.edxml');
  const expected = vanthu.check(file, { at: AT });
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const vanthu = require(workerData.module);
    const office = new vanthu.Office('000.00.15.H47');
    vanthu.checkAsync(workerData.file, { at: workerData.at }).then((reports) => {
      parentPort.postMessage({ reports, sync: vanthu.check(workerData.file, { at: workerData.at }), agency: office.snapshot().agency });
    });`;
  const results = await Promise.all(
    Array.from({ length: 3 }, () => {
      const worker = new Worker(source, {
        eval: true,
        workerData: { module: path.resolve(__dirname, '..'), file, at: AT },
      });
      return new Promise((resolve, reject) => {
        worker.once('message', (message) => worker.terminate().then(() => resolve(message)));
        worker.once('error', reject);
      });
    }),
  );
  for (const { reports, sync, agency } of results) {
    assert.deepStrictEqual(reports, expected);
    assert.deepStrictEqual(sync, expected);
    assert.equal(agency, '000.00.15.H47');
  }
});

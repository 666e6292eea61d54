'use strict';
// The Async forms give what the sync ones give, and run off the event loop:
// timers keep firing while a long check runs on libuv's thread pool, and do
// not while the same check runs synchronously.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const vanthu = require('..');
const { ROOT, AT, SAMPLES, tmp, demo } = require('./helpers');

test('every Async form resolves to what its sync form returns', async () => {
  const dir = demo();
  const out = tmp();
  const trust = path.join(dir, 'pki', 'root.cer');
  const pdf = path.join(dir, 'sender', '182-QD-LDTBXH.signed.pdf');
  const edoc = path.join(SAMPLES, 'edoc_new.edxml');
  const received = path.join(dir, 'unit1', 'received', '182-QD-LDTBXH.edxml');
  const log = path.join(dir, 'unit1', 'events.json');
  const spec = path.join(ROOT, 'archive', 'tests', 'vectors', 'sip-hoso', 'spec.json');
  const record = path.join(ROOT, 'archive', 'tests', 'vectors', 'record.json');
  const text = path.join(out, 'text.txt');
  fs.writeFileSync(text, 'Hòa Bình');
  const without = (value) => ({ ...value, file: undefined });

  assert.deepStrictEqual(await vanthu.textCheckAsync(text), vanthu.textCheck(text));
  assert.deepStrictEqual(await vanthu.checkAsync(dir, { trust, at: AT }), vanthu.check(dir, { trust, at: AT }));
  const bytes = fs.readFileSync(edoc);
  assert.deepStrictEqual(
    await vanthu.checkBytesAsync('a.edxml', bytes, { at: AT }),
    vanthu.checkBytes('a.edxml', bytes, { at: AT }),
  );
  assert.deepStrictEqual(await vanthu.inspectAsync(edoc), vanthu.inspect(edoc));
  assert.deepStrictEqual(await vanthu.modelAsync(edoc), vanthu.model(edoc));
  assert.deepStrictEqual(
    without(await vanthu.normalizeAsync(edoc, path.join(out, 'n1.edxml'))),
    without(vanthu.normalize(edoc, path.join(out, 'n2.edxml'))),
  );
  const files = await vanthu.extractAsync(received, path.join(out, 'x1'));
  assert.deepStrictEqual(files.map(without), vanthu.extract(received, path.join(out, 'x2')).map(without));
  const model = vanthu.model(received);
  const attachments = files.map((f) => f.file);
  assert.deepStrictEqual(
    without(await vanthu.writeAsync(model, attachments, path.join(out, 'w1.edxml'))),
    without(vanthu.write(model, attachments, path.join(out, 'w2.edxml'))),
  );
  assert.deepStrictEqual(await vanthu.verifyPdfAsync(pdf, trust, { at: AT }), vanthu.verifyPdf(pdf, trust, { at: AT }));
  const certificate = path.join(dir, 'pki', 'agency.cer');
  const prepared = await vanthu.signPrepareAsync(pdf, certificate, { at: AT });
  assert.deepStrictEqual(prepared, vanthu.signPrepare(pdf, certificate, { at: AT }));
  const key = crypto.createPrivateKey({
    key: fs.readFileSync(path.join(dir, 'pki', 'agency.TEST-ONLY-private-key.der')),
    format: 'der',
    type: 'pkcs8',
  });
  const signature = crypto.sign('sha256', Buffer.from(prepared.to_be_signed, 'base64'), key);
  const signed = await vanthu.signFinishAsync(prepared, signature, path.join(out, 's1.pdf'));
  assert.deepStrictEqual(without(signed), without(vanthu.signFinish(prepared, signature, path.join(out, 's2.pdf'))));
  assert.deepStrictEqual(
    without(await vanthu.replyAsync(received, '03', '000.01.15.H47', path.join(out, 'r1.edxml'), { at: AT })),
    without(vanthu.reply(received, '03', '000.01.15.H47', path.join(out, 'r2.edxml'), { at: AT })),
  );
  assert.deepStrictEqual(await vanthu.replayAsync(log), vanthu.replay(log));
  const packed = await vanthu.archivePackAsync(spec, path.join(out, 'p1.zip'));
  assert.deepStrictEqual(without(packed), without(vanthu.archivePack(spec, path.join(out, 'p2.zip'))));
  assert.deepStrictEqual(
    await vanthu.archiveCheckAsync(packed.file, { at: AT }),
    vanthu.archiveCheck(packed.file, { at: AT }),
  );
  assert.deepStrictEqual(await vanthu.retentionAsync(record, '2030-01-01'), vanthu.retention(record, '2030-01-01'));
});

/** A folder of `copies` copies of the real packages and the demo's PDFs. */
function folder(copies) {
  const dir = path.join(tmp(), 'inbox');
  fs.mkdirSync(dir);
  const sources = [
    ...fs.readdirSync(SAMPLES).map((f) => path.join(SAMPLES, f)),
    path.join(demo(), 'sender', '182-QD-LDTBXH.signed.pdf'),
    path.join(demo(), 'sender', '183-LDTBXH-VP.signed.pdf'),
  ];
  for (let i = 0; i < copies; i++) {
    for (const source of sources) fs.copyFileSync(source, path.join(dir, `${i}-${path.basename(source)}`));
  }
  return dir;
}

/** Counts the ticks of a 5 ms interval while `work` runs; returns them, the result and the time taken. */
async function ticksDuring(work) {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const start = process.hrtime.bigint();
  const result = await work();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(timer);
  return { ticks, result, ms };
}

test('the event loop keeps turning while checkAsync runs; not while check runs', async () => {
  const trust = path.join(demo(), 'pki', 'root.cer');
  const options = { trust, at: AT, jobs: 1 };
  // A check that takes at least 200 ms, in a debug or a release build.
  let dir;
  let blocked;
  for (let copies = 4; ; copies *= 2) {
    dir = folder(copies);
    blocked = await ticksDuring(() => vanthu.check(dir, options));
    if (blocked.ms >= 200 || copies >= 512) break;
  }
  const free = await ticksDuring(() => vanthu.checkAsync(dir, options));
  assert.deepStrictEqual(free.result, blocked.result);
  assert.ok(blocked.ms >= 200, `the check took ${blocked.ms.toFixed(0)} ms: too short to tell`);
  assert.equal(blocked.ticks, 0, 'no timer fires while the sync call holds the loop');
  // A 5 ms timer on an idle loop fires about ms/5 times; ask for a quarter.
  assert.ok(free.ticks >= free.ms / 20, `${free.ticks} ticks in ${free.ms.toFixed(0)} ms`);
  console.log(
    `check of ${free.result.length} files: sync ${blocked.ms.toFixed(0)} ms, 0 ticks; ` +
      `async ${free.ms.toFixed(0)} ms, ${free.ticks} ticks of a 5 ms timer`,
  );
});

test('Async calls run side by side on the pool', async () => {
  const file = path.join(SAMPLES, 'edoc_new.edxml');
  const expected = vanthu.check(file, { at: AT });
  const all = await Promise.all(Array.from({ length: 8 }, () => vanthu.checkAsync(file, { at: AT })));
  for (const reports of all) assert.deepStrictEqual(reports, expected);
});

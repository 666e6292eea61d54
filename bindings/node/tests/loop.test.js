'use strict';
// Leaks and crashes: VANTHU_LOOP_CALLS calls (1000 by default; the bench runs
// 10000), alternating a successful call on a real package (inspect, then
// check) and a failing one (inspect of a file that is not a package, caught
// as a VanthuError of code 3), with an office created, used and closed at
// each one. The resident memory after the first tenth of the calls and at
// the end (after a garbage collection each time) must not grow by more than
// 16 MiB. The loop lets the event loop turn every 100 calls, as a Node
// program does: Node runs the finalizers of collected native objects (the
// offices) there. Prints `loop node: N calls in S.SS s, rss A KiB -> B KiB`.
// Run alone: `VANTHU_LOOP_CALLS=10000 node bindings/node/tests/loop.test.js`.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

const vanthu = require('..');
const { AT, SAMPLES, tmp } = require('./helpers');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const BOUND_KIB = 16 * 1024;

/** One turn of the event loop. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** The resident memory, in KiB, after a garbage collection and its finalizers. */
async function rssKib() {
  for (let i = 0; i < 3; i++) {
    gc();
    await turn();
  }
  return Math.round(process.memoryUsage.rss() / 1024);
}

test('a loop of calls neither leaks nor crashes', async () => {
  const calls = Number(process.env.VANTHU_LOOP_CALLS || 1000);
  assert.ok(Number.isInteger(calls) && calls >= 10, `VANTHU_LOOP_CALLS=${process.env.VANTHU_LOOP_CALLS}`);
  const good = path.join(SAMPLES, 'status_acceptance_03.edxml');
  const bad = path.join(tmp(), 'not-a-package.txt');
  fs.writeFileSync(bad, 'this is not an edXML package\n');
  const event = {
    at: '2025-03-03T07:00:00+07:00',
    type: 'actor_added',
    actor: { id: 'vt1', name: 'Văn thư', roles: ['clerk'] },
  };

  const start = process.hrtime.bigint();
  let before = 0;
  for (let i = 0; i < calls; i++) {
    if (i === Math.floor(calls / 10)) before = await rssKib();
    if (i % 100 === 99) await turn();
    if (i % 2 === 1) {
      assert.throws(
        () => vanthu.inspect(bad),
        (error) => error instanceof vanthu.VanthuError && error.code === 3,
      );
    } else if (i % 4 === 0) {
      assert.equal(vanthu.inspect(good).status_code, '03');
    } else {
      assert.equal(vanthu.check(good, { at: AT }).length, 1);
    }
    const office = new vanthu.Office('000.00.15.H47');
    office.apply(event);
    assert.equal(office.snapshot().agency, '000.00.15.H47');
    office.close();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const after = await rssKib();
  console.log(`loop node: ${calls} calls in ${seconds.toFixed(2)} s, rss ${before} KiB -> ${after} KiB`);
  assert.ok(after - before <= BOUND_KIB, `the resident memory grew by ${after - before} KiB (bound ${BOUND_KIB} KiB)`);
});

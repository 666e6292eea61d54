'use strict';
// The Office: driven event by event, closed by close() (twice is harmless,
// later calls throw invalid_argument), by Symbol.dispose, or by the garbage
// collector's finalizer when never closed.

const test = require('node:test');
const assert = require('node:assert/strict');
const v8 = require('node:v8');
const vm = require('node:vm');

const vanthu = require('..');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const AGENCY = '000.00.15.H47';
const ACTOR = {
  at: '2025-03-03T07:00:00+07:00',
  type: 'actor_added',
  actor: { id: 'vt1', name: 'Văn thư', roles: ['clerk'] },
};

test('an event applied gives its effects and changes the snapshot; a refused one changes nothing', () => {
  const office = new vanthu.Office(AGENCY);
  const empty = office.snapshot();
  assert.equal(empty.agency, AGENCY);
  const effects = office.apply(ACTOR);
  assert.ok(Array.isArray(effects));
  const after = office.snapshot();
  assert.notDeepStrictEqual(after, empty);
  assert.throws(
    () => office.apply({ at: '2025-03-03T07:00:00+07:00', type: 'actor_disabled', actor: 'nobody' }),
    (error) => error instanceof vanthu.VanthuError && error.code === 4 && error.rule === 'WF-ACT-001',
  );
  assert.deepStrictEqual(office.snapshot(), after);
  // JSON text is an event too; text that is not JSON is invalid_argument.
  assert.throws(() => office.apply('{not json'), { code: 1, kind: 'invalid_argument' });
  office.close();
});

test('the rules option: a named rule set', () => {
  const office = new vanthu.Office(AGENCY, { rules: 'quang-nam' });
  assert.equal(office.snapshot().agency, AGENCY);
  office.close();
});

test('close(): later calls throw invalid_argument; closing twice is harmless; Symbol.dispose closes', () => {
  const office = new vanthu.Office(AGENCY);
  assert.equal(office.closed, false);
  office.close();
  office.close();
  assert.equal(office.closed, true);
  assert.throws(() => office.snapshot(), { code: 1, kind: 'invalid_argument', message: 'the office is closed' });
  assert.throws(() => office.apply(ACTOR), { code: 1, kind: 'invalid_argument' });
  if (typeof Symbol.dispose === 'symbol') {
    const disposed = new vanthu.Office(AGENCY);
    disposed[Symbol.dispose]();
    assert.equal(disposed.closed, true);
  }
});

test('offices never closed, and closed ones, are collected: the finalizer frees them safely', async () => {
  let collected = 0;
  const registry = new FinalizationRegistry(() => collected++);
  const made = 2000;
  for (let i = 0; i < made; i++) {
    const office = new vanthu.Office(AGENCY);
    office.apply(ACTOR);
    if (i % 2 === 0) office.close();
    registry.register(office, i);
  }
  for (let round = 0; round < 20 && collected < made / 2; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.ok(collected >= made / 2, `${collected} of ${made} offices collected`);
  // vanthu still works after the finalizers ran.
  const office = new vanthu.Office(AGENCY);
  office.apply(ACTOR);
  assert.equal(office.snapshot().agency, AGENCY);
  office.close();
});

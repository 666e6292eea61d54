'use strict';
// index.d.ts declares exactly what index.js exports (test.sh type-checks a
// program using every declaration with tsc); every call of docs/bindings.md
// is there in camelCase, with an Async form for those that read files.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const vanthu = require('..');
const { ROOT, tmp } = require('./helpers');

test('index.d.ts declares every export of index.js, and nothing else', () => {
  const declarations = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8');
  const declared = new Set(
    [...declarations.matchAll(/^export (?:declare )?(?:function|class) (\w+)/gm)].map((m) => m[1]),
  );
  assert.deepStrictEqual([...declared].sort(), Object.keys(vanthu).sort());
});

test('every call of docs/bindings.md is exported in camelCase', () => {
  const docs = fs.readFileSync(path.join(ROOT, 'docs', 'bindings.md'), 'utf8');
  const calls = [...docs.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
  assert.ok(calls.length >= 25, `${calls.length} calls in docs/bindings.md`);
  for (const call of calls) {
    if (call === 'office_new') {
      assert.equal(typeof vanthu.Office, 'function');
      continue;
    }
    if (call.startsWith('office_')) {
      assert.equal(typeof vanthu.Office.prototype[call.slice('office_'.length)], 'function', call);
      continue;
    }
    const name = call.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
    assert.equal(typeof vanthu[name], 'function', `${call} as ${name}`);
  }
});

test('without the addon for this platform, loading fails with the file expected and how to build it', () => {
  const { addonName } = require('../platform');
  const bare = tmp();
  for (const file of ['index.js', 'platform.js'])
    fs.copyFileSync(path.join(__dirname, '..', file), path.join(bare, file));
  assert.throws(
    () => require(bare),
    (error) => error.message.includes(addonName()) && error.message.includes('cargo build'),
  );
  assert.ok(fs.existsSync(path.join(__dirname, '..', addonName())));
});

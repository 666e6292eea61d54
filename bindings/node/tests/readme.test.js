'use strict';
// The README's example runs as written, in a folder made by `vanthu demo`,
// with `require('vanthu')` resolving to this package.

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { tmp, demo } = require('./helpers');

test('the README example runs as written', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```js\n(.*?)```/gs)].map((m) => m[1]);
  assert.equal(blocks.length, 1);
  const [code] = blocks;
  assert.equal(code.split('\n').filter((line) => line.trim()).length, 5);
  const work = tmp();
  fs.cpSync(demo(), work, { recursive: true });
  fs.mkdirSync(path.join(work, 'node_modules'));
  fs.symlinkSync(path.resolve(__dirname, '..'), path.join(work, 'node_modules', 'vanthu'), 'dir');
  fs.writeFileSync(path.join(work, 'example.js'), code);
  const done = spawnSync(process.execPath, ['example.js'], { cwd: work, encoding: 'utf8' });
  assert.equal(done.status, 0, done.stderr);
  const line = done.stdout.trim();
  assert.match(line, /^Về việc ban hành Quy chế tiếp nhận, xử lý văn bản điện tử original 03 [0-9a-f]{64}$/);
  assert.ok(fs.existsSync(path.join(work, 'reply-03.edxml')));
});

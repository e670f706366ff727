// Runs every shared case of tests/cases/ through the web build of the WebAssembly package in
// headless Chromium (playwright-core driving Debian's /usr/bin/chromium) and checks, in the
// page, that each answer's UTF-8 bytes equal its *.expected.json — the same runner as
// cases.mjs uses in Node (case-runner.mjs).
//
// Run by scripts/test-wasm.sh, which serves the repository root and passes:
//   BASE_URL   the server, e.g. http://127.0.0.1:8765/
// For the cross-binding harness, `--out DIR` (when run as `node wasm/js/browser-cases.mjs --out
// DIR`) or WANGGE_ANSWERS_DIR writes each case's answer bytes, as computed in the page, to
// DIR/<case-name>.json; without either nothing is written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { answersDir, writeAnswer } from './answers-out.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cases = readdirSync(join(root, 'tests', 'cases')).filter((n) => n.endsWith('.case.json')).sort();
const out = answersDir();
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8765/';

let browser;
before(async () => {
  browser = await launch();
  await browser.page.goto(new URL('wasm/js/cases.html', base).href);
  await browser.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
});
after(async () => browser?.close());

test(`every shared case (${cases.length}) gives the expected bytes in Chromium`, async () => {
  const results = await browser.page.evaluate(([names, answers]) => window.runCases(names, { answers }), [cases, Boolean(out)]);
  assert.equal(results.length, cases.length);
  if (out) for (const r of results) writeAnswer(out, r.name, Buffer.from(r.answer, 'base64'));
  const differing = results.filter((r) => !r.equal).map((r) => r.name);
  assert.deepEqual(differing, [], `answers differing from the expected bytes: ${differing.join(', ')}`);
  assert.ok(results.every((r) => r.bytes > 0));
});

test('the page logged no error', () => {
  assert.deepEqual(browser.problems, []);
});

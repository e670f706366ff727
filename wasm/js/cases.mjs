// Runs every shared case of tests/cases/ through the Node build of the WebAssembly package and
// compares each answer, byte for byte, with its *.expected.json (as core/tests/cases.rs does for
// Rust); the object form of each call must equal the parsed expected answer. Uses node's test
// runner: `node --test wasm/js/cases.mjs` after `scripts/build-wasm.sh` has built wasm/pkg/.
// browser-cases.mjs runs the same cases in Chromium.
//
// For the cross-binding harness, `--out DIR` (when run as `node wasm/js/cases.mjs --out DIR`) or
// the environment variable WANGGE_ANSWERS_DIR (also under `node --test`) writes each case's answer
// text, the exact bytes compared, to DIR/<case-name>.json; without either nothing is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answer } from './case-runner.mjs';
import { answersDir, writeAnswer } from './answers-out.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'tests', 'cases');
const wangge = createRequire(import.meta.url)(join(root, 'wasm', 'pkg', 'node', 'wangge_wasm.js'));
const read = (rel) => readFileSync(join(dir, rel), 'utf8');

const out = answersDir();
const cases = readdirSync(dir).filter((n) => n.endsWith('.case.json')).sort();
assert.ok(cases.length >= 20, `expected the shared cases, found ${cases.length}`);

for (const name of cases) {
  test(`case ${name}`, () => {
    const c = JSON.parse(read(name));
    const got = answer(wangge, c, read);
    if (out) writeAnswer(out, name, Buffer.from(got, 'utf8'));
    const want = readFileSync(join(dir, name.replace('.case.json', '.expected.json')));
    assert.ok(Buffer.from(got, 'utf8').equals(want), `${name}: the WASM answer differs from the expected bytes`);
    // The object form is the same answer.
    assert.deepEqual(answer(wangge, c, read, 'object'), JSON.parse(want.toString('utf8')));
  });
}

test('every call of the shared cases has a case', () => {
  const seen = new Set(cases.map((n) => JSON.parse(read(n)).call));
  assert.deepEqual([...seen].sort(), [...wangge.callNames()].sort());
});

test('documents may be objects as well as text', () => {
  const dossier = read('inputs/sample-2023.dossier.json');
  const options = read('inputs/may-2023.options.json');
  assert.deepEqual(wangge.evaluate(JSON.parse(dossier), null, JSON.parse(options)), JSON.parse(read('evaluate-sample-may-2023.expected.json')));
  assert.equal(wangge.assessJson(JSON.parse(dossier)), read('assess-sample-2023.expected.json'));
});

test('the default policy is the one the core embeds, and parsePolicy reads it back', () => {
  const answer = wangge.defaultPolicy();
  assert.equal(answer.status, 'success');
  assert.deepEqual(wangge.parsePolicy(JSON.stringify(answer.value)), answer);
  assert.equal(wangge.checkPolicy(answer.value).status, 'success');
  assert.deepEqual(wangge.checkPolicy(answer.value), JSON.parse(read('check-policy-default.expected.json')));
});

test('a failure is a list of structured problems', () => {
  const answer = wangge.parsePolicy(read('inputs/broken.policy.json'));
  assert.equal(answer.status, 'failure');
  assert.ok(answer.errors.every((e) => typeof e.kind === 'string' && typeof e.message === 'string'));
  assert.equal(wangge.gradeForScore('9O').errors[0].kind, 'shape');
});

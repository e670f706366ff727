// Runs every shared case of tests/cases/ through the Node build of the WebAssembly package and
// compares each answer, byte for byte, with its *.expected.json (as core/tests/cases.rs does for
// Rust). Uses node's test runner: `node --test wasm/js/cases.mjs` after `scripts/test-wasm.sh`
// has built wasm/pkg/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'tests', 'cases');
const wangge = createRequire(import.meta.url)(join(root, 'wasm', 'pkg', 'node', 'wangge_wasm.js'));
const read = (rel) => readFileSync(join(dir, rel), 'utf8');

function answer(c) {
  const policy = c.policy === undefined ? undefined : read(c.policy);
  switch (c.call) {
    case 'evaluate':
      return wangge.evaluateJson(read(c.dossier), policy, c.options === undefined ? undefined : read(c.options));
    case 'check_policy':
      return wangge.checkPolicyJson(policy);
    case 'is_working_day':
      return wangge.isWorkingDayJson(c.date, policy);
    case 'clause_text':
      return wangge.clauseTextJson(c.id);
    default:
      throw new Error(`unknown call \`${c.call}\``);
  }
}

const cases = readdirSync(dir).filter((n) => n.endsWith('.case.json')).sort();
assert.ok(cases.length >= 20, `expected the shared cases, found ${cases.length}`);

for (const name of cases) {
  test(`case ${name}`, () => {
    const c = JSON.parse(read(name));
    const got = answer(c);
    const want = read(name.replace('.case.json', '.expected.json'));
    assert.ok(got === want, `${name}: the WASM answer differs from the expected bytes`);
    // The object form is the same answer.
    if (c.call === 'clause_text') assert.deepEqual(wangge.clauseText(c.id), JSON.parse(want));
  });
}

test('the object form of evaluate equals the parsed answer text', () => {
  const dossier = read('inputs/sample-2023.dossier.json');
  const options = read('inputs/may-2023.options.json');
  assert.deepEqual(wangge.evaluate(JSON.parse(dossier), null, JSON.parse(options)), JSON.parse(read('evaluate-sample-may-2023.expected.json')));
});

test('the default policy is the one the core embeds', () => {
  const answer = wangge.defaultPolicy();
  assert.equal(answer.status, 'success');
  assert.equal(wangge.checkPolicyJson(answer.value), wangge.defaultPolicyJson());
});

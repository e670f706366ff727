// Drives the portal's comparison view (examples/portal/compare.html) in Debian's Chromium with
// playwright-core: the sample dossier against the Xincheng default (甲) and the reform draft of
// examples/policies (乙, retiring the 防疫情 duty of 2.1.10 and raising the 优秀 cut-off); the
// movers and both distributions on the page must be those of the shared case
// compare-sample-2023-reform, then a screenshot.
//
// Run by scripts/test-wasm.sh, which serves the repository root and passes:
//   COMPARE_URL  the page, e.g. http://127.0.0.1:8765/examples/portal/compare.html
//   SCREENSHOT   where to save the screenshot (default: a temporary file)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cases = join(root, 'tests', 'cases');
const url = process.env.COMPARE_URL ?? 'http://127.0.0.1:8765/examples/portal/compare.html';
const expected = JSON.parse(readFileSync(join(cases, 'compare-sample-2023-reform.expected.json'), 'utf8')).value;
const screenshot = process.env.SCREENSHOT ?? join(tmpdir(), 'wangge-compare.png');

let browser, page;

before(async () => {
  browser = await launch({ viewport: { width: 1280, height: 1400 } });
  page = browser.page;
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
});

after(async () => browser?.close());

test('the sample under the default and the reform draft: the movers of the shared case, largest change first', async () => {
  await page.setInputFiles('#dossier-file', join(cases, 'inputs', 'sample-2023.dossier.json'));
  await page.setInputFiles('#policy-b-file', join(root, 'examples', 'policies', 'xincheng-2022-reform.policy.json'));
  await page.waitForSelector('#movers tbody tr');
  const rows = await page.$$eval('#movers tbody tr', (trs) => trs.map((tr) => [tr.dataset.person, tr.dataset.movement,
    tr.querySelector('td[data-field="score"]').textContent, tr.querySelector('td[data-field="grade"]').textContent]));
  const zh = { excellent: '优秀', competent: '称职', basically_competent: '基本称职', incompetent: '不称职' };
  const want = expected.workers.filter((w) => w.movement !== 'same')
    .map((w) => [w.person, w.movement, `${w.score_a} → ${w.score_b}`, `${zh[w.grade_a]} → ${zh[w.grade_b]}`]);
  assert.ok(want.length >= 1, 'the reform moves someone on the sample');
  assert.deepEqual(rows, want);
  // The reasons that differ cite their clauses: the three fives (2.2.2) and 5.1.
  const clauses = await page.$$eval('#movers td.reasons li', (lis) => lis.map((li) => li.dataset.clause));
  assert.ok(clauses.includes('2.2.2') && clauses.includes('5.1'), clauses.join(','));
});

test('both distributions side by side are the 4.2 roll-ups under each policy', async () => {
  const cells = await page.$$eval('#distributions table[data-community="all"] tbody tr',
    (trs) => trs.map((tr) => [tr.dataset.grade, +tr.dataset.a, +tr.dataset.b]));
  const grades = ['excellent', 'competent', 'basically_competent', 'incompetent'];
  assert.deepEqual(cells, grades.map((g) => [g, expected.distribution_a[g], expected.distribution_b[g]]));
  const changes = await page.$$eval('#changes li', (lis) => lis.map((li) => [li.dataset.kind, li.dataset.clause, li.textContent]));
  assert.ok(changes.some(([kind, clause, text]) => kind === 'retired' && clause === '2.2.2' && text.includes('2.1.10')));
  assert.ok(changes.some(([, clause, text]) => clause === '4.1' && text.includes('优秀')));
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.deepEqual(browser.problems, []);
});

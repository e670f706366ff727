// Drives the portal (examples/portal/) in Debian's Chromium with playwright-core: loads the
// sample dossier through the file chooser, checks the numbers, scores and grades on the page
// against the native answers, checks that a reason shows its clause and the clause's text, and
// saves a screenshot.
//
// Run by scripts/test-wasm.sh, which serves the repository root and passes:
//   PORTAL_URL         the page, e.g. http://127.0.0.1:8765/examples/portal/
//   NATIVE_ASSESSMENT  `cargo run --bin annual -- --json` of the sample dossier (the whole year)
//   NATIVE_REPORT      `cargo run --bin annual -- --compliance --json` (the same, compliance)
//   SCREENSHOT         where to save the screenshot (default: a temporary file)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cases = join(root, 'tests', 'cases');
const url = process.env.PORTAL_URL ?? 'http://127.0.0.1:8765/';
const native = JSON.parse(readFileSync(process.env.NATIVE_REPORT, 'utf8'));
const graded = JSON.parse(readFileSync(process.env.NATIVE_ASSESSMENT, 'utf8'));
const may = JSON.parse(readFileSync(join(cases, 'evaluate-sample-may-2023.expected.json'), 'utf8')).value;
const screenshot = process.env.SCREENSHOT ?? join(tmpdir(), 'wangge-portal.png');

let browser, page;

before(async () => {
  browser = await launch();
  page = browser.page;
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
});

after(async () => browser?.close());

/** The table as {person: {met, missed, excused, rate}}, read from the page. */
async function table() {
  return page.$$eval('#people-table tbody tr', (rows) => Object.fromEntries(rows.map((tr) => {
    const cell = (k) => tr.querySelector(`td[data-field="${k}"]`).textContent;
    return [tr.dataset.person, { met: +cell('met'), missed: +cell('missed'), excused: +cell('excused'), rate: cell('rate'), name: cell('name'), score: cell('score'), grade: cell('grade') }];
  })));
}

/** The rows the page must show: counts from the compliance report, score and grade (`—` for
 * people not graded) from the assessment. */
function expectedRows(report, assessment) {
  const workers = new Map(assessment.workers.map((w) => [w.person, w]));
  return Object.fromEntries(report.people.map((p) => {
    const due = p.totals.met + p.totals.missed;
    const rate = due === 0 ? '—' : `${((100 * p.totals.met) / due).toFixed(1)}%`;
    const w = workers.get(p.person);
    return [p.person, { ...p.totals, rate, name: p.name, score: w?.score ?? '—', grade: w?.grade_zh ?? '—' }];
  }));
}

/** Drops score and grade from rows, for a period with no native assessment to compare. */
const counts = (rows) => Object.fromEntries(Object.entries(rows).map(([k, { score, grade, ...rest }]) => [k, rest]));

async function computeAgain() {
  const before = await page.getAttribute('body', 'data-computed');
  await page.click('#compute');
  await page.waitForFunction((b) => document.body.dataset.computed !== b, before);
}

test('the sample dossier chosen as a file gives the native numbers, scores and grades for the whole year', async () => {
  await page.setInputFiles('#dossier-file', join(cases, 'inputs', 'sample-2023.dossier.json'));
  await page.waitForSelector('body[data-computed]');
  assert.deepEqual(await table(), expectedRows(native, graded));
  assert.ok(graded.workers.length >= 4, 'the sample grades several grid workers');
  assert.match(await page.textContent('#summary'), new RegExp(`${native.period.from} 至 ${native.period.to}`));
});

test('the grade distribution is the communities\' roll-up of 4.2', async () => {
  const bars = await page.$$eval('#distribution rect[data-count]', (rs) => rs.map((r) => [r.dataset.label, +r.dataset.count]));
  const sum = (g) => graded.communities.reduce((n, c) => n + c.distribution[g], 0);
  assert.deepEqual(bars, [['优秀', sum('excellent')], ['称职', sum('competent')], ['基本称职', sum('basically_competent')], ['不称职', sum('incompetent')]]);
  assert.equal(bars.reduce((n, [, c]) => n + c, 0), graded.workers.length);
});

test('a worker\'s reasons show the rules fired with their clause and its text, consequences and margin', async () => {
  // The worker with the most rules: exceptions, deductions and the 5.2 veto in the sample.
  const worker = [...graded.workers].sort((a, b) => b.rules.length - a.rules.length)[0];
  await page.click(`#people-table tr[data-person="${worker.person}"]`);
  const box = page.locator('#assessment-body');
  assert.equal(await box.locator('.verdict .score').textContent(), worker.score);
  assert.equal(await box.locator('.verdict .grade').textContent(), worker.grade_zh);
  const shown = await box.locator('li.rule').allTextContents();
  assert.equal(shown.length, worker.rules.length);
  for (const rule of worker.rules) {
    const group = box.locator(`.rule-group[data-clause="${rule.clause}"]`);
    assert.match(await group.locator('.clause-id').textContent(), new RegExp(`第 ${rule.clause.replaceAll('.', '\\.')} 条`));
    assert.ok((await group.locator('blockquote.clause-text').textContent()).includes(graded.clauses[rule.clause].text_zh), `the text of ${rule.clause} is shown`);
    assert.ok((await group.locator('li.rule').allTextContents()).some((t) => t.endsWith(rule.text)), `the rule ${rule.id} is shown`);
  }
  const consequences = worker.rules.filter((r) => r.kind === 'consequence');
  assert.ok(consequences.length > 0, 'the sample\'s worst worker has a consequence (5.2)');
  const said = await box.locator('.consequences').textContent();
  for (const c of consequences) assert.ok(said.includes(c.text));
  assert.ok((await box.locator('.margin').textContent()).includes(worker.margin.text));
});

test('a finding shows its clause ID and the clause text', async () => {
  const worst = [...native.people].sort((a, b) => b.totals.missed - a.totals.missed)[0];
  await page.click(`#people-table tr[data-person="${worst.person}"]`);
  const missed = worst.findings.find((f) => f.status === 'missed');
  const group = page.locator(`#reasons-body .obligation[data-obligation="${missed.obligation}"]`);
  assert.match(await group.locator('.clause-id').textContent(), new RegExp(missed.clause.replaceAll('.', '\\.')));
  const quote = await group.locator('blockquote.clause-text').textContent();
  assert.ok(quote.includes(native.clauses[missed.clause].text_zh), 'the clause text is shown');
  assert.ok((await group.locator('.findings').textContent()).includes(missed.text), 'the finding text is shown');
});

test('the heatmap marks exactly the days the native report finds short of patrol minutes', async () => {
  const person = native.people.find((p) => p.findings.some((f) => f.obligation === 'patrol-minutes-daily' && f.status === 'missed'));
  await page.click(`#people-table tr[data-person="${person.person}"]`);
  const marked = await page.$$eval('#heatmap rect[data-marked]', (rs) => rs.map((r) => r.dataset.date).sort());
  const want = person.findings.filter((f) => f.obligation === 'patrol-minutes-daily' && f.status === 'missed').map((f) => f.period.from).sort();
  assert.deepEqual(marked, want);
  const cells = await page.$$eval('#heatmap rect[data-date]', (rs) => rs.length);
  assert.equal(cells, 365);
  // A short day shows the minutes the native report counted.
  const short = person.findings.find((f) => f.obligation === 'patrol-minutes-daily' && f.status === 'missed');
  assert.equal(+(await page.getAttribute(`#heatmap rect[data-date="${short.period.from}"]`, 'data-value')), short.shortfall.actual);
});

test('a chosen period gives the numbers of the shared May case', async () => {
  await page.fill('#period-from', '2023-05-01');
  await page.fill('#period-to', '2023-05-31');
  await computeAgain();
  const rows = await table();
  assert.deepEqual(counts(rows), counts(expectedRows(may, graded)));
  // Every grid worker is graded for the period too.
  for (const w of graded.workers) assert.match(rows[w.person].grade, /^(优秀|称职|基本称职|不称职)$/);
});

test('the page for the whole year, with the worst worker selected, as a screenshot', async () => {
  await page.fill('#period-from', native.period.from);
  await page.fill('#period-to', native.period.to);
  await computeAgain();
  const worker = [...graded.workers].sort((a, b) => b.rules.length - a.rules.length)[0];
  await page.click(`#people-table tr[data-person="${worker.person}"]`);
  await page.screenshot({ path: screenshot, fullPage: true });
});

test('a broken dossier shows structured errors, not a crash', async () => {
  await page.setInputFiles('#dossier-file', join(cases, 'inputs', 'duplicate-id.dossier.json'));
  await page.waitForSelector('#errors li');
  const kinds = await page.$$eval('#errors li', (ls) => ls.map((l) => l.dataset.kind));
  assert.ok(kinds.includes('duplicate_id'), kinds.join(','));
  assert.ok(await page.isHidden('#results'));
});

test('the page logged no error', () => {
  assert.deepEqual(browser.problems, []);
});

// Drives the portal (examples/portal/) in Debian's Chromium with playwright-core: loads the
// sample dossier through the file chooser, checks the numbers on the page against the native
// answers, checks that a reason shows its clause, and saves a screenshot.
//
// Run by scripts/test-wasm.sh, which serves examples/portal/ and passes:
//   PORTAL_URL      the page, e.g. http://127.0.0.1:8765/
//   NATIVE_REPORT   `cargo run --bin annual -- --json` of the sample dossier (the whole year)
//   SCREENSHOT      where to save the screenshot (default: a temporary file)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cases = join(root, 'tests', 'cases');
const url = process.env.PORTAL_URL ?? 'http://127.0.0.1:8765/';
const native = JSON.parse(readFileSync(process.env.NATIVE_REPORT, 'utf8'));
const may = JSON.parse(readFileSync(join(cases, 'evaluate-sample-may-2023.expected.json'), 'utf8')).value;
const screenshot = process.env.SCREENSHOT ?? join(tmpdir(), 'wangge-portal.png');

let profile, context, page;
const problems = [];

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'wangge-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The table as {person: {met, missed, excused, rate}}, read from the page. */
async function table() {
  return page.$$eval('#people-table tbody tr', (rows) => Object.fromEntries(rows.map((tr) => {
    const cell = (k) => tr.querySelector(`td[data-field="${k}"]`).textContent;
    return [tr.dataset.person, { met: +cell('met'), missed: +cell('missed'), excused: +cell('excused'), rate: cell('rate'), name: cell('name') }];
  })));
}

function expectedRows(report) {
  return Object.fromEntries(report.people.map((p) => {
    const due = p.totals.met + p.totals.missed;
    const rate = due === 0 ? '—' : `${((100 * p.totals.met) / due).toFixed(1)}%`;
    return [p.person, { ...p.totals, rate, name: p.name }];
  }));
}

async function computeAgain() {
  const before = await page.getAttribute('body', 'data-computed');
  await page.click('#compute');
  await page.waitForFunction((b) => document.body.dataset.computed !== b, before);
}

test('the sample dossier chosen as a file gives the native numbers for the whole year', async () => {
  await page.setInputFiles('#dossier-file', join(cases, 'inputs', 'sample-2023.dossier.json'));
  await page.waitForSelector('body[data-computed]');
  assert.deepEqual(await table(), expectedRows(native));
  assert.match(await page.textContent('#summary'), new RegExp(`${native.period.from} 至 ${native.period.to}`));
});

test('the distribution counts every person with a rate', async () => {
  const counts = await page.$$eval('#distribution rect[data-count]', (rs) => rs.map((r) => +r.dataset.count));
  const rated = native.people.filter((p) => p.totals.met + p.totals.missed > 0).length;
  assert.equal(counts.reduce((a, b) => a + b, 0), rated);
});

test('a reason shows its clause ID and the clause text', async () => {
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
  await page.screenshot({ path: screenshot, fullPage: true });
});

test('a chosen period gives the numbers of the shared May case', async () => {
  await page.fill('#period-from', '2023-05-01');
  await page.fill('#period-to', '2023-05-31');
  await computeAgain();
  assert.deepEqual(await table(), expectedRows(may));
});

test('a broken dossier shows structured errors, not a crash', async () => {
  await page.setInputFiles('#dossier-file', join(cases, 'inputs', 'duplicate-id.dossier.json'));
  await page.waitForSelector('#errors li');
  const kinds = await page.$$eval('#errors li', (ls) => ls.map((l) => l.dataset.kind));
  assert.ok(kinds.includes('duplicate_id'), kinds.join(','));
  assert.ok(await page.isHidden('#results'));
});

test('the page logged no error', () => {
  assert.deepEqual(problems, []);
});

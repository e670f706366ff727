// Drives the portal (examples/portal/) in Debian's Chromium with playwright-core: loads the
// sample dossier through the file chooser, checks the numbers, scores and grades on the page
// against the native answers, checks that a reason shows its clause and the clause's text, sorts,
// filters and exports the table, prints to PDF (a summary page, one page per worker, an optional
// appendix) and checks the pages, lays the page out at phone and desk widths, shows errors for
// people, and refuses files that are not a dossier; saves screenshots and the PDF's pages.
//
// Run by scripts/test-wasm.sh, which serves the repository root and passes:
//   PORTAL_URL         the page, e.g. http://127.0.0.1:8765/examples/portal/
//   NATIVE_ASSESSMENT  `cargo run --bin annual -- --json` of the sample dossier (the whole year)
//   NATIVE_REPORT      `cargo run --bin annual -- --compliance --json` (the same, compliance)
//   SCREENSHOT         where to save the screenshot (default: a temporary file); the phone
//                      screenshot, the PDF and its pages as PNG are saved beside it
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, openSync, closeSync, ftruncateSync, writeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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
const beside = (suffix) => screenshot.replace(/\.png$/, '') + suffix;
const scratch = mkdtempSync(join(tmpdir(), 'wangge-portal-'));
const sample = join(cases, 'inputs', 'sample-2023.dossier.json');
/** A reason's text as the page shows it: a local choice as 本地规定, without its policy path. */
const readable = (text) => text.replace(/（本地规定：[A-Za-z0-9_.\-]+）/g, '（本地规定）');

let browser, page;

before(async () => {
  browser = await launch();
  page = browser.page;
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
});

after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function loadSample() {
  const before = await page.getAttribute('body', 'data-computed');
  await page.setInputFiles('#dossier-file', sample);
  await page.waitForFunction((b) => document.body.dataset.computed !== b, before);
}

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
    const quote = page.locator(`#clause-texts details[data-clause="${rule.clause}"] blockquote.clause-text`);
    assert.ok((await quote.textContent()).includes(graded.clauses[rule.clause].text_zh), `the text of ${rule.clause} is shown`);
    assert.ok((await group.locator('li.rule').allTextContents()).some((t) => t.endsWith(readable(rule.text))), `the rule ${rule.id} is shown`);
  }
  const consequences = worker.rules.filter((r) => r.kind === 'consequence');
  assert.ok(consequences.length > 0, 'the sample\'s worst worker has a consequence (5.2)');
  const said = await box.locator('.consequences').textContent();
  for (const c of consequences) assert.ok(said.includes(c.text));
  assert.ok((await box.locator('.margin').textContent()).includes(readable(worker.margin.text)));
  // No internal codes in the Chinese text: no policy paths, no fact names, no obligation IDs.
  const shown_text = await page.textContent('#reasons');
  assert.doesNotMatch(shown_text, /assessment\.|attendance\.|[a-z]+-[a-z]+-daily|\.missed|=\d/);
  // Points to two decimals at most.
  assert.doesNotMatch(shown_text, /\d\.\d{3,}分/);
});

test('each clause\'s original text is shown once, and day lists are collapsed behind their count', async () => {
  const worker = [...graded.workers].sort((a, b) => b.rules.length - a.rules.length)[0];
  await page.click(`#people-table tr[data-person="${worker.person}"]`);
  const quoted = await page.$$eval('#reasons blockquote.clause-text', (qs) => qs.map((q) => q.dataset.clause));
  assert.equal(new Set(quoted).size, quoted.length, `a clause quoted twice: ${quoted}`);
  assert.ok(quoted.includes('2.2.2'));
  assert.equal(await page.locator('#clause-texts details[open]').count(), 0, 'clause texts start closed');
  const counts = await page.$$eval('#reasons-body details.days', (ds) => ds.map((d) => [d.open, d.querySelector('summary').textContent, d.querySelectorAll('li').length]));
  for (const [open, summary, n] of counts) {
    assert.equal(open, false);
    const m = [...summary.matchAll(/(\d+) 次/g)].reduce((s, x) => s + Number(x[1]), 0);
    assert.equal(m, n, `${summary}: the count agrees with the list`);
  }
});

test('the margin line counts the misses per duty as the lists do, and a selected worker\'s reasons come into view', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  const worker = [...graded.workers].sort((a, b) => b.rules.length - a.rules.length)[0];
  await page.click(`#people-table tr[data-person="${worker.person}"]`);
  const top = await page.evaluate(() => document.getElementById('reasons').getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 100, `the reasons are in view (top ${top})`);
  const margin = await page.textContent('#assessment-body .margin');
  const m = margin.match(/(\d+)次未达标（其中(.+?)；/);
  assert.ok(m, `the margin names each duty's misses: ${margin}`);
  const listed = Object.fromEntries(await page.$$eval('#reasons-body .obligation', (os) => os.map((o) => [o.querySelector('.title').textContent, Number(o.querySelector('summary').dataset.missed)])));
  let sum = 0;
  for (const part of m[2].split('，')) {
    const [, title, n] = part.match(/^(.+?)(\d+)次$/);
    assert.equal(listed[title], Number(n), `${title}: the margin says ${n}, the list ${listed[title]}`);
    sum += Number(n);
  }
  assert.equal(sum, Number(m[1]));
});

test('a finding shows its clause ID and the clause text', async () => {
  const worst = [...native.people].sort((a, b) => b.totals.missed - a.totals.missed)[0];
  await page.click(`#people-table tr[data-person="${worst.person}"]`);
  const missed = worst.findings.find((f) => f.status === 'missed');
  const group = page.locator(`#reasons-body .obligation[data-obligation="${missed.obligation}"]`);
  assert.match(await group.locator('.clause-id').textContent(), new RegExp(missed.clause.replaceAll('.', '\\.')));
  const quote = await page.locator(`#clause-texts details[data-clause="${missed.clause}"] blockquote`).textContent();
  assert.ok(quote.includes(native.clauses[missed.clause].text_zh), 'the clause text is shown');
  assert.ok((await group.locator('.findings').textContent()).includes(missed.text), 'the finding text is shown');
  assert.match(await group.locator('.clause-id').getAttribute('href'), new RegExp(`#clause-${missed.clause.replaceAll('.', '\\.')}$`));
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
  // Shaded against the requirement: a day below it is never green; every weekday is labelled.
  const required = short.shortfall.required;
  const cellsShaded = await page.$$eval('#heatmap rect[data-date]', (rs) => rs.map((r) => [+r.dataset.value, r.getAttribute('fill')]));
  for (const [v, fill] of cellsShaded) {
    if (v < required) assert.ok(!fill.startsWith('hsl(145'), `${v} minutes shaded green`);
    else assert.ok(fill.startsWith('hsl(145'), `${v} minutes not green`);
  }
  assert.deepEqual(await page.$$eval('#heatmap text[data-weekday]', (ts) => ts.map((t) => t.textContent)), ['一', '二', '三', '四', '五', '六', '日']);
  assert.match(await page.textContent('#heatmap-note'), new RegExp(`至少 ${required} 分钟`));
});

test('the grade distribution names its people and gives each grade its own colour', async () => {
  const fills = await page.$$eval('#distribution rect[data-count]', (rs) => rs.map((r) => r.getAttribute('fill')));
  assert.equal(new Set(fills).size, 4);
  const listed = await page.textContent('#distribution-people');
  for (const w of graded.workers) assert.ok(listed.includes(w.name), `${w.name} listed`);
  assert.ok(listed.includes(`${graded.workers[0].grade_zh}（`));
});

test('the table sorts by any column, filters by community, grid and grade, and exports what it shows', async () => {
  const order = async () => page.$$eval('#people-table tbody tr', (rs) => rs.map((r) => r.dataset.person));
  const scores = async () => page.$$eval('#people-table tbody td[data-field="score"]', (ts) => ts.map((t) => t.textContent));
  await page.click('#people-table th[data-field="score"] button');
  let s = (await scores()).filter((x) => x !== '—').map(Number);
  assert.deepEqual(s, [...s].sort((a, b) => a - b));
  assert.equal((await scores()).at(-1), '—', 'people not graded come last');
  await page.click('#people-table th[data-field="score"] button');
  s = (await scores()).filter((x) => x !== '—').map(Number);
  assert.deepEqual(s, [...s].sort((a, b) => b - a));
  await page.click('#people-table th[data-field="name"] button');
  const names = await page.$$eval('#people-table tbody td[data-field="name"]', (ts) => ts.map((t) => t.textContent));
  // Collated as the browser does (pinyin order), not as Node's ICU might.
  assert.deepEqual(names, await page.evaluate((ns) => [...ns].sort((a, b) => a.localeCompare(b, 'zh-CN')), names));
  assert.equal((await order()).length, native.people.length);
  // Grid column and filters.
  const grids = await page.$$eval('#people-table tbody td[data-field="grid"]', (ts) => ts.map((t) => t.textContent));
  assert.ok(grids.some((g) => g.includes('网格')), grids.join());
  const worst = [...graded.workers].sort((a, b) => Number(a.score) - Number(b.score))[0];
  await page.selectOption('#filter-grade', worst.grade);
  const graded_rows = await page.$$eval('#people-table tbody td[data-field="grade"]', (ts) => ts.map((t) => t.textContent));
  assert.ok(graded_rows.length > 0 && graded_rows.every((g) => g === worst.grade_zh));
  await page.selectOption('#filter-grade', '');
  const grid = grids.find((g) => g !== '—');
  await page.selectOption('#filter-grid', grid);
  assert.ok((await page.$$eval('#people-table tbody td[data-field="grid"]', (ts) => ts.map((t) => t.textContent))).every((g) => g === grid));
  const community = (await page.$$eval('#filter-community option', (os) => os.map((o) => o.value))).find(Boolean);
  await page.selectOption('#filter-community', community);
  const shown = await order();
  // Export: CSV with a byte-order mark, the header, and exactly the rows shown, in order.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
  assert.equal(lines[0], '姓名,社区,网格,岗位,得分,等次,达标,未达标,免除,达标率');
  assert.equal(lines.length - 1, shown.length);
  const byId = new Map(native.people.map((p) => [p.person, p.name]));
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), shown.map((id) => byId.get(id)));
  assert.match(download.suggestedFilename(), /\.csv$/);
  await page.selectOption('#filter-grid', '');
  await page.selectOption('#filter-community', '');
  assert.equal((await order()).length, native.people.length);
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

/** The text of each page of a PDF, with poppler's pdftotext. */
function pdfPages(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }));
}

test('printed to PDF: a summary page of all workers, then one A4 page per worker; the appendix holds every day', async () => {
  const pdf = beside('.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const pages = pdfPages(pdf);
  assert.equal(pages.length, 1 + graded.workers.length, 'one summary page and one page per worker');
  const [summary, ...each] = pages;
  assert.match(summary, /网格员年度考核结果汇总/);
  assert.match(summary, /考核组（签字）/);
  assert.match(summary, new RegExp(`${native.period.from} 至 ${native.period.to}`));
  for (const w of graded.workers) {
    assert.ok(summary.includes(w.name) && summary.includes(w.score), `${w.name} on the summary`);
  }
  for (const [i, w] of graded.workers.entries()) {
    const text = each[i];
    assert.ok(text.includes(w.name) && text.includes(w.grade_zh) && text.includes(w.score), `page ${i + 2} is ${w.name}'s`);
    for (const r of w.rules.filter((x) => x.kind === 'consequence')) assert.ok(text.replace(/\s/g, '').includes(r.text.replace(/\s/g, '')), `${w.name}: ${r.text}`);
  }
  // Nothing of the screen: no file pickers, buttons or timing.
  assert.doesNotMatch(pages.join(''), /重新计算|用时|导出所示/);
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, beside('-print')]);
  // The appendix, on request: every missed day of the worker who missed most.
  await page.check('#print-appendix');
  const full = beside('-appendix.pdf');
  await page.pdf({ path: full, format: 'A4', printBackground: true });
  const all = pdfPages(full);
  assert.ok(all.length > pages.length);
  const worst = [...native.people].filter((p) => p.role === 'grid_worker').sort((a, b) => b.totals.missed - a.totals.missed)[0];
  const appendix = all.slice(pages.length).join('\n');
  const missedDays = worst.findings.filter((f) => f.status === 'missed' && f.obligation === 'patrol-minutes-daily').map((f) => f.period.from);
  assert.ok(missedDays.length > 20);
  for (const d of missedDays) assert.ok(appendix.includes(d), `${d} printed in the appendix`);
  await page.uncheck('#print-appendix');
});

test('at desk width the inputs sit on one line and the charts side by side', async () => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const middles = await page.$$eval('#inputs .inputs-row > *', (xs) => xs.map((x) => { const r = x.getBoundingClientRect(); return r.top + r.height / 2; }));
  assert.ok(Math.max(...middles) - Math.min(...middles) < 6, `inputs on one line: ${middles}`);
  const [a, b] = await page.$$eval('.two .card', (cs) => cs.map((c) => c.getBoundingClientRect()));
  assert.equal(Math.round(a.top), Math.round(b.top), 'charts side by side');
  assert.ok(a.right <= b.left);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: beside('-desk.png'), fullPage: true });
});

test('at phone width (390 px) nothing scrolls the page sideways', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width} px wide`);
  // The table scrolls in its own box; the charts shrink to the card.
  const box = await page.$eval('.table-wrap', (w) => ({ client: w.clientWidth, scroll: w.scrollWidth }));
  assert.ok(box.client <= 390);
  for (const id of ['distribution', 'heatmap']) {
    const w = await page.$eval(`#${id} svg`, (s) => s.getBoundingClientRect().width);
    assert.ok(w <= 390, `${id} is ${w} px wide`);
  }
  const cell = await page.$eval('#people-table td[data-field="grade"]', (td) => td.getBoundingClientRect().height);
  assert.ok(cell < 40, 'a grade does not wrap one character per line');
  await page.screenshot({ path: beside('-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('an error names the worker, the record and the date in Chinese, keeps the chosen period, and hides the details for integrators', async () => {
  await page.fill('#period-from', '2023-05-01');
  await page.fill('#period-to', '2023-05-31');
  await computeAgain();
  const dossier = JSON.parse(readFileSync(sample, 'utf8'));
  const record = dossier.records.work_records.find((w) => w.person === 'w1' && w.date === '2023-02-28');
  record.date = '2023-02-29';
  const name = dossier.organisation.people.find((p) => p.id === 'w1').name;
  const broken = join(scratch, 'impossible-date.dossier.json');
  writeFileSync(broken, JSON.stringify(dossier, null, 2));
  await page.setInputFiles('#dossier-file', broken);
  await page.waitForSelector('#errors li');
  const said = await page.textContent('#errors li .people-message');
  assert.ok(said.includes(`${name} 2023-02-29 的工作记录`) && said.includes(record.id) && said.includes('日期不存在'), said);
  assert.ok(await page.isHidden('#results'));
  assert.equal(await page.locator('#errors details[open]').count(), 0);
  assert.match(await page.textContent('#errors li details code'), /invalid_time.*records\.work_records\[\d+\]\.date/);
  assert.equal(await page.inputValue('#period-from'), '2023-05-01');
  assert.equal(await page.inputValue('#period-to'), '2023-05-31');
  await page.screenshot({ path: beside('-error.png') });
});

test('a file that is not a dossier gets a Chinese message saying what was expected, and the page stays usable', async () => {
  const file = (name, bytes) => {
    const path = join(scratch, name);
    writeFileSync(path, bytes);
    return path;
  };
  // 60 MB, made here and never committed.
  const big = join(scratch, 'large.dossier.json');
  const fd = openSync(big, 'w');
  writeSync(fd, '{"period":');
  ftruncateSync(fd, 60_000_000);
  closeSync(fd);
  const bad = [
    [file('notes.json', '网格员工作记录：王芳，2023-04-17，巡查两小时。'), /JSON/],
    [file('export.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00])), /表格文件.*JSON 格式的工作档案/],
    [file('empty.json', ''), /空的.*JSON 格式的工作档案/],
    [big, /60\.0 MB.*不超过 50 MB 的 JSON 格式工作档案/],
  ];
  for (const [path, expected] of bad) {
    await page.evaluate(() => document.getElementById('errors').replaceChildren());
    await page.setInputFiles('#dossier-file', path);
    await page.waitForFunction(() => !document.getElementById('errors').hidden && document.querySelector('#errors li'));
    const said = await page.textContent('#errors li .people-message');
    assert.match(said, expected);
    assert.match(said, /[\u4e00-\u9fff]/);
    assert.ok(await page.isHidden('#results'), 'nothing half-shown');
    assert.equal(await page.$eval('#print-area', (p) => p.childElementCount), 0, 'nothing left to print');
  }
  await loadSample();
  assert.ok(await page.isVisible('#results'));
  assert.ok(await page.isHidden('#errors'));
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

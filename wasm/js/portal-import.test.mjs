// The portal's import panel in Debian's Chromium (playwright-core): the grading path never
// fetches the import module; opening the panel does; the sample community as office files (the
// roster workbook, the record sheets, a GB18030 DingTalk CSV) set on the file input and imported
// shows the same table — scores, grades, counts — as the dossier `wangge import` wrote from the
// same files, chosen as JSON, and the grades of `wangge assess --import`; the empty template
// downloads as the command writes it; a roster with an unknown role lists every problem with
// file, sheet, row and column, and loads nothing.
//
// Run by scripts/test-wasm.sh, which serves the repository root and passes:
//   PORTAL_URL       the page, e.g. http://127.0.0.1:8765/examples/portal/
//   IMPORT_FIXTURES  the fixtures and the command's answers (see import-wasm/js/import.test.mjs)
//   SCREENSHOT       where to save the screenshots (default: a temporary file)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser.mjs';

const url = process.env.PORTAL_URL ?? 'http://127.0.0.1:8765/';
const fixtures = process.env.IMPORT_FIXTURES;
assert.ok(fixtures, 'IMPORT_FIXTURES: the folder of fixtures and native answers');
const at = (name) => join(fixtures, name);
const office = ['花名册.xlsx', '台账.xlsx', '钉钉原始记录.csv'].map(at);
const graded = JSON.parse(readFileSync(at('native.assessment.json'), 'utf8')).value;
const screenshot = process.env.SCREENSHOT ?? join(tmpdir(), 'wangge-portal-import.png');
const beside = (suffix) => screenshot.replace(/\.png$/, '') + suffix;

let browser, page;
const fetched = [];
const fetchedImport = () => fetched.filter((u) => u.includes('/pkg-import/'));

before(async () => {
  browser = await launch();
  page = browser.page;
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
});

after(async () => {
  await browser?.close();
});

/** The table as {person: {name, score, grade, met, missed, excused}}, read from the page. */
async function table() {
  return page.$$eval('#people-table tbody tr', (rows) => Object.fromEntries(rows.map((tr) => {
    const cell = (k) => tr.querySelector(`td[data-field="${k}"]`).textContent;
    return [tr.dataset.person, { name: cell('name'), score: cell('score'), grade: cell('grade'), met: cell('met'), missed: cell('missed'), excused: cell('excused') }];
  })));
}

async function computed(action) {
  const was = await page.getAttribute('body', 'data-computed');
  await action();
  await page.waitForFunction((b) => document.body.dataset.computed !== b, was);
}

let fromJson;

test('the dossier `wangge import` wrote, chosen as JSON, is graded without fetching the import module', async () => {
  await computed(() => page.setInputFiles('#dossier-file', at('native.dossier.json')));
  fromJson = await table();
  const workers = Object.values(fromJson).filter((r) => r.score !== '—');
  assert.equal(workers.length, graded.workers.length);
  assert.deepEqual(fetchedImport(), [], 'the grading path fetched the import module');
  assert.ok(await page.isHidden('#import-files'), 'the import panel starts closed');
});

test('opening the panel loads the import module; the template downloads as the command writes it', async () => {
  await page.click('#import-panel summary');
  await page.waitForSelector('#import-panel[data-ready="true"]');
  assert.ok(fetchedImport().some((u) => u.endsWith('wangge_import_wasm_bg.wasm')), fetchedImport().join(' '));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#import-template')]);
  assert.match(download.suggestedFilename(), /模板\.xlsx$/);
  const saved = readFileSync(await download.path());
  assert.ok(saved.equals(readFileSync(at('native.template.xlsx'))), 'the template differs from wangge import --template');
});

test('the roster workbook, record sheets and DingTalk CSV imported show the table of the JSON path and the grades of `wangge assess --import`', async () => {
  await page.setInputFiles('#import-files', office);
  await computed(() => page.click('#import-run'));
  assert.match(await page.getAttribute('body', 'data-imported'), /^success/);
  const imported = await table();
  assert.deepEqual(imported, fromJson);
  for (const w of graded.workers) {
    assert.equal(imported[w.person].score, w.score, w.name);
    assert.equal(imported[w.person].grade, w.grade_zh, w.name);
  }
  const said = await page.textContent('#import-status');
  assert.match(said, /^已导入 3 个文件.*打卡 \d+ 条/);
  assert.ok(await page.isVisible('#results'));
  assert.equal(await page.inputValue('#period-from'), '2023-01-01');
  assert.equal(await page.inputValue('#period-to'), '2023-12-31');
  await page.screenshot({ path: beside('-import.png') });
  // The open panel at phone width: nothing scrolls the page sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width} px wide`);
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('a roster with an unknown role lists every problem with file, sheet, row and column, and loads nothing', async () => {
  await page.setInputFiles('#import-files', [at('花名册-有误.xlsx')]);
  await page.click('#import-run');
  await page.waitForFunction(() => document.body.dataset.imported?.startsWith('failure'));
  const said = await page.$$eval('#errors li .people-message', (ls) => ls.map((l) => l.textContent));
  const refusal = readFileSync(at('native.refusal.txt'), 'utf8').split('\n').filter((l) => l.startsWith('花名册-有误.xlsx'));
  assert.deepEqual(said, refusal, 'the command\'s problems, all of them');
  assert.ok(said.some((m) => m.startsWith("花名册-有误.xlsx, 人员, 第3行, 角色: '网格园'")), said.join('\n'));
  assert.match(await page.textContent('#errors li details code'), /file: 花名册-有误\.xlsx · sheet: 人员 · row: 3 · column: 角色/);
  assert.match(await page.textContent('#status'), /未导入任何内容/);
  assert.ok(await page.isHidden('#results'), 'nothing half-shown');
  await page.screenshot({ path: beside('-import-error.png') });
  // Nothing half-loaded: the dossier imported before is still the page's.
  await computed(() => page.click('#compute'));
  assert.deepEqual(await table(), fromJson);
});

test('the page logged no error', () => {
  assert.deepEqual(browser.problems, []);
});

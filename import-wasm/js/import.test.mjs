// The import module (crate import-wasm, built by scripts/build-wasm.sh into
// examples/portal/pkg-import/) in Node: the web glue loaded with `initSync`, the very files the
// portal fetches. The sample community as an office keeps it — a roster workbook, the record
// sheets, and its punches as a DingTalk raw-record CSV in GB18030 (written by the import crate's
// test `the_sample_as_a_roster_workbook_and_a_dingtalk_csv_for_the_portal`) — must give the
// dossier the `wangge import` command gives from the same files, and that dossier, graded by the
// grading package (wasm/pkg/node/), the assessment `wangge assess --import` gives, byte for byte.
// A roster with an unknown role is refused with the command's own problems, each naming file,
// sheet, row and column.
//
// Run by scripts/test-wasm.sh, which passes IMPORT_FIXTURES: a folder holding the fixtures and
// the command's answers computed in the same run (native.dossier.json, native.assessment.json,
// native.refusal.txt — its standard error — and native.template.xlsx).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, importFiles, templateXlsx } from '../../examples/portal/pkg-import/wangge_import_wasm.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
initSync({ module: readFileSync(join(root, 'examples', 'portal', 'pkg-import', 'wangge_import_wasm_bg.wasm')) });
const wangge = createRequire(import.meta.url)(join(root, 'wasm', 'pkg', 'node', 'wangge_wasm.js'));
const fixtures = process.env.IMPORT_FIXTURES;
assert.ok(fixtures, 'IMPORT_FIXTURES: the folder of fixtures and native answers');
const file = (name) => ({ name, bytes: new Uint8Array(readFileSync(join(fixtures, name))) });
const office = () => ['花名册.xlsx', '台账.xlsx', '钉钉原始记录.csv'].map(file);
const zh = { lang: 'zh' };

test('the roster workbook, the record sheets and a GB18030 DingTalk CSV give the dossier `wangge import` gives', () => {
  const answer = importFiles(office(), zh);
  assert.equal(answer.status, 'success', JSON.stringify(answer.errors?.slice(0, 5)));
  const native = readFileSync(join(fixtures, 'native.dossier.json'), 'utf8').trimEnd();
  assert.equal(JSON.stringify(answer.value.dossier), native);
  const s = answer.value.summary;
  assert.equal(s.files, 3);
  assert.equal(s.punches, answer.value.dossier.records.clock_events.length);
  assert.ok(s.punches > 4000 && s.people >= 7, JSON.stringify(s));
  assert.ok(s.read_as.includes('钉钉原始记录.csv: 钉钉原始记录'), s.read_as.join('; '));
});

test('graded by the grading package, the imported dossier gives the grades of `wangge assess --import`, byte for byte', () => {
  const answer = importFiles(office(), zh);
  const graded = wangge.assessJson(JSON.stringify(answer.value.dossier), null, zh);
  const native = readFileSync(join(fixtures, 'native.assessment.json'), 'utf8').trimEnd();
  assert.equal(graded, native);
  const workers = JSON.parse(graded).value.workers;
  assert.equal(workers.length, 6);
  for (const w of workers) console.log(`${w.person} ${w.name} ${w.score} ${w.grade_zh}`);
});

test('a roster with an unknown role is refused with the command\'s problems, naming file, sheet, row and column', () => {
  const answer = importFiles([file('花名册-有误.xlsx')], zh);
  assert.equal(answer.status, 'failure');
  const role = answer.errors.find((e) => e.column === '角色');
  assert.deepEqual([role.file, role.sheet, role.row, role.kind], ['花名册-有误.xlsx', '人员', 3, 'invalid_value']);
  assert.match(role.message, /^花名册-有误\.xlsx, 人员, 第3行, 角色: '网格园' 不是已知角色/);
  for (const e of answer.errors) {
    assert.ok(e.file && e.sheet && e.row && e.column, `located: ${JSON.stringify(e)}`);
    assert.ok(e.message.startsWith(`${e.file}, ${e.sheet}, 第${e.row}行, ${e.column}: `), e.message);
  }
  // All at once, and the same problems as the command's, in the same order.
  const refusal = readFileSync(join(fixtures, 'native.refusal.txt'), 'utf8');
  const said = refusal.split('\n').filter((l) => l.startsWith('花名册-有误.xlsx'));
  assert.deepEqual(answer.errors.map((e) => e.message), said);
});

test('the empty template is the bytes `wangge import --template` writes', () => {
  const bytes = templateXlsx();
  assert.equal(String.fromCharCode(bytes[0], bytes[1]), 'PK');
  assert.ok(Buffer.from(bytes).equals(readFileSync(join(fixtures, 'native.template.xlsx'))));
});

test('an unknown name in a DingTalk CSV names file, row and column; bad options and bad files are answers, not exceptions', () => {
  const enc = new TextEncoder();
  const csv = (name, text) => ({ name, bytes: enc.encode(text) });
  const roster = [
    csv('社区.csv', '编号,名称,党组织书记\r\nc1,幸福社区,l1\r\n'),
    csv('人员.csv', '编号,姓名,社区,角色,工号\r\nl1,赵建国,c1,网格长,\r\nw1,王芳,c1,网格员,1001\r\n'),
  ];
  const april = { ...zh, period: { from: '2023-04-01', to: '2023-04-30' } };
  const ok = importFiles([...roster, csv('钉钉.csv', '姓名,工号,考勤日期,打卡时间\r\n王芳,1001,2023-04-03,08:20\r\n')], april);
  assert.equal(ok.status, 'success');
  assert.equal(ok.value.dossier.records.clock_events[0].person, 'w1');
  const unknown = importFiles([...roster, csv('钉钉.csv', '姓名,考勤日期,打卡时间\r\n王五,2023-04-03,08:20\r\n')], april);
  assert.equal(unknown.status, 'failure');
  assert.deepEqual([unknown.errors[0].file, unknown.errors[0].row, unknown.errors[0].column], ['钉钉.csv', 2, '姓名']);
  assert.match(unknown.errors[0].message, /^钉钉\.csv, 第2行, 姓名: '王五'/);
  assert.equal(importFiles(roster, { lang: 'fr' }).status, 'failure');
  assert.equal(importFiles([{ name: 'x.csv' }], zh).status, 'failure');
});

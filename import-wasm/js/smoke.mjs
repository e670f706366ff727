// Smoke test of the import module in Node (not yet in scripts/test-wasm.sh):
//   cargo build -p wangge-import-wasm --target wasm32-unknown-unknown --profile wasm-release
//   wasm-bindgen --target nodejs --out-dir target/import-wasm \
//     target/wasm32-unknown-unknown/wasm-release/wangge_import_wasm.wasm
//   node --test import-wasm/js/smoke.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const m = require(process.env.WANGGE_IMPORT_PKG ?? "../../target/import-wasm/wangge_import_wasm.js");
const enc = new TextEncoder();
const file = (name, text) => ({ name, bytes: enc.encode(text) });
const roster = [
  file("社区.csv", "编号,名称,党组织书记\r\nc1,幸福社区,l1\r\n"),
  file("人员.csv", "编号,姓名,社区,角色,工号\r\nl1,赵建国,c1,网格长,\r\nw1,王芳,c1,网格员,1001\r\n"),
];
const april = { period: { from: "2023-04-01", to: "2023-04-30" } };

test("a roster and a DingTalk export give a dossier", () => {
  const a = m.importFiles(
    [...roster, file("钉钉.csv", "姓名,工号,考勤日期,打卡时间\r\n王芳,1001,2023-04-03,08:20\r\n")],
    april,
  );
  assert.equal(a.status, "success");
  assert.equal(a.value.summary.punches, 1);
  assert.equal(a.value.dossier.records.clock_events[0].person, "w1");
});

test("an unknown person names file, row and column", () => {
  const a = m.importFiles(
    [...roster, file("钉钉.csv", "姓名,考勤日期,打卡时间\r\n王五,2023-04-03,08:20\r\n")],
    april,
  );
  assert.equal(a.status, "failure");
  assert.deepEqual([a.errors[0].file, a.errors[0].row, a.errors[0].column], ["钉钉.csv", 2, "姓名"]);
  assert.match(a.errors[0].message, /^钉钉\.csv, 第2行, 姓名: '王五'/);
});

test("the template is an xlsx", () => {
  const t = m.templateXlsx();
  assert.equal(String.fromCharCode(t[0], t[1]), "PK");
});

// Times the WASM build in Node on one dossier file: parse + assess + answer JSON, the same call
// scripts/bench.sh times in Rust and through the C ABI. Prints the median milliseconds.
// Usage: node wasm/js/bench.mjs DOSSIER.json RUNS
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const wasm = require('../pkg/node/wangge_wasm.js');
const [file, runsArg] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const runs = Number(runsArg || 21);
const times = [];
for (let i = 0; i < runs; i++) {
  const t = process.hrtime.bigint();
  const answer = wasm.assessJson(text);
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
  if (!answer.startsWith('{"status":"success"')) {
    console.error(answer.slice(0, 300));
    process.exit(1);
  }
}
times.sort((a, b) => a - b);
console.log(times[Math.floor(runs / 2)].toFixed(3));

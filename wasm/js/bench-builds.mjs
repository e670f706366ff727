// Times several WASM builds in one Node process, interleaved call by call (so a machine's drift
// falls on all of them alike): parse + assess + answer JSON of one dossier file, the call
// scripts/bench.sh times in Rust and through the C ABI. Prints, per build, the median, minimum
// and maximum milliseconds and the median of its per-round ratio to the first build.
// Usage: node wasm/js/bench-builds.mjs DOSSIER.json RUNS LABEL=NODE_GLUE.js [LABEL=GLUE.js ...]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const [file, runsArg, ...builds] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const runs = Number(runsArg || 11);
const mods = builds.map((b) => {
  const [label, glue] = b.split('=');
  return { label, wasm: require(resolve(glue)), times: [] };
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const m of mods) m.wasm.assessJson(text); // warm-up: compile and first allocation
for (let i = 0; i < runs; i++) {
  for (const m of mods) {
    const t = process.hrtime.bigint();
    const answer = m.wasm.assessJson(text);
    m.times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (!answer.startsWith('{"status":"success"')) {
      console.error(`${m.label}: ${answer.slice(0, 300)}`);
      process.exit(1);
    }
  }
}
const first = mods[0];
for (const m of mods) {
  const ratios = m.times.map((t, i) => t / first.times[i]);
  const sorted = [...m.times].sort((a, b) => a - b);
  console.log(
    `${m.label} ${median(m.times).toFixed(3)} ${sorted[0].toFixed(3)} ${sorted[sorted.length - 1].toFixed(3)} ${median(ratios).toFixed(3)}`,
  );
}

// A TypeScript program using the packed npm package as a Node user does (scripts/test-wasm.sh
// installs the tarball into a fresh project, compiles this with `tsc --strict` under
// `moduleResolution` node16, nodenext and bundler, and runs it in Node):
//   node main.js CASES_DIR OUT_DIR NAME...
// prints the sample's grades through the typed `assess`, then writes the answer of each named
// shared case (a call taking a dossier) through the `…Json` twins to OUT_DIR/NAME.json, for
// the script to compare byte for byte with the expected answer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, assessJson, attendanceJson, evaluateJson, evidenceJson, version } from 'wangge';
import type { AssessAnswer, Problem } from 'wangge';

interface Case {
  call: string;
  dossier?: string;
  policy?: string;
  options?: string;
}

const [casesDir, outDir, ...names] = process.argv.slice(2);
if (casesDir === undefined || outDir === undefined) {
  console.error('usage: node main.js CASES_DIR OUT_DIR NAME...');
  process.exit(2);
}
const read = (file: string | undefined): string | null =>
  file === undefined ? null : readFileSync(join(casesDir, file), 'utf8');

console.log(`wangge ${version()}`);
const sample = readFileSync(join(casesDir, 'inputs/sample-2023.dossier.json'), 'utf8');
const answer: AssessAnswer = assess(sample);
if (answer.status === 'success') {
  for (const w of answer.value.workers) {
    console.log(w.person, w.name, w.score, w.grade, w.grade_zh, w.rules[0]?.clause ?? '');
  }
} else {
  const first: Problem | undefined = answer.errors[0];
  console.error(first?.kind, first?.message);
  process.exit(1);
}

const calls: Record<string, (d: string, p: string | null, o: string | null) => string> = {
  assess: assessJson,
  evaluate: evaluateJson,
  attendance: attendanceJson,
  evidence: evidenceJson,
};
mkdirSync(outDir, { recursive: true });
for (const name of names) {
  const spec = JSON.parse(readFileSync(join(casesDir, `${name}.case.json`), 'utf8')) as Case;
  const call = calls[spec.call];
  const dossier = read(spec.dossier);
  if (call === undefined || dossier === null) throw new Error(`${name}: not a dossier call`);
  writeFileSync(join(outDir, `${name}.json`), call(dossier, read(spec.policy), read(spec.options)));
}
console.log(`${names.length} shared cases answered through the npm package in Node`);

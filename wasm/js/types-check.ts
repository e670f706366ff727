// Compiled (never run) by scripts/test-wasm.sh with `tsc --noEmit --strict`: the package's .d.ts
// is valid TypeScript and its answers narrow on `status` without any cast.
import init, { evaluate, checkPolicy, clauseText, isWorkingDay, defaultPolicy, version } from '../pkg/wangge_wasm.js';
import type { Dossier, EvaluateAnswer, Problem, Report } from '../pkg/wangge_wasm.js';

export async function example(dossier: Dossier | string): Promise<string[]> {
  await init();
  const answer: EvaluateAnswer = evaluate(dossier, null, { period: { from: '2023-05-01', to: '2023-05-31' }, lang: 'zh' });
  if (answer.status === 'failure') {
    return answer.errors.map((e: Problem) => `${e.kind} ${e.message} ${e.path ?? ''}`);
  }
  const report: Report = answer.value;
  const policy = defaultPolicy();
  const checked = policy.status === 'success' ? checkPolicy(policy.value) : policy;
  const clause = clauseText('2.2.2');
  const day = isWorkingDay('2023-04-23');
  return [
    version(),
    checked.status,
    clause.status === 'success' ? clause.value.text_zh : '',
    String(day.status === 'success' && day.value),
    ...report.people.map((p) => `${p.name} ${p.totals.met}/${p.totals.missed}/${p.totals.excused}`),
    ...Object.entries(report.clauses).map(([id, c]) => `${id} ${c?.title_zh ?? ""}`),
  ];
}

// Compiled (never run) by scripts/test-wasm.sh with `tsc --noEmit --strict`: the package's .d.ts
// is valid TypeScript and its answers narrow on `status` without any cast.
import init, { evaluate, assess, gradeForScore, attendance, evidence, checkPolicy, clauseText, isWorkingDay, defaultPolicy, version, disclose, view, publicNotice, gridFiling, dataClasses, discloseJson } from '../pkg/wangge_wasm.js';
import type { AssessAnswer, Assessment, Dossier, EvaluateAnswer, Grade, LintReport, Problem, Report } from '../pkg/wangge_wasm.js';
import type { DiscloseAnswer, DisclosureRequest, Decision, Viewer, ViewAnswer, PublicNoticeAnswer, GridFilingAnswer, DataClassesAnswer } from '../pkg/wangge_wasm.js';

/** The confidentiality calls (2.2.4, 2.2.5, 1.2): a refusal is a success whose decision says so. */
export function confidential(dossier: Dossier | string, request: DisclosureRequest): string[] {
  const decided: DiscloseAnswer = disclose(dossier, request);
  const decision: Decision | null = decided.status === 'success' ? decided.value.audit.decision : null;
  const reasons = decided.status === 'success' ? decided.value.audit.reasons.map((r) => `${r.kind} ${r.clause} ${r.message}`) : [];
  const viewer: Viewer = { kind: 'person', person: 'w1', from: '2023-05-10' };
  const seen: ViewAnswer = view(dossier, viewer);
  const board: PublicNoticeAnswer = publicNotice(dossier, 'c1', '2023-07-01');
  const filing: GridFilingAnswer = gridFiling(dossier, 'c1', null, 'div-2023');
  const classes: DataClassesAnswer = dataClasses();
  const text: string = discloseJson(dossier, JSON.stringify(request), null);
  return [
    String(decision),
    ...reasons,
    seen.status === 'success' ? seen.value.scope.basis : seen.errors[0].kind,
    ...(board.status === 'success' ? board.value.board.grids.map((g) => `${g.name} ${g.workers.map((w) => w.name).join(',')}`) : []),
    ...(filing.status === 'success' ? filing.value.moves.map((m) => `${m.area_name} ${m.from_grid ?? ''} -> ${m.to_grid ?? ''}`) : []),
    ...(classes.status === 'success' ? classes.value.map((f) => `${f.path} ${f.class}`) : []),
    text,
  ];
}

export async function example(dossier: Dossier | string): Promise<string[]> {
  await init();
  const answer: EvaluateAnswer = evaluate(dossier, null, { period: { from: '2023-05-01', to: '2023-05-31' }, lang: 'zh' });
  if (answer.status === 'failure') {
    return answer.errors.map((e: Problem) => `${e.kind} ${e.message} ${e.path ?? ''}`);
  }
  const report: Report = answer.value;
  const policy = defaultPolicy();
  const checked = policy.status === 'success' ? checkPolicy(policy.value) : policy;
  const lint: LintReport | null = checked.status === 'success' && 'findings' in checked.value ? checked.value : null;
  const assessed: AssessAnswer = assess(dossier);
  const grades: string[] = assessed.status === 'success'
    ? ((a: Assessment) => a.workers.map((w) => `${w.name} ${w.score} ${w.grade_zh} ${w.rules.map((r) => r.clause).join(',')}`))(assessed.value)
    : [];
  const edge = gradeForScore('90');
  const grade: Grade | null = edge.status === 'success' ? edge.value : null;
  const days = attendance(dossier, null, { period: { from: '2023-03-01', to: '2023-03-31' } });
  const problems = evidence(dossier);
  const clause = clauseText('2.2.2');
  const day = isWorkingDay('2023-04-23');
  return [
    version(),
    checked.status,
    String(lint?.ok),
    ...grades,
    String(grade),
    days.status === 'success' ? String(days.value.people.length) : days.errors[0].message,
    problems.status === 'success' ? String(problems.value.people.length) : problems.errors[0].message,
    clause.status === 'success' ? clause.value.text_zh : '',
    String(day.status === 'success' && day.value),
    ...report.people.map((p) => `${p.name} ${p.totals.met}/${p.totals.missed}/${p.totals.excused}`),
    ...Object.entries(report.clauses).map(([id, c]) => `${id} ${c?.title_zh ?? ""}`),
  ];
}

// The shared cases of tests/cases/ as calls of the WebAssembly package, for every runtime: Node
// (cases.mjs) and the browser (browser-cases.mjs, through cases.html). No Node or DOM API here.
//
// A case (see tests/cases/README.md) names a call of `wangge::api` and its inputs as paths
// relative to tests/cases/. `read(path)` gives an input's text.

/** The package function and its arguments for each call; the `…Json` twin answers the text. */
const CALLS = {
  evaluate: (c, read) => ['evaluate', dossierArgs(c, read)],
  assess: (c, read) => ['assess', dossierArgs(c, read)],
  attendance: (c, read) => ['attendance', dossierArgs(c, read)],
  evidence: (c, read) => ['evidence', dossierArgs(c, read)],
  grade_for_score: (c, read) => ['gradeForScore', [c.score, optional(c.policy, read)]],
  check_policy: (c, read) => ['checkPolicy', [read(c.policy)]],
  is_working_day: (c, read) => ['isWorkingDay', [c.date, optional(c.policy, read)]],
  clause_text: (c) => ['clauseText', [c.id]],
  disclose: (c, read) => ['disclose', [read(c.dossier), read(c.request), optional(c.policy, read)]],
  view: (c, read) => ['view', [read(c.dossier), read(c.viewer)]],
  public_notice: (c, read) => ['publicNotice', [read(c.dossier), c.community, c.date]],
  grid_filing: (c, read) => ['gridFiling', [read(c.dossier), c.community, c.from, c.to]],
  diff: (c, read) => ['diff', [optional(c.policy, read), optional(c.policy_b, read)]],
  compare: (c, read) => [
    'compare',
    [read(c.dossier), optional(c.policy, read), optional(c.policy_b, read), optional(c.options, read)],
  ],
  sweep: (c, read) => [
    'sweep',
    [read(c.dossier), c.path, c.values, optional(c.policy, read), optional(c.options, read)],
  ],
};

const optional = (path, read) => (path === undefined ? undefined : read(path));
const dossierArgs = (c, read) => [read(c.dossier), optional(c.policy, read), optional(c.options, read)];

/** Every call the runner knows (the `call` values of tests/cases/README.md). */
export const calls = Object.keys(CALLS);

/** The input files a case reads, relative to tests/cases/. */
export function inputsOf(c) {
  return [c.dossier, c.policy, c.policy_b, c.options, c.request, c.viewer].filter((p) => p !== undefined);
}

/**
 * The answer of case `c` through `wangge` (the package's module): its text from the `…Json`
 * function when `form` is `'json'` (the default), the tagged object otherwise.
 */
export function answer(wangge, c, read, form = 'json') {
  const make = CALLS[c.call];
  if (!make) throw new Error(`unknown call \`${c.call}\``);
  const [name, args] = make(c, read);
  const fn = wangge[form === 'json' ? `${name}Json` : name];
  if (typeof fn !== 'function') throw new Error(`the package has no function \`${name}\``);
  return fn(...args);
}

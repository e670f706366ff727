// The shared cases of tests/cases/ as calls of the WebAssembly package, for every runtime: Node
// (cases.mjs) and the browser (browser-cases.mjs, through cases.html). No Node or DOM API here.
//
// A case (see tests/cases/README.md) names a call of `wangge::api` and its arguments, the
// documents as paths relative to tests/cases/. `read(path)` gives an input's text. The runner
// knows no call: it puts each file's text in place of its name and hands the call document to
// the package's generic entry point (`callJson` / `call`), which the core reads.

/** The input files a case reads, relative to tests/cases/: its arguments naming `….json` files. */
export function inputsOf(c) {
  return Object.entries(c)
    .filter(([k, v]) => k !== 'call' && typeof v === 'string' && v.endsWith('.json'))
    .map(([, v]) => v);
}

/** The call document of case `c`: each file named replaced by its text. */
export function callDocument(c, read) {
  const files = new Set(inputsOf(c));
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, k !== 'call' && files.has(v) ? read(v) : v]));
}

/**
 * The answer of case `c` through `wangge` (the package's module): its text from `callJson` when
 * `form` is `'json'` (the default), the tagged object from `call` otherwise.
 */
export function answer(wangge, c, read, form = 'json') {
  const doc = JSON.stringify(callDocument(c, read));
  return form === 'json' ? wangge.callJson(doc) : wangge.call(doc);
}

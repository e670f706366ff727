// Where the case runners (cases.mjs in Node, browser-cases.mjs in Chromium) write each case's
// answer for the cross-binding harness: `--out DIR` / `--out=DIR` on the command line, else the
// environment variable WANGGE_ANSWERS_DIR, else nowhere (the default: compare only).
// `node --test FILE` does not pass its own arguments on to FILE, so use the variable there.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The answers directory asked for, created, or `undefined` when none was. */
export function answersDir(argv = process.argv.slice(2), env = process.env) {
  let dir;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') {
      dir = argv[i + 1];
      if (!dir) throw new Error('--out needs a directory');
    } else if (argv[i].startsWith('--out=')) {
      dir = argv[i].slice('--out='.length);
    }
  }
  dir ??= env.WANGGE_ANSWERS_DIR || undefined;
  if (dir === undefined) return undefined;
  dir = resolve(dir);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes the answer bytes of case file `caseFile` (`NAME.case.json`) to `dir/NAME.json`. */
export function writeAnswer(dir, caseFile, bytes) {
  writeFileSync(join(dir, `${caseFile.replace(/\.case\.json$/, '')}.json`), bytes);
}

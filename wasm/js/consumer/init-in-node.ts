// Must NOT compile (scripts/test-wasm.sh checks that `tsc --strict` refuses it under every
// moduleResolution): in Node the package loads its module by itself and has no `init`; the
// web build's `init` would be `undefined` here and crash at run time.
import init, { assess } from 'wangge';

await init();
console.log(assess('{}').status);

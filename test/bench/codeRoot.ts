import path from 'node:path';

/**
 * Where the benchmark's code runs from: the repository under tsx, or the tsc-compiled copy in
 * `.bench-build/` that `npm run bench:hotpath` and `npm run bench:telemetry` run (what the Functions
 * host runs: tsc output, not tsx's transform).
 */
export const CODE_ROOT = path.resolve(import.meta.dirname, '../..');
/** `.ts` under tsx, `.js` in the compiled copy: the extension of the function files to load. */
export const CODE_EXT = path.extname(import.meta.filename);
/** The function app folder (host.json), which the compiled copy sits in. */
export const APP_ROOT = path.basename(CODE_ROOT) === '.bench-build' ? path.dirname(CODE_ROOT) : CODE_ROOT;

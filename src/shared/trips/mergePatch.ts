import { AppError } from '../errors/AppError.js';

/** Deeper than any trip document needs; a deeper patch is refused before it can exhaust the stack. */
export const MAX_PATCH_DEPTH = 16;

/** RFC 7396 JSON merge patch: objects merge, `null` deletes, anything else replaces. 400 past the depth limit. */
export function mergePatch(target: unknown, patch: unknown, depth = 0): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    if (Array.isArray(patch)) assertDepth(patch, depth);
    return patch;
  }
  if (depth >= MAX_PATCH_DEPTH) throw tooDeep();
  const result: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value, depth + 1);
  }
  return result;
}

/** Arrays replace wholesale, but their contents are checked too: depth counts through them. */
function assertDepth(value: unknown, depth: number): void {
  if (!value || typeof value !== 'object') return;
  if (depth >= MAX_PATCH_DEPTH) throw tooDeep();
  for (const child of Object.values(value)) assertDepth(child, depth + 1);
}

function tooDeep(): AppError {
  return new AppError('validation_failed', 'Patch too deep', {
    detail: `A patch may nest at most ${MAX_PATCH_DEPTH} levels`,
    errors: [{ path: 'body', message: `nested deeper than ${MAX_PATCH_DEPTH} levels` }],
  });
}

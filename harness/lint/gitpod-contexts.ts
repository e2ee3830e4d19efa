/**
 * Gitpod Classic `sub` values: the normalised context URL the workspace was opened from
 * (`https://github.com/acme/app`, `.../pull/1`, `.../tree/branch`), or `no-context`.
 */
export const NO_CONTEXT = 'no-context';

const PULL_REQUEST_SUFFIXES = ['/pull/1', '/-/merge_requests/1', '/pull-requests/1'];

/** The pattern with every wildcard filled, and its literal part before the first wildcard. */
export function concreteBases(pattern: string): string[] {
  const w = pattern.search(/[*?]/);
  if (w < 0) return [pattern];
  const literal = pattern.slice(0, w).replace(/\/+$/, '');
  return [...new Set([literal, pattern.replace(/[*?]/g, 'x').replace(/\/+$/, '')])];
}

/** Pull/merge-request context URLs a subject pattern might admit. */
export function pullRequestContexts(pattern: string): string[] {
  return concreteBases(pattern).flatMap((base) => PULL_REQUEST_SUFFIXES.map((suffix) => base + suffix));
}

export function branchContexts(pattern: string): string[] {
  return concreteBases(pattern).map((base) => `${base}/tree/feature-x`);
}

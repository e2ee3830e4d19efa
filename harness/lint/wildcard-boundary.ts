/**
 * Where the first wildcard of a subject pattern sits relative to its owner/path boundaries:
 * `https://github.com/acme*`, `repo:acme*`, `https://github.com/*` -> 'owner' (other organisations match);
 * `https://github.com/acme/app*` -> 'partial' (look-alike repositories and sub-paths match);
 * `https://github.com/acme/*`, `repo:acme/app:*` -> undefined (the wildcard starts at a boundary).
 */
export type WildcardReach = 'owner' | 'partial';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const TYPE_PREFIX = /^[a-z_]+:/i;

export const firstWildcard = (value: string): number => value.search(/[*?]/);

function headEnd(value: string, wildcard: number): number | 'owner' {
  const scheme = URL_SCHEME.exec(value);
  if (scheme) {
    const hostEnd = value.indexOf('/', scheme[0].length);
    return hostEnd < 0 || wildcard < hostEnd ? 'owner' : hostEnd + 1;
  }
  return TYPE_PREFIX.exec(value)?.[0].length ?? 0;
}

export function wildcardReach(value: string): WildcardReach | undefined {
  const w = firstWildcard(value);
  if (w < 0) return undefined;
  const head = headEnd(value, w);
  if (head === 'owner') return 'owner';
  if (!value.slice(head, w).includes('/')) return 'owner';
  return /[/:]/.test(value[w - 1] ?? '/') ? undefined : 'partial';
}

/** A concrete value the pattern admits beyond its author's intent: the wildcard becomes `-evil` / `evil`. */
export function lookAlikeSample(value: string): string {
  const w = firstWildcard(value);
  const atBoundary = /[/:]/.test(value[w - 1] ?? '/');
  return value.slice(0, w) + (atBoundary ? 'evil' : '-evil') + value.slice(w + 1).replace(/[*?]/g, 'x');
}

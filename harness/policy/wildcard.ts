/**
 * IAM wildcard patterns (`*`, `?`) and policy variables (`${aws:username}`, `${key, 'default'}`,
 * escapes `${*}` `${?}` `${$}`), compiled once into matcher functions.
 */
import type { ContextValue } from './types.js';

/** Case-insensitive context lookup built once per request. */
export type ContextLookup = (key: string) => ContextValue | undefined;

export type StringMatcher = (value: string, lookup: ContextLookup) => boolean;

const VARIABLE = /\$\{([^}]*)\}/g;
const ESCAPES: Record<string, string> = { '*': '\u0000*', '?': '\u0000?', $: '$' };

/** True when the text holds a policy variable other than the three escapes. */
export function hasVariables(text: string): boolean {
  if (!text.includes('${')) return false;
  for (const m of text.matchAll(VARIABLE)) if (!((m[1] ?? '') in ESCAPES)) return true;
  return false;
}

/**
 * Replaces policy variables with request values. Escapes become a NUL-prefixed literal marker so the glob
 * compiler treats them as literal characters. Returns null when a variable has no single value and no default.
 */
export function substituteVariables(text: string, lookup: ContextLookup | null): string | null {
  if (!text.includes('${')) return text;
  let missing = false;
  const out = text.replace(VARIABLE, (_all, inner: string) => {
    const escaped = ESCAPES[inner];
    if (escaped !== undefined) return escaped;
    const [rawKey = '', rawDefault] = inner.split(/,\s*/, 2);
    const value = lookup?.(rawKey.trim());
    if (typeof value === 'string') return value;
    if (rawDefault !== undefined && /^'.*'$/.test(rawDefault.trim())) return rawDefault.trim().slice(1, -1);
    missing = true;
    return '';
  });
  return missing ? null : out;
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? '\\' + ch : ch;
}

/** Glob (after substitution) to an anchored regex source. `\u0000x` marks a literal x. */
function globSource(glob: string): string {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '\u0000' && i + 1 < glob.length) src += escapeRegex(glob[++i]!);
    else if (ch === '*') src += '.*';
    else if (ch === '?') src += '.';
    else src += escapeRegex(ch);
  }
  return '^' + src + '$';
}

function literalOf(glob: string): string {
  return glob.replace(/\u0000/g, '');
}

/** A matcher for one static glob, with fast paths for `*`, literals and `prefix*`. */
function staticGlob(glob: string, ignoreCase: boolean): (value: string) => boolean {
  const hasWild = /(^|[^\u0000])[*?]/.test(glob);
  if (glob === '*') return () => true;
  if (!hasWild) {
    const literal = literalOf(glob);
    if (!ignoreCase) return (v) => v === literal;
    const lower = literal.toLowerCase();
    return (v) => v.toLowerCase() === lower;
  }
  const body = glob.slice(0, -1);
  if (!ignoreCase && glob.endsWith('*') && !/[*?\u0000]/.test(body)) return (v) => v.startsWith(body);
  const re = new RegExp(globSource(glob), ignoreCase ? 'is' : 's');
  return (v) => re.test(v);
}

export interface PatternOptions {
  /** `*` and `?` are wildcards (false: compare literally) */
  wildcards: boolean;
  ignoreCase?: boolean;
  /** policy variables are resolved (policy Version 2012-10-17) */
  variables: boolean;
}

/** Compiles one policy value into a matcher. */
export function compilePattern(pattern: string, opts: PatternOptions): StringMatcher {
  const ignoreCase = opts.ignoreCase === true;
  if (opts.variables && hasVariables(pattern)) {
    return (value, lookup) => {
      const resolved = substituteVariables(pattern, lookup);
      if (resolved === null) return false;
      return matchOnce(resolved, opts.wildcards, ignoreCase)(value);
    };
  }
  const resolved = opts.variables ? (substituteVariables(pattern, null) ?? pattern) : pattern;
  const m = matchOnce(resolved, opts.wildcards, ignoreCase);
  return (value) => m(value);
}

function matchOnce(resolved: string, wildcards: boolean, ignoreCase: boolean): (value: string) => boolean {
  if (wildcards) return staticGlob(resolved, ignoreCase);
  const literal = literalOf(resolved);
  if (!ignoreCase) return (v) => v === literal;
  const lower = literal.toLowerCase();
  return (v) => v.toLowerCase() === lower;
}

/** Builds a case-insensitive lookup over a request context (exact key first, then a scan). */
export function makeLookup(context: Readonly<Record<string, ContextValue>>): ContextLookup {
  let lowered: Map<string, ContextValue> | undefined;
  return (key) => {
    // own keys only: a condition key such as `constructor` must not read Object.prototype
    if (Object.hasOwn(context, key)) return context[key];
    if (!lowered) {
      lowered = new Map();
      for (const k of Object.keys(context)) lowered.set(k.toLowerCase(), context[k]!);
    }
    return lowered.get(key.toLowerCase());
  };
}

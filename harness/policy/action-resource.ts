/** Action/NotAction (case-insensitive) and Resource/NotResource (ARN parts one by one) matching. */
import { splitArn } from './conditions/arn.js';
import { compilePattern, type ContextLookup, type StringMatcher } from './wildcard.js';

export type ListMatcher = (value: string, lookup: ContextLookup) => boolean;

export function asStringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function anyOf(matchers: StringMatcher[]): ListMatcher {
  if (matchers.length === 1) return matchers[0]!;
  return (value, lookup) => {
    for (const m of matchers) if (m(value, lookup)) return true;
    return false;
  };
}

/** Matches a lower-cased request action. */
export function compileActions(patterns: readonly string[]): ListMatcher {
  return anyOf(patterns.map((p) => compilePattern(p.toLowerCase(), { wildcards: true, variables: false })));
}

function compileResource(pattern: string, variables: boolean): StringMatcher {
  const parts = splitArn(pattern);
  if (!parts || pattern === '*') return compilePattern(pattern, { wildcards: true, variables });
  const matchers = parts.map((p) => compilePattern(p, { wildcards: true, variables }));
  return (value, lookup) => {
    const req = splitArn(value);
    return req !== undefined && matchers.every((m, i) => m(req[i]!, lookup));
  };
}

export function compileResources(patterns: readonly string[], variables: boolean): ListMatcher {
  return anyOf(patterns.map((p) => compileResource(p, variables)));
}

/** Plain-text renderings of outcomes shared by the JUnit, Markdown and HTML serializers. */
import type { CaseResult, Outcomes } from './model.js';

/** `allowed`, an AWS error code, or `not run` for null/absent. */
export function outcomeText(outcome: string | null | undefined): string {
  return outcome ?? 'not run';
}

/** e.g. `assume: allowed; read db: AccessDeniedException` */
export function outcomesText(outcomes: Outcomes): string {
  const parts = [`assume: ${outcomeText(outcomes.assume)}`];
  for (const [secret, outcome] of Object.entries(outcomes.reads ?? {})) parts.push(`read ${secret}: ${outcomeText(outcome)}`);
  return parts.join('; ');
}

/** The steps whose observed outcome differs from the expected one (empty for a passed case). */
export function differences(c: CaseResult): string[] {
  const diffs: string[] = [];
  if (c.expected.assume !== c.observed.assume) {
    diffs.push(`assume: expected ${outcomeText(c.expected.assume)}, observed ${outcomeText(c.observed.assume)}`);
  }
  for (const [secret, expected] of Object.entries(c.expected.reads ?? {})) {
    const observed = c.observed.reads?.[secret];
    if (expected !== observed) diffs.push(`read ${secret}: expected ${outcomeText(expected)}, observed ${outcomeText(observed)}`);
  }
  if (c.expected.message !== undefined && c.expected.message !== c.observed.message) {
    diffs.push(`message: expected "${c.expected.message}", observed ${c.observed.message === null ? 'none' : `"${c.observed.message}"`}`);
  }
  return diffs;
}

export const STATUS_LABEL: Record<CaseResult['status'], string> = { passed: 'PASS', failed: 'FAIL', error: 'ERROR' };
export const STATUS_ICON: Record<CaseResult['status'], string> = { passed: '✓', failed: '✗', error: '⚠' };

/** Failed and errored cases first, otherwise the run's order. */
export function failuresFirst<T extends { status: CaseResult['status'] }>(cases: readonly T[]): T[] {
  const rank = (c: T) => (c.status === 'passed' ? 1 : 0);
  return cases.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

/** A case whose identity was admitted although the scenario expected the assumption to be refused. */
export function admittedAgainstDenial(c: CaseResult): boolean {
  return c.observed.assume === 'allowed' && c.expected.assume !== 'allowed';
}

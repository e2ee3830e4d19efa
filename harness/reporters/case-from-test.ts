/**
 * Pure: one finished Playwright test -> the CaseResults it recorded. A test that recorded none but did not
 * pass becomes an `error` case (the contract: "the case could not be run; the reason in observed.message").
 */
import { z } from 'zod';
import { CASE_ATTACHMENT, type CaseResult } from '../report/model.js';

export interface FinishedTest {
  scenario: string;
  caseName: string;
  status: 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted';
  /** first error message, ANSI colours removed */
  errorMessage: string | null;
  attachments: ReadonlyArray<{ name: string; body: string }>;
}

const outcome = z.string().nullable();
const caseResultSchema = z.looseObject({
  scenario: z.string().min(1),
  case: z.string().min(1),
  status: z.enum(['passed', 'failed', 'error']),
  expected: z.looseObject({ assume: outcome, reads: z.record(z.string(), outcome).optional(), message: z.string().optional() }),
  observed: z.looseObject({ assume: outcome, reads: z.record(z.string(), outcome).optional(), message: z.string().nullable().optional() }),
  explanation: z.array(z.string()).optional(),
  details: z.looseObject({ role: z.string() }).optional(),
});

export function casesFromTest(test: FinishedTest): CaseResult[] {
  if (test.status === 'skipped') return [];
  const bodies = test.attachments.filter((a) => a.name === CASE_ATTACHMENT);
  const testFailed = test.status !== 'passed';
  if (bodies.length === 0) {
    return testFailed ? [errorCase(test, test.errorMessage ?? `the test ended with status ${test.status}`)] : [];
  }
  return bodies.map(({ body }) => {
    const parsed = parse(body);
    if (!parsed.ok) return errorCase(test, `the ${CASE_ATTACHMENT} attachment is not a CaseResult: ${parsed.error}`);
    const c = parsed.value;
    if (!testFailed || c.status !== 'passed') return c;
    // The test failed after recording a pass (e.g. in teardown): the report must agree with the exit status.
    const reason = test.errorMessage ?? `the test ended with status ${test.status}`;
    return {
      ...c,
      status: 'error',
      observed: { ...c.observed, message: c.observed.message ?? reason },
      explanation: [...c.explanation, `The test failed after recording its result: ${reason}`],
    };
  });
}

function parse(body: string): { ok: true; value: CaseResult } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `invalid JSON (${(e as Error).message})` };
  }
  const result = caseResultSchema.safeParse(json);
  if (!result.success) return { ok: false, error: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  const v = result.data;
  return {
    ok: true,
    value: { ...(v as unknown as CaseResult), observed: { ...v.observed, message: v.observed.message ?? null }, explanation: v.explanation ?? [] },
  };
}

function errorCase(test: FinishedTest, message: string): CaseResult {
  return {
    scenario: test.scenario,
    case: test.caseName,
    status: 'error',
    expected: { assume: null },
    observed: { assume: null, message },
    explanation: [`The case could not be run: the test ended with status ${test.status}.`],
  };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

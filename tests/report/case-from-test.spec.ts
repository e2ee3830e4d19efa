import { test, expect } from '@playwright/test';
import { type FinishedTest, casesFromTest, stripAnsi } from '../../harness/reporters/case-from-test.js';
import { sampleCases } from './sample-report.js';

const base: FinishedTest = { scenario: 'gitpod-seed', caseName: 'a case', status: 'passed', errorMessage: null, attachments: [] };
const attach = (body: unknown) => ({ name: 'harness-case', body: typeof body === 'string' ? body : JSON.stringify(body) });

test('the recorded CaseResult is taken as is, with defaults filled in', () => {
  const recorded = { ...sampleCases()[1]!, explanation: undefined };
  const [c] = casesFromTest({ ...base, attachments: [attach(recorded), { name: 'trace', body: 'x' }] });
  expect(c).toMatchObject({ scenario: 'gitpod-seed', case: 'a pull-request workspace is denied', status: 'passed', explanation: [] });
});

test('a test that failed without recording a case becomes an error case with the error message', () => {
  const [c] = casesFromTest({ ...base, status: 'timedOut', errorMessage: 'Test timeout of 60000ms exceeded.' });
  expect(c).toMatchObject({ scenario: 'gitpod-seed', case: 'a case', status: 'error', observed: { assume: null, message: 'Test timeout of 60000ms exceeded.' } });
});

test('a recorded pass whose test then failed is reported as an error, so the report agrees with the exit status', () => {
  const [c] = casesFromTest({ ...base, status: 'failed', errorMessage: 'teardown failed', attachments: [attach(sampleCases()[0])] });
  expect(c?.status).toBe('error');
  expect(c?.explanation.at(-1)).toContain('teardown failed');
});

test('an attachment that is not a CaseResult becomes an error case naming the bad field', () => {
  const [bad] = casesFromTest({ ...base, attachments: [attach({ scenario: 'x', case: 'y', status: 'green' })] });
  expect(bad?.status).toBe('error');
  expect(bad?.observed.message).toContain('status');
  const [notJson] = casesFromTest({ ...base, attachments: [attach('{oops')] });
  expect(notJson?.observed.message).toContain('invalid JSON');
});

test('skipped tests and passing tests without a recorded case produce no case', () => {
  expect(casesFromTest({ ...base, status: 'skipped' })).toEqual([]);
  expect(casesFromTest(base)).toEqual([]);
});

test('ANSI colour codes are stripped from error messages', () => {
  expect(stripAnsi('\u001b[31mExpected\u001b[39m: 1')).toBe('Expected: 1');
});

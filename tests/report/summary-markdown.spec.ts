import { test, expect } from '@playwright/test';
import { buildRunReport } from '../../harness/report/build-run-report.js';
import { toSummaryMarkdown } from '../../harness/report/summary-markdown.js';
import { sampleCases, sampleReport } from './sample-report.js';

test('totals, a row per scenario and a row per case that did not pass', () => {
  const md = toSummaryMarkdown(sampleReport());
  expect(md).toContain('**5 passed, 2 failed, 1 errors**');
  expect(md).toContain('| gitpod-seed | 5 | 2 | 1 |');
  const failuresTable = md.slice(md.indexOf('### Cases that did not pass'), md.indexOf('### Lint'));
  const failureRows = failuresTable.split('\n').filter((l) => /^\| (✗ FAIL|⚠ ERROR) /.test(l));
  expect(failureRows).toHaveLength(3);
  expect(failureRows[0]).toContain('assume: AccessDenied | assume: allowed');
  expect(md).not.toContain("workspace reads the secret"); // passed cases are only counted
});

test('an all-green run says so and lists no failures', () => {
  const passed = sampleCases().filter((c) => c.status === 'passed');
  const md = toSummaryMarkdown(buildRunReport({ target: { kind: 'moto', enforcement: 'harness' } }, passed));
  expect(md).toContain('all 5 cases passed');
  expect(md).not.toContain('Cases that did not pass');
});

test('pipes, newlines and HTML in case names cannot break the table', () => {
  const [base] = sampleCases();
  const c = { ...base!, case: 'a | b\n<script>x</script>', status: 'failed' as const };
  const md = toSummaryMarkdown(buildRunReport({ target: { kind: 'moto', enforcement: 'harness' } }, [c]));
  const row = md.split('\n').find((l) => l.startsWith('| ✗ FAIL'))!;
  expect(row.split(/(?<!\\)\|/).length).toBe(7); // 5 cells between 6 unescaped pipes
  expect(md).not.toContain('<script>');
});

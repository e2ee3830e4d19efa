import { test, expect } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { buildRunReport } from '../../harness/report/build-run-report.js';
import { toJunitXml } from '../../harness/report/junit-xml.js';
import { sampleCases, sampleReport } from './sample-report.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

test('one testcase per case, classname = scenario, totals on <testsuites>', () => {
  const xml = parser.parse(toJunitXml(sampleReport()));
  expect(xml.testsuites).toMatchObject({ tests: '8', failures: '2', errors: '1' });
  const cases = xml.testsuites.testsuite[0].testcase;
  expect(cases).toHaveLength(8);
  expect(new Set(cases.map((c: { classname: string }) => c.classname))).toEqual(new Set(['gitpod-seed']));
});

test('a failure carries expected vs observed and the explanation; an error carries the reason', () => {
  const cases = parser.parse(toJunitXml(sampleReport())).testsuites.testsuite[0].testcase;
  const failed = cases.find((c: { name: string }) => c.name === 'a sibling organisation cannot assume the infra admin role');
  expect(failed.failure.message).toBe('assume: expected AccessDenied, observed allowed');
  expect(failed.failure['#text']).toContain('expected: assume: AccessDenied');
  expect(failed.failure['#text']).toContain('observed: assume: allowed');
  expect(failed.failure['#text']).toContain('The wildcard spans the organisation boundary.');
  const errored = cases.find((c: { name: string }) => c.name === 'an expired token is rejected');
  expect(errored.error.message).toContain('IDP_MINT_FAILED');
  expect(cases.find((c: { name: string }) => c.name.startsWith("the trusted repository's workspace reads")).failure).toBeUndefined();
});

test('markup, quotes and control characters in names and messages stay well-formed XML', () => {
  const [base] = sampleCases();
  const hostile = {
    ...base!,
    scenario: 'x"><evil/>',
    case: 'a & b < c \u0001 d',
    status: 'failed' as const,
    observed: { assume: 'AccessDenied', message: ']]></failure><injected/>' },
  };
  const text = toJunitXml(buildRunReport({ target: { kind: 'moto', enforcement: 'harness' } }, [hostile]));
  expect(text).not.toContain('<evil/>');
  expect(text).not.toContain('<injected/>');
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
  expect(parsed.testsuites.testsuite.testcase.classname).toBe('x"><evil/>');
  expect(parsed.testsuites.testsuite.testcase.name).toBe('a & b < c \uFFFD d');
});

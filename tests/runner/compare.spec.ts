import { expect, test } from '@playwright/test';
import { compareOutcomes } from '../../harness/runner/compare.js';
import type { CaseSpec, Scenario } from '../../harness/scenario/model.js';

const scenario = { id: 's' } as Scenario;
const spec = (expect_: CaseSpec['expect'], reads: string[] = []): CaseSpec => ({
  name: 'c',
  token: { claims: {} },
  assume: { role: 'r' },
  reads,
  idpFaults: [],
  expect: expect_,
  path: 'cases[0]',
});

test.describe('a case passes only when every observed outcome equals the expected one', () => {
  test('equal outcomes pass', () => {
    const r = compareOutcomes(scenario, spec({ assume: 'allowed', reads: { a: 'allowed' } }, ['a']), { outcome: 'allowed', message: null }, { a: { outcome: 'allowed', message: null } }, ['why'], { role: 'r' });
    expect(r.status).toBe('passed');
    expect(r.observed).toEqual({ assume: 'allowed', message: null, reads: { a: 'allowed' } });
  });

  test('a different assume outcome fails and says so first', () => {
    const r = compareOutcomes(scenario, spec({ assume: 'AccessDenied', reads: {} }), { outcome: 'allowed', message: null }, {}, ['the emulator admitted it'], { role: 'r' });
    expect(r.status).toBe('failed');
    expect(r.explanation[0]).toContain('assume: expected AccessDenied, observed allowed');
  });

  test('an expected message must match exactly', () => {
    const denied = { outcome: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' };
    const ok = compareOutcomes(scenario, spec({ assume: 'AccessDenied', message: denied.message, reads: {} }), denied, {}, [], { role: 'r' });
    const off = compareOutcomes(scenario, spec({ assume: 'AccessDenied', message: 'Not authorized', reads: {} }), denied, {}, [], { role: 'r' });
    expect([ok.status, off.status]).toEqual(['passed', 'failed']);
  });

  test('a read that did not run because the assume failed does not equal an expected outcome', () => {
    const r = compareOutcomes(scenario, spec({ assume: 'allowed', reads: { a: 'allowed' } }, ['a']), { outcome: 'AccessDenied', message: 'x' }, {}, [], { role: 'r' });
    expect(r.status).toBe('failed');
    expect(r.observed.reads).toEqual({ a: null });
  });
});

/** A run is not reported clean while a case failed, a trust policy has a lint error or probe admitted someone. */
import { expect, test } from '@playwright/test';
import { buildRunReport } from '../../harness/report/build-run-report.js';
import type { Finding, RunReport } from '../../harness/report/model.js';
import { toSummaryMarkdown } from '../../harness/report/summary-markdown.js';
import { toTrustMatrixHtml } from '../../harness/report/trust-matrix-html.js';
import { adminRole, readerRole, sampleCases, sampleFindings, sampleReport } from './sample-report.js';

const META = { target: { kind: 'moto' as const, enforcement: 'harness' as const } };
const passedCases = () => sampleCases().filter((c) => c.status === 'passed');
const lintError = sampleFindings.find((f) => f.source === 'lint')!;
const probeAdmitted = sampleFindings.find((f) => f.source === 'probe')!;

function report(findings: Finding[], checked: { lint?: string[]; probe?: string[] }): RunReport {
  return buildRunReport(META, passedCases(), [{ roles: [readerRole, adminRole], findings, checked }]);
}

function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  return html.slice(start, html.indexOf('</section>', start));
}

test.describe('the verdict every report leads with', () => {
  test('all cases passed but a lint error: the badge is FAIL and summary.md does not say all passed', () => {
    const r = report([lintError], { lint: ['gitpod-seed'] });
    const html = toTrustMatrixHtml(r);
    expect(html).toMatch(/<span class="verdict verdict-failed" id="run-verdict">/);
    expect(html).toContain('<span class="counts" id="run-problems">1 lint error</span>');
    const md = toSummaryMarkdown(r);
    expect(md.split('\n')[0]).toBe('## aws-oidc-harness: ❌ 1 lint error');
    expect(md).not.toContain('all cases passed');
  });

  test('all cases passed but probe admitted an identity: FAIL, counted as identities', () => {
    const r = report([probeAdmitted], { lint: ['gitpod-seed'], probe: ['gitpod-seed'] });
    expect(toTrustMatrixHtml(r)).toContain('id="run-problems">1 identity admitted by probe</span>');
    expect(toSummaryMarkdown(r).split('\n')[0]).toBe('## aws-oidc-harness: ❌ 1 identity admitted by probe');
  });

  test('lint warnings alone leave a passing run passing', () => {
    const r = report([{ ...lintError, severity: 'warning' }], { lint: ['gitpod-seed'] });
    expect(toTrustMatrixHtml(r)).toMatch(/<span class="verdict verdict-passed" id="run-verdict">/);
    expect(toSummaryMarkdown(r).split('\n')[0]).toBe(`## aws-oidc-harness: ✅ all ${passedCases().length} cases passed, no lint errors`);
  });

  test('failures, errors, lint errors and probe admissions are all named in the headline', () => {
    const md = toSummaryMarkdown(sampleReport());
    expect(md.split('\n')[0]).toBe('## aws-oidc-harness: ❌ 2 of 8 cases failed, 1 case could not run, 1 lint error, 1 identity admitted by probe');
  });
});

test.describe('summary.md lists the findings, and says when a check did not run', () => {
  test('lint findings: severity, rule, role, message and location', () => {
    const md = toSummaryMarkdown(report([lintError], { lint: ['gitpod-seed'] }));
    expect(md).toContain('### Lint findings (1 errors, 0 warnings)');
    const row = md.split('\n').find((l) => l.startsWith('| ✗ error | sub-wildcard-spans-owner |'));
    expect(row).toContain('| gitpod-infra-admin | The sub pattern');
    expect(row).toContain('Statement\\[0\\].Condition.StringLike');
  });

  test('probe admissions are failures with the identity in words', () => {
    const md = toSummaryMarkdown(report([probeAdmitted], { probe: ['gitpod-seed'] }));
    expect(md).toContain('| ✗ FAIL | gitpod-seed | gitpod-infra-admin | https://github.com/acme-evil/app · sub: https://github.com/acme-evil/app · aud: sts.amazonaws.com |');
    expect(md).not.toContain('{"');
  });

  test('"probe not run" is not "no findings"', () => {
    expect(toSummaryMarkdown(report([], { lint: ['gitpod-seed'] }))).toContain('Probe not run');
    const ran = toSummaryMarkdown(report([], { lint: ['gitpod-seed'], probe: ['gitpod-seed'] }));
    expect(ran).not.toContain('Probe not run');
    expect(ran).toContain('Probe ran: no identity the scenarios did not expect was admitted.');
  });
});

test.describe('the Findings section of trust-matrix.html', () => {
  test('findings are rendered for people: rule, severity, role, message, location; identities as claims, not JSON', () => {
    const findings = section(toTrustMatrixHtml(sampleReport()), 'findings');
    expect(findings).toContain('<th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Role</th><th scope="col">Finding</th><th scope="col">Location</th>');
    expect(findings).toContain('<code>sub-wildcard-spans-owner</code>');
    expect(findings).toContain('<dt>sub</dt><dd><code>https://github.com/acme-evil/app</code></dd>');
    expect(findings).not.toMatch(/\{&quot;|\{"/);
    expect(findings).toContain('<span class="verdict verdict-failed"><span aria-hidden="true">✗</span> admitted</span>');
  });

  test('probe not run, probe ran with nothing admitted, and lint with no findings read differently', () => {
    const notRun = section(toTrustMatrixHtml(report([], { lint: ['gitpod-seed'] })), 'findings');
    expect(notRun).toContain('<strong>Probe:</strong> <em>not run</em>');
    expect(notRun).toContain('<strong>Lint:</strong> ran, no findings');
    const ran = section(toTrustMatrixHtml(report([], { lint: ['gitpod-seed'], probe: ['gitpod-seed'] })), 'findings');
    expect(ran).toContain('<strong>Probe:</strong> ran, no unexpected identity admitted');
  });
});

test('an identity admitted against an expected denial is marked as a failure in the Roles table and the failures list', () => {
  const html = toTrustMatrixHtml(sampleReport());
  const roles = section(html, 'roles');
  const admin = roles.slice(roles.indexOf('<code>gitpod-infra-admin</code>'));
  expect(admin).toContain('2 admitted against an expected denial');
  expect(admin).toMatch(/<tr class="unexpected" data-status="failed"><th scope="row">https:\/\/github\.com\/acme-evil\/app[^<]*<span class="tag-unexpected">/);
  const reader = roles.slice(roles.indexOf('<code>gitpod-secrets-reader</code>'), roles.indexOf('<code>gitpod-infra-admin</code>'));
  expect(reader).not.toContain('tag-unexpected');
  const failures = section(html, 'failures');
  expect(failures.match(/admitted, expected denial/g)).toHaveLength(2);
});

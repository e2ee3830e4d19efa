import { test, expect } from '@playwright/test';
import { buildRunReport } from '../../harness/report/build-run-report.js';
import { toTrustMatrixHtml } from '../../harness/report/trust-matrix-html.js';
import { readerRole, sampleCases, sampleReport } from './sample-report.js';

const XSS = '"><script>alert(1)</script><img src=x onerror=alert(2)>';

test('the page is self-contained: no external resource, and a CSP that forbids the network', () => {
  const html = toTrustMatrixHtml(sampleReport());
  expect(html).not.toMatch(/<link\b/i);
  expect(html).not.toMatch(/\bsrc\s*=/i);
  expect(html).not.toMatch(/url\(/i);
  expect(html).not.toMatch(/href="(?!#)/);
  expect(html).toContain(`content="default-src 'none';`);
  expect(html.match(/<script>/g)).toHaveLength(1);
  expect(html.match(/<style>/g)).toHaveLength(1);
});

test('hostile claim values, case names, policy strings and findings are shown as text, never as markup', () => {
  const [base] = sampleCases();
  const hostile = {
    ...base!,
    case: XSS,
    observed: { ...base!.observed, message: XSS },
    details: { ...base!.details!, role: XSS, token: { header: { alg: XSS }, claims: { sub: XSS, [XSS]: XSS }, tamper: XSS } },
  };
  const role = { ...readerRole, role: XSS, trustPolicy: { Statement: [{ Sid: XSS, Condition: { StringLike: { [XSS]: XSS } } }] } };
  const html = toTrustMatrixHtml(
    buildRunReport({ target: { kind: 'moto', enforcement: 'harness', label: XSS }, harnessVersion: XSS }, [hostile], [
      { roles: [role], findings: [{ scenario: XSS, role: XSS, rule: XSS, severity: 'error', message: XSS, path: XSS, admitted: [{ sub: XSS }] }] },
    ]),
  );
  expect(html).not.toContain('<script>alert');
  expect(html).not.toContain('<img');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html.match(/<script>/g)).toHaveLength(1);
});

test('an explicit deny marks the deciding statement and its conditions in the trust policy', () => {
  const html = toTrustMatrixHtml(sampleReport());
  const detail = html.slice(html.indexOf('id="case-2"'), html.indexOf('</details>', html.indexOf('id="case-2"')));
  expect(detail).toMatch(/<div class="j-row hl-deciding" data-path="Statement\[1\]"><span class="j-mark">▶ deciding statement \(Deny\)/);
  expect(detail).toContain('class="j-row hl-cond-ok" data-path="Statement[1].Condition.StringLike[&quot;api.gitpod.io/idp:sub&quot;]"');
  expect(detail).not.toContain('data-path="Statement[0]"><span class="j-mark">');
});

test('the pattern that decided is marked, not the whole list it sits in, with the token value that matched it', () => {
  const html = toTrustMatrixHtml(sampleReport());
  const detail = html.slice(html.indexOf('id="case-2"'), html.indexOf('</details>', html.indexOf('id="case-2"')));
  const key = 'Statement[1].Condition.StringLike[&quot;api.gitpod.io/idp:sub&quot;]';
  expect(detail).toContain(
    `<div class="j-row hl-pattern" data-path="${key}[1]"><span class="j-mark">◀ &quot;https://github.com/acme/app/pull/7&quot; matched this</span><span class="j-str">&quot;https://github.com/acme/*/pull/*&quot;</span>`,
  );
  expect(detail).toContain(`<div class="j-row" data-path="${key}[0]">`);
  expect(detail).toContain('✓ held: &quot;https://github.com/acme/app/pull/7&quot; matches &quot;https://github.com/acme/*/pull/*&quot;');
  // the condition table marks the same pattern and value
  expect(detail).toContain('<mark class="decided"><code>https://github.com/acme/*/pull/*</code>');
  expect(detail).not.toContain('<mark class="decided"><code>https://gitlab.com/acme/*/-/merge_requests/*</code>');
});

test('a failed condition says which token value matched none of the patterns', () => {
  const html = toTrustMatrixHtml(sampleReport());
  const detail = html.slice(html.indexOf('id="case-3"'), html.indexOf('</details>', html.indexOf('id="case-3"')));
  expect(detail).toContain('✗ failed: &quot;https://github.com/evil/app&quot; matches none');
  expect(detail).not.toContain('hl-pattern');
});

test('an implicit deny marks the Allow statement that came closest and the condition that failed', () => {
  const html = toTrustMatrixHtml(sampleReport());
  const detail = html.slice(html.indexOf('id="case-3"'), html.indexOf('</details>', html.indexOf('id="case-3"')));
  expect(detail).toContain('class="j-row hl-nearmiss" data-path="Statement[0]"');
  expect(detail).toContain('class="j-row hl-cond-fail" data-path="Statement[0].Condition.StringLike[&quot;api.gitpod.io/idp:sub&quot;]"');
  expect(detail).not.toContain('hl-nearmiss" data-path="Statement[1]"');
});

test('a malformed trust trace or finding degrades to plain text instead of breaking the page', () => {
  const [base] = sampleCases();
  const c = { ...base!, details: { ...base!.details!, trust: 'not a trace' } };
  const html = toTrustMatrixHtml(buildRunReport({ target: { kind: 'moto', enforcement: 'harness' } }, [c], [{ findings: [42 as never, { rule: 'r', message: 'm' } as never] }]));
  expect(html).toContain('id="case-1"');
  expect(html).not.toContain('Decision:');
  expect(html).toContain('<code>r</code>');
});

test('an empty run still renders a valid page with zero totals', () => {
  const html = toTrustMatrixHtml(buildRunReport({ target: { kind: 'aws', enforcement: 'target' } }, []));
  expect(html).toContain('NO CASES');
  expect(html).not.toContain('Every case passed.');
  expect(html).toContain('<div class="total t-total"><b>0</b>');
});

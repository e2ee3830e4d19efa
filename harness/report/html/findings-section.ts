/** Lint and probe findings on trust policies (report.findings), read defensively: the model types them `unknown`. */
import { escapeHtml as e } from '../escape.js';
import type { Finding } from '../model.js';

const SEVERITY_ICON: Record<Finding['severity'], string> = { error: '✗', warning: '!', info: 'i' };

export function asFinding(value: unknown): Finding | null {
  if (typeof value !== 'object' || value === null) return null;
  const f = value as Record<string, unknown>;
  const severity = f.severity === 'error' || f.severity === 'warning' || f.severity === 'info' ? f.severity : 'info';
  if (typeof f.rule !== 'string' || typeof f.message !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    scenario: str(f.scenario),
    role: str(f.role),
    rule: f.rule,
    severity,
    message: f.message,
    path: str(f.path),
    ...(f.source === 'lint' || f.source === 'probe' ? { source: f.source } : {}),
    ...(Array.isArray(f.admitted) ? { admitted: f.admitted.filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null) } : {}),
  };
}

export function renderFindings(raw: readonly unknown[]): string {
  const findings = raw.map(asFinding).filter((f): f is Finding => f !== null);
  const order: Finding['severity'][] = ['error', 'warning', 'info'];
  findings.sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  const body = findings.length
    ? `<table class="findings"><caption>Findings on trust policies (lint: static; probe: identities actually admitted)</caption>
<thead><tr><th scope="col">Severity</th><th scope="col">Scenario</th><th scope="col">Role</th><th scope="col">Rule</th><th scope="col">Finding</th><th scope="col">Where</th></tr></thead>
<tbody>${findings.map(row).join('')}</tbody></table>`
    : '<p class="note">No findings.</p>';
  return `<section id="findings" aria-labelledby="findings-title"><h2 id="findings-title">Findings</h2>${body}</section>`;
}

function row(f: Finding): string {
  const admitted = f.admitted?.length
    ? `<ul class="admitted-ids">${f.admitted.map((a) => `<li>admitted: <code>${e(JSON.stringify(a))}</code></li>`).join('')}</ul>`
    : '';
  return `<tr data-severity="${f.severity}"><td><span class="severity severity-${f.severity}"><span aria-hidden="true">${SEVERITY_ICON[f.severity]}</span> ${f.severity}</span></td>
<td>${e(f.scenario)}</td><td><code>${e(f.role)}</code></td><td><code>${e(f.rule)}</code>${f.source ? ` <span class="counts">${f.source}</span>` : ''}</td>
<td>${e(f.message)}${admitted}</td><td><code>${e(f.path)}</code></td></tr>`;
}

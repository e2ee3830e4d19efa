/** Lint and probe findings on trust policies, for people: who, what, where; identities as claims, not JSON. */
import { escapeHtml as e } from '../escape.js';
import { admittedIdentities, findingsOf, isProbeFinding, type FindingCounts } from '../findings.js';
import type { Finding, RunReport } from '../model.js';

const SEVERITY_ICON: Record<Finding['severity'], string> = { error: '✗', warning: '!', info: 'i' };

export function renderFindings(report: RunReport, counts: FindingCounts): string {
  const findings = findingsOf(report);
  const lint = findings.filter((f) => !isProbeFinding(f));
  const probe = findings.filter(isProbeFinding);
  return `<section id="findings" aria-labelledby="findings-title"><h2 id="findings-title">Findings</h2>
<ul class="checks">${checkLine('Lint', counts.lintRan, lintStatus(counts))}${checkLine('Probe', counts.probeRan, probeStatus(counts))}</ul>
${table('Lint findings on trust policies (static)', lint)}${table('Probe: identities the roles admitted that no case expected', probe)}</section>`;
}

function checkLine(name: string, ran: boolean, status: string): string {
  return `<li data-check="${name.toLowerCase()}"><strong>${name}:</strong> ${ran ? e(status) : '<em>not run</em>'}${!ran && name === 'Probe' ? ' (run with <code>--probe</code> to send near-miss identities through the gate)' : ''}</li>`;
}

function lintStatus(c: FindingCounts): string {
  return c.lintErrors + c.lintWarnings === 0 ? 'ran, no findings' : `ran: ${c.lintErrors} errors, ${c.lintWarnings} warnings`;
}

function probeStatus(c: FindingCounts): string {
  return c.probeAdmitted === 0 ? 'ran, no unexpected identity admitted' : `ran: ${c.probeAdmitted} unexpected identities admitted (failures)`;
}

function table(caption: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  return `<table class="findings"><caption>${e(caption)}</caption>
<thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Role</th><th scope="col">Finding</th><th scope="col">Location</th></tr></thead>
<tbody>${findings.map(row).join('')}</tbody></table>`;
}

function row(f: Finding): string {
  const probe = isProbeFinding(f);
  // an admitted identity is a failure whatever severity the role's strictness gave it
  const severity = probe ? 'error' : f.severity;
  const label = probe ? 'failure' : f.severity;
  const ids = admittedIdentities(f);
  const admitted = ids.length
    ? `<ul class="admitted-ids">${ids
        .map((a) => `<li><span class="verdict verdict-failed"><span aria-hidden="true">✗</span> admitted</span> ${e(a.label)}${a.why ? ` <span class="counts">(${e(a.why)})</span>` : ''}${a.claims.length ? `<dl class="claims">${a.claims.map(([k, v]) => `<div><dt>${e(k)}</dt><dd><code>${e(v)}</code></dd></div>`).join('')}</dl>` : ''}</li>`)
        .join('')}</ul>`
    : '';
  return `<tr data-severity="${severity}"><td><span class="severity severity-${severity}"><span aria-hidden="true">${SEVERITY_ICON[severity]}</span> ${label}</span></td>
<td><code>${e(f.rule)}</code></td><td><code>${e(f.role)}</code> <span class="counts">${e(f.scenario)}</span></td>
<td>${e(f.message)}${admitted}</td><td>${f.path ? `<code>${e(f.path)}</code>` : '—'}</td></tr>`;
}

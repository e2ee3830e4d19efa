/** One case's detail view: a <details> element, opened from the grid or the failures list. */
import type { ConditionTrace, PolicyEvaluation, StatementTrace } from '../../policy/types.js';
import { escapeHtml as e } from '../escape.js';
import type { CaseResult, RoleReport } from '../model.js';
import { STATUS_ICON, STATUS_LABEL, outcomeText, outcomesText } from '../outcome-text.js';
import { type Highlight, renderPolicyJson } from './policy-json.js';
import { asPolicyEvaluation, pathKey } from './trust-trace.js';

/** Shown wherever an identity admitted against an expectation of denial appears (failures list, roles table). */
export const ADMITTED_TAG = '<span class="tag-unexpected"><span aria-hidden="true">✗</span> admitted, expected denial</span>';

export function verdictBadge(status: CaseResult['status'], id?: string): string {
  return `<span class="verdict verdict-${status}"${id ? ` id="${id}"` : ''}><span aria-hidden="true">${STATUS_ICON[status]}</span> ${STATUS_LABEL[status]}</span>`;
}

export function renderCaseDetail(c: CaseResult, id: string, role: RoleReport | undefined): string {
  const trust = asPolicyEvaluation(c.details?.trust);
  return `<details class="case" id="${e(id)}" data-status="${c.status}">
<summary>${verdictBadge(c.status)} <span class="case-name">${e(c.case)}</span>
<span class="case-brief">expected ${e(outcomesText(c.expected))} · observed ${e(outcomesText(c.observed))}</span></summary>
<div class="case-body">
${explanation(c)}${outcomeTable(c)}${awsError(c)}${token(c)}${trustSection(c, trust, role)}${assumptions(c)}
</div>
</details>`;
}

function explanation(c: CaseResult): string {
  if (c.explanation.length === 0) return '';
  return `<section><h4>Why</h4><ol class="explanation">${c.explanation.map((line) => `<li>${e(line)}</li>`).join('')}</ol></section>`;
}

function outcomeTable(c: CaseResult): string {
  const rows = [['assume role', c.expected.assume, c.observed.assume, c.status === 'error' ? null : c.observed.message] as const];
  const reads = Object.keys({ ...c.expected.reads, ...c.observed.reads });
  const readRows = reads.map((s) => [`read ${s}`, c.expected.reads?.[s], c.observed.reads?.[s], c.details?.reads?.[s]?.message ?? null] as const);
  const body = [...rows, ...readRows]
    .map(([step, exp, obs, msg]) => {
      const ok = exp === undefined || exp === obs;
      return `<tr><th scope="row">${e(step)}</th><td>${e(outcomeText(exp))}</td><td class="${ok ? 'same' : 'differs'}">${ok ? '' : '<span class="sr-tag">differs: </span>'}${e(outcomeText(obs))}</td><td>${msg ? `<code>${e(msg)}</code>` : '—'}</td></tr>`;
    })
    .join('');
  return `<section><h4>Outcomes</h4><table class="outcomes"><caption class="visually-hidden">Expected and observed outcome per step</caption>
<thead><tr><th scope="col">Step</th><th scope="col">Expected</th><th scope="col">Observed</th><th scope="col">Exact AWS error message</th></tr></thead><tbody>${body}</tbody></table></section>`;
}

function awsError(c: CaseResult): string {
  if (c.status !== 'error' || c.observed.message === null) return '';
  return `<section><h4>Why the case could not run</h4><pre class="aws-error"><code>${e(c.observed.message)}</code></pre></section>`;
}

function token(c: CaseResult): string {
  const t = c.details?.token;
  if (!t) return '';
  const tamper = t.tamper ? `<p class="note"><strong>Tampered:</strong> ${e(t.tamper)}</p>` : '';
  return `<section><h4>Token presented</h4>${tamper}<div class="token-parts">
<div><h5>Header</h5>${renderPolicyJson(t.header)}</div><div><h5>Claims</h5>${renderPolicyJson(t.claims)}</div></div>
<p class="note">Signature elided: reports never contain the token itself.</p></section>`;
}

function trustSection(c: CaseResult, trust: PolicyEvaluation | null, role: RoleReport | undefined): string {
  const roleName = c.details?.role ?? role?.role;
  const heading = `<h4>Trust policy${roleName ? ` of <code>${e(roleName)}</code>` : ''}</h4>`;
  if (!trust && !role) return '';
  const arn = c.details?.roleArn ?? role?.roleArn;
  const arnLine = arn ? `<p class="note">Role ARN <code>${e(arn)}</code></p>` : '';
  const decision = trust ? `<p class="decision">Decision: <strong>${e(trust.decision)}</strong>${decidingText(trust)}</p>` : '';
  const policy = role ? renderPolicyJson(role.trustPolicy, trust ? highlights(trust) : new Map()) : '<p class="note">The role\'s trust policy was not recorded.</p>';
  return `<section class="trust">${heading}${arnLine}${decision}${policy}${trust ? conditionTable(trust) : ''}</section>`;
}

function decidingText(trust: PolicyEvaluation): string {
  if (trust.deciding) return ` by <code>${e(trust.deciding.path)}</code>${trust.deciding.sid ? ` (Sid ${e(trust.deciding.sid)})` : ''}, a ${e(trust.deciding.effect)} statement.`;
  return ' — no statement allows the request (implicit deny); the closest statements are marked.';
}

/** The statements worth showing: the deciding one, else those that matched principal and action. */
function relevantStatements(trust: PolicyEvaluation): StatementTrace[] {
  if (trust.deciding) return [trust.deciding];
  return trust.statements.filter((s) => s.effect === 'Allow' && s.principalMatched && s.actionMatched);
}

function highlights(trust: PolicyEvaluation): Map<string, Highlight> {
  const map = new Map<string, Highlight>();
  for (const s of relevantStatements(trust)) {
    map.set(
      pathKey(s.path),
      trust.deciding ? { className: 'hl-deciding', label: `▶ deciding statement (${s.effect})` } : { className: 'hl-nearmiss', label: '▶ closest statement: did not apply' },
    );
    for (const cond of s.conditions) {
      const decided = decidedText(cond);
      map.set(pathKey(cond.path), {
        className: cond.matched ? 'hl-cond-ok' : 'hl-cond-fail',
        label: `${cond.matched ? '✓ held' : '✗ failed'}${decided ? `: ${decided}` : ''}`,
      });
      // the policy value that decided, not the whole list it sits in
      for (const m of cond.decidedBy ?? []) {
        if (m.index === undefined || cond.expected.length < 2) continue;
        map.set(pathKey(`${cond.path}[${m.index}]`), { className: 'hl-pattern', label: `◀ ${JSON.stringify(m.value)} matched this` });
      }
    }
  }
  return map;
}

function conditionTable(trust: PolicyEvaluation): string {
  const rows = relevantStatements(trust).flatMap((s) =>
    s.conditions.map(
      (cond) => `<tr class="${cond.matched ? 'cond-ok' : 'cond-fail'}"><th scope="row"><code>${e(cond.operator)}</code> <code>${e(cond.key)}</code></th>
<td>${cond.expected.map((v, i) => code(v, decidingPatterns(cond).has(i))).join(' ')}</td><td>${cond.actual === null ? '<em>absent</em>' : cond.actual.map((v) => code(v, decidingValues(cond).has(v))).join(' ')}</td>
<td>${cond.matched ? '✓ held' : '✗ failed'}</td><td>${e(cond.reason)}</td></tr>`,
    ),
  );
  if (rows.length === 0) return '';
  return `<table class="conditions"><caption>Condition checks of the marked statements</caption><thead><tr><th scope="col">Condition</th><th scope="col">Policy values</th>
<th scope="col">Token values</th><th scope="col">Result</th><th scope="col">In words</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** `"v" matches "p"` / `"v" matches none` for the values that decided a condition, or '' when none did. */
function decidedText(cond: ConditionTrace): string {
  return (cond.decidedBy ?? [])
    .map((m) => `${JSON.stringify(m.value)} ${m.incomparable ? 'cannot be compared' : m.pattern === undefined ? 'matches none' : `matches ${JSON.stringify(m.pattern)}`}`)
    .join('; ');
}

function decidingPatterns(cond: ConditionTrace): Set<number> {
  return new Set((cond.decidedBy ?? []).flatMap((m) => (m.index === undefined ? [] : [m.index])));
}

function decidingValues(cond: ConditionTrace): Set<string> {
  return new Set((cond.decidedBy ?? []).map((m) => m.value));
}

/** A value in the condition table; the ones that decided are marked with a word for screen readers too. */
function code(v: string, decided: boolean): string {
  return decided ? `<mark class="decided"><code>${e(v)}</code><span class="visually-hidden"> (decided)</span></mark>` : `<code>${e(v)}</code>`;
}

function assumptions(c: CaseResult): string {
  const readLines = Object.entries(c.details?.reads ?? {}).flatMap(([secret, r]) => r.explanation.map((line) => `${secret}: ${line}`));
  const list = [...(c.details?.assumptions ?? []).map((a) => `assumption: ${a}`), ...readLines];
  if (list.length === 0) return '';
  return `<section><h4>Reads and assumptions</h4><ul>${list.map((l) => `<li>${e(l)}</li>`).join('')}</ul></section>`;
}

/** Per scenario: the identity x role grid, then every case's detail view (failures first). */
import { escapeHtml as e } from '../escape.js';
import type { CaseResult, RoleReport } from '../model.js';
import { failuresFirst, outcomeText } from '../outcome-text.js';
import { renderCaseDetail, verdictBadge } from './case-detail.js';
import { type Identity, identityOf } from './identity.js';

export interface IndexedCase {
  c: CaseResult;
  id: string;
}

const UNKNOWN_ROLE = '(role not recorded)';

export function renderScenario(scenario: string, anchor: string, cases: readonly IndexedCase[], roles: readonly RoleReport[]): string {
  const roleNames = [...new Set([...roles.map((r) => r.role), ...cases.map(({ c }) => c.details?.role ?? UNKNOWN_ROLE)])];
  const rows = new Map<string, { identity: Identity; cases: IndexedCase[] }>();
  for (const ic of cases) {
    const identity = identityOf(ic.c);
    const row = rows.get(identity.key) ?? { identity, cases: [] };
    row.cases.push(ic);
    rows.set(identity.key, row);
  }
  const failed = cases.filter(({ c }) => c.status !== 'passed').length;
  const head = roleNames.map((r) => `<th scope="col"><code>${e(r)}</code></th>`).join('');
  const body = [...rows.values()]
    .map(({ identity, cases: rowCases }) => {
      const cells = roleNames.map((role) => cell(rowCases.filter(({ c }) => (c.details?.role ?? UNKNOWN_ROLE) === role)));
      const hasFailure = rowCases.some(({ c }) => c.status !== 'passed');
      return `<tr data-has-failure="${hasFailure}"><th scope="row">${identityHeader(identity)}</th>${cells.join('')}</tr>`;
    })
    .join('\n');
  const byRole = (c: CaseResult) => roles.find((r) => r.role === c.details?.role);
  return `<section class="scenario" id="${e(anchor)}" data-has-failure="${failed > 0}" aria-labelledby="${e(anchor)}-title">
<h2 id="${e(anchor)}-title">Scenario <code>${e(scenario)}</code> <span class="counts">${cases.length - failed} of ${cases.length} passed</span></h2>
<div class="grid-wrap"><table class="grid">
<caption>Expected vs observed outcome of assuming each role (columns) with each identity (rows: token <code>sub</code>, audience, tampering)</caption>
<thead><tr><th scope="col">Identity</th>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>
<h3>Cases <span class="counts">failures first</span></h3>
${failuresFirst(cases.map((ic) => ({ ...ic, status: ic.c.status }))).map(({ c, id }) => renderCaseDetail(c, id, byRole(c))).join('\n')}
</section>`;
}

function identityHeader(identity: Identity): string {
  const aud = identity.aud.length > 0 ? identity.aud.map((a) => `<code>${e(a)}</code>`).join(', ') : '<em>none</em>';
  const tamper = identity.tamper ? `<span class="tamper">⚑ tampered: ${e(identity.tamper)}</span>` : '';
  return `<span class="sub"><code>${identity.sub === null ? '(no sub claim)' : e(identity.sub)}</code></span><span class="aud">aud ${aud}</span>${tamper}`;
}

function cell(cases: readonly IndexedCase[]): string {
  if (cases.length === 0) return '<td class="empty"><span aria-hidden="true">—</span><span class="visually-hidden">no case</span></td>';
  const entries = cases.map(({ c, id }) => {
    const reads = Object.entries(c.observed.reads ?? {});
    const readLine = reads.length > 0 ? `<span class="reads">reads: ${reads.map(([s, o]) => `${e(s)} ${e(outcomeText(o))}`).join(', ')}</span>` : '';
    return `<a class="cell-case" href="#${e(id)}" data-status="${c.status}" title="${e(c.case)}">${verdictBadge(c.status)}
<span class="cell-name">${e(c.case)}</span>
<span class="eo"><span class="k">expected</span> ${e(outcomeText(c.expected.assume))}</span>
<span class="eo${c.expected.assume === c.observed.assume ? '' : ' differs'}"><span class="k">observed</span> ${e(outcomeText(c.observed.assume))}</span>${readLine}</a>`;
  });
  return `<td data-has-failure="${cases.some(({ c }) => c.status !== 'passed')}">${entries.join('')}</td>`;
}

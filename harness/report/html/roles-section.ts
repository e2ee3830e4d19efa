/** Per role: its trust policy, its permissions, and what each identity it admitted could read. */
import { escapeHtml as e } from '../escape.js';
import type { CaseResult, RoleReport } from '../model.js';
import { admittedAgainstDenial, outcomeText } from '../outcome-text.js';
import { ADMITTED_TAG } from './case-detail.js';
import { identityOf, identityText } from './identity.js';
import { renderPolicyJson } from './policy-json.js';

export function renderRoles(roles: readonly RoleReport[], cases: readonly CaseResult[]): string {
  if (roles.length === 0) return '';
  return `<section id="roles" aria-labelledby="roles-title"><h2 id="roles-title">Roles</h2>
${roles.map((r) => renderRole(r, cases.filter((c) => c.scenario === r.scenario && c.details?.role === r.role))).join('\n')}
</section>`;
}

function renderRole(role: RoleReport, cases: readonly CaseResult[]): string {
  const admitted = cases.filter((c) => c.observed.assume === 'allowed');
  const rows = admitted
    .map((c) => {
      const reads = Object.entries(c.observed.reads ?? {});
      const readable = reads.filter(([, o]) => o === 'allowed').map(([s]) => `<code>${e(s)}</code>`);
      const denied = reads.filter(([, o]) => o !== 'allowed').map(([s, o]) => `<code>${e(s)}</code> (${e(outcomeText(o))})`);
      const unexpected = admittedAgainstDenial(c);
      const identity = `${e(identityText(identityOf(c)))}${unexpected ? ` ${ADMITTED_TAG}` : ''}`;
      return `<tr${unexpected ? ' class="unexpected" data-status="failed"' : ''}><th scope="row">${identity}</th><td>${e(c.case)}${unexpected ? ` <span class="counts">(expected ${e(outcomeText(c.expected.assume))})</span>` : ''}</td><td>${readable.join(', ') || '—'}</td><td>${denied.join(', ') || '—'}</td></tr>`;
    })
    .join('');
  const table = admitted.length
    ? `<table class="admitted"><caption>Identities this role admitted, and the secrets each could read</caption>
<thead><tr><th scope="col">Identity</th><th scope="col">Case</th><th scope="col">Secrets read</th><th scope="col">Reads denied</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="note">No identity was admitted to this role in this run.</p>';
  const boundary = role.permissionsBoundary === undefined ? '' : `<h4>Permissions boundary</h4>${renderPolicyJson(role.permissionsBoundary)}`;
  const permissions = role.policies.length
    ? role.policies.map((p, i) => `<h4>Identity policy ${i + 1}</h4>${renderPolicyJson(p)}`).join('')
    : '<p class="note">No identity policies.</p>';
  const unexpected = admitted.filter(admittedAgainstDenial).length;
  const flag = unexpected ? ` <span class="tag-unexpected"><span aria-hidden="true">✗</span> ${unexpected} admitted against an expected denial</span>` : '';
  return `<details class="role"${unexpected ? ' open' : ''}><summary><code>${e(role.role)}</code> <span class="counts">scenario ${e(role.scenario)} · admitted ${admitted.length} of ${cases.length} identities</span>${flag}</summary>
<div class="role-body"><p class="note">ARN <code>${e(role.roleArn)}</code></p>${table}
<div class="policies"><div><h4>Trust policy</h4>${renderPolicyJson(role.trustPolicy)}</div><div>${permissions}${boundary}</div></div></div></details>`;
}

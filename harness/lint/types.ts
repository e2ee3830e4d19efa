/** Public types of the trust-policy linter (issue 7). The JSON shape of a finding is contract (`lint --json`). */
import type { PolicyJson } from '../policy/types.js';
import type { ProfileName, ProviderSpec } from '../scenario/model.js';
import type { TrustStatement } from './trust-statements.js';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface LintFinding {
  scenario: string;
  role: string;
  rule: string;
  severity: LintSeverity;
  /** what is wrong and what to change */
  message: string;
  /** JSON path inside the trust policy, e.g. `Statement[0].Condition.StringLike["api.gitpod.io/idp:sub"]` */
  path: string;
}

export interface LintContext {
  providers: readonly Pick<ProviderSpec, 'url' | 'clientIds'>[];
  /** the issuer the scenario's IdP claims */
  issuer: string;
  profile: ProfileName;
  /** the scenario's `idp.options` (sub formats), when known */
  profileOptions?: Readonly<Record<string, unknown>>;
  accountId: string;
  scenarioId: string;
  roleName: string;
}

/** What a rule sees: the raw document and its statements, normalised once. */
export interface RuleInput {
  policy: PolicyJson;
  statements: readonly TrustStatement[];
  context: LintContext;
}

/** One problem a rule found; severity defaults to the rule's. */
export interface RuleHit {
  path: string;
  message: string;
  severity?: LintSeverity;
}

export interface LintRule {
  id: string;
  severity: LintSeverity;
  check(input: RuleInput): RuleHit[];
}

/** evaluatePolicy: one policy, one request -> decision, per-statement traces and explanation sentences. */
import { compilePolicy, isCompiledPolicy, type CompiledPolicy, type CompiledStatement } from './compile.js';
import { evaluateCondition } from './conditions/condition.js';
import { statementLabel } from './explain.js';
import { describePrincipal, matchPrincipal } from './principal.js';
import type { ConditionTrace, PolicyEvaluation, PolicyJson, PolicyRequest, StatementTrace } from './types.js';
import { makeLookup, type ContextLookup } from './wildcard.js';

interface RequestFacts {
  request: PolicyRequest;
  actionLower: string;
  lookup: ContextLookup;
  /** `api.gitpod.io/idp:` when the caller is a web identity, so its keys read as "the token's value" */
  tokenKeyPrefix: string | undefined;
}

const prefixCache = new Map<string, string>();

function tokenKeyPrefix(request: PolicyRequest): string | undefined {
  if (request.principal.kind !== 'federated') return undefined;
  const provider = request.principal.provider;
  let prefix = prefixCache.get(provider);
  if (prefix === undefined) {
    const at = provider.indexOf(':oidc-provider/');
    prefix = (at >= 0 ? provider.slice(at + ':oidc-provider/'.length) : provider).toLowerCase() + ':';
    if (prefixCache.size < 1000) prefixCache.set(provider, prefix);
  }
  return prefix;
}

function sourceOf(keyLower: string, facts: RequestFacts): string {
  return facts.tokenKeyPrefix !== undefined && keyLower.startsWith(facts.tokenKeyPrefix)
    ? "the token's value"
    : "the request's value";
}

function evaluateStatement(s: CompiledStatement, facts: RequestFacts): { trace: StatementTrace; why: string } {
  const { request, lookup } = facts;
  let principalMatchedBy: string | undefined;
  let principalMatched = true;
  if (s.principal) {
    const by = matchPrincipal(s.principal.compiled, request.principal);
    principalMatched = s.principal.negated ? by === undefined : by !== undefined;
    principalMatchedBy = s.principal.negated ? (principalMatched ? 'NotPrincipal' : undefined) : by;
  }
  const actionMatched = s.action ? s.action.match(facts.actionLower, lookup) !== s.action.negated : false;
  const resourceMatched = s.resource ? s.resource.match(request.resource, lookup) !== s.resource.negated : true;
  const conditions: ConditionTrace[] = [];
  let failed: ConditionTrace | undefined;
  for (const c of s.conditions) {
    const t = evaluateCondition(c, lookup, sourceOf(c.keyLower, facts));
    conditions.push(t);
    if (!t.matched && !failed) failed = t;
  }
  const applies = principalMatched && actionMatched && resourceMatched && failed === undefined;
  const trace: StatementTrace = {
    index: s.index,
    effect: s.effect,
    principalMatched,
    actionMatched,
    resourceMatched,
    conditions,
    applies,
    path: s.path,
  };
  if (s.sid !== undefined) trace.sid = s.sid;
  if (principalMatchedBy !== undefined) trace.principalMatchedBy = principalMatchedBy;
  return { trace, why: reasonFor(s, trace, failed, request) };
}

function reasonFor(s: CompiledStatement, t: StatementTrace, failed: ConditionTrace | undefined, request: PolicyRequest): string {
  const label = s.label;
  if (!t.principalMatched) {
    const el = s.principal!.negated ? 'NotPrincipal' : 'Principal';
    return `${label} does not apply: ${el} ${s.principal!.compiled.text} ${s.principal!.negated ? 'excludes' : 'does not name'} ${describePrincipal(request.principal)}`;
  }
  if (!t.actionMatched) {
    if (!s.action) return `${label} does not apply: it has no Action`;
    return `${label} does not apply: ${s.action.negated ? 'NotAction' : 'Action'} ${s.action.text} ${s.action.negated ? 'excludes' : 'does not cover'} ${request.action}`;
  }
  if (!t.resourceMatched) {
    return `${label} does not apply: ${s.resource!.negated ? 'NotResource' : 'Resource'} ${s.resource!.text} ${s.resource!.negated ? 'excludes' : 'does not cover'} ${request.resource}`;
  }
  if (failed) return `${label} does not apply: condition ${failed.operator} ${failed.key} failed: ${failed.reason}`;
  // name every condition that held, with the value and pattern that made it hold
  const held = t.conditions.map((c) => `${c.operator} ${c.key}: ${c.reason}`);
  return `${label} applies (${s.effect})${held.length ? `: ${held.join('; ')}` : ''}`;
}

function decisionSentence(ev: PolicyEvaluation, request: PolicyRequest): string {
  const d = ev.deciding;
  if (ev.decision === 'ExplicitDeny') return `Decision: explicit deny by ${statementLabel(d!.path, d!.sid)}`;
  if (ev.decision === 'Allow') return `Decision: allowed by ${statementLabel(d!.path, d!.sid)}`;
  return `Decision: implicit deny: no statement allows ${request.action} on ${request.resource}`;
}

/** Evaluates one policy for one request. Pass the same JSON object again and its compiled form is reused. */
export function evaluatePolicy(policy: PolicyJson | CompiledPolicy, request: PolicyRequest): PolicyEvaluation {
  const compiled = isCompiledPolicy(policy) ? policy : compilePolicy(policy);
  const facts: RequestFacts = {
    request,
    actionLower: request.action.toLowerCase(),
    lookup: makeLookup(request.context),
    tokenKeyPrefix: tokenKeyPrefix(request),
  };
  const statements: StatementTrace[] = [];
  const explanation: string[] = [];
  let deny: StatementTrace | undefined;
  let allow: StatementTrace | undefined;
  for (const s of compiled.statements) {
    const { trace, why } = evaluateStatement(s, facts);
    statements.push(trace);
    explanation.push(why);
    if (trace.applies) {
      if (trace.effect === 'Deny') deny ??= trace;
      else allow ??= trace;
    }
  }
  const ev: PolicyEvaluation = {
    decision: deny ? 'ExplicitDeny' : allow ? 'Allow' : 'ImplicitDeny',
    statements,
    explanation,
  };
  const deciding = deny ?? allow;
  if (deciding) ev.deciding = deciding;
  explanation.push(decisionSentence(ev, request));
  return ev;
}

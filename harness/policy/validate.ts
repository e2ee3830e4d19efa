/**
 * validatePolicy: the grammar of a policy document for one policy kind, as findings with JSON paths.
 * `awsMessage` carries the MalformedPolicyDocument message IAM sends for that finding, when it is known.
 */
import type { PolicyFinding, PolicyKind } from './types.js';
import { validateCondition } from './validate-condition.js';
import { validatePrincipal } from './validate-principal.js';
import { didYouMean } from './suggest.js';

const SYNTAX = 'Syntax errors in policy.';
const VERSIONS = new Set(['2012-10-17', '2008-10-17']);
const TOP_FIELDS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_FIELDS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const ACTION = /^(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+)$/;

type Emit = (path: string, code: string, message: string, awsMessage?: string, severity?: PolicyFinding['severity']) => void;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkStringList(value: unknown, path: string, name: string, emit: Emit, pattern?: RegExp): void {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) emit(path, `empty-${name.toLowerCase()}`, `${name} is an empty list`, SYNTAX);
  list.forEach((v, i) => {
    const p = Array.isArray(value) ? `${path}[${i}]` : path;
    if (typeof v !== 'string') emit(p, `invalid-${name.toLowerCase()}`, `${name} entries must be strings`, SYNTAX);
    else if (pattern && !pattern.test(v)) emit(p, `invalid-${name.toLowerCase()}`, `${JSON.stringify(v)} is not of the form service:Action`);
  });
}

function checkPair(s: Record<string, unknown>, path: string, name: string, emit: Emit): boolean {
  const not = `Not${name}`;
  if (s[name] !== undefined && s[not] !== undefined) {
    emit(path, `${name.toLowerCase()}-and-not${name.toLowerCase()}`, `a statement has either ${name} or ${not}, not both`, SYNTAX);
  }
  return s[name] !== undefined || s[not] !== undefined;
}

function validateStatement(s: unknown, path: string, kind: PolicyKind, emit: Emit): void {
  if (!isObject(s)) return emit(path, 'invalid-statement', 'a statement must be an object', SYNTAX);
  for (const field of Object.keys(s)) {
    if (!STATEMENT_FIELDS.has(field)) emit(`${path}.${field}`, 'unknown-field', `unknown statement field ${JSON.stringify(field)}${didYouMean(field, [...STATEMENT_FIELDS])}`, SYNTAX);
  }
  if (s['Sid'] !== undefined && (typeof s['Sid'] !== 'string' || !/^[a-zA-Z0-9]*$/.test(s['Sid']))) {
    emit(`${path}.Sid`, 'invalid-sid', 'Sid must be a string of letters and digits', SYNTAX);
  }
  if (s['Effect'] === undefined) emit(`${path}.Effect`, 'missing-effect', 'Effect is required', 'Missing required field Effect');
  else if (s['Effect'] !== 'Allow' && s['Effect'] !== 'Deny') {
    emit(`${path}.Effect`, 'invalid-effect', `Effect must be "Allow" or "Deny", not ${JSON.stringify(s['Effect'])}`, SYNTAX);
  }
  const hasPrincipal = checkPair(s, path, 'Principal', emit);
  const principalKey = s['Principal'] !== undefined ? 'Principal' : 'NotPrincipal';
  if (kind === 'trust' || kind === 'resource') {
    if (!hasPrincipal) emit(`${path}.Principal`, 'missing-principal', `a ${kind} policy statement needs a Principal`, 'Missing required field Principal');
    else for (const f of validatePrincipal(s[principalKey], `${path}.${principalKey}`)) emit(f.path, f.code, f.message, f.awsMessage);
  } else if (hasPrincipal) {
    emit(`${path}.${principalKey}`, 'principal-not-allowed', `a ${kind} policy must not name a principal`, 'Policy document should not specify a principal.');
  }
  if (!checkPair(s, path, 'Action', emit)) emit(`${path}.Action`, 'missing-action', 'Action or NotAction is required', 'Missing required field Action');
  for (const k of ['Action', 'NotAction']) if (s[k] !== undefined) checkStringList(s[k], `${path}.${k}`, 'Action', emit, ACTION);
  const hasResource = checkPair(s, path, 'Resource', emit);
  if (kind === 'trust') {
    for (const k of ['Resource', 'NotResource']) {
      if (s[k] !== undefined) emit(`${path}.${k}`, 'resource-not-allowed', `a trust policy has no ${k}: the role is the resource`, `Has prohibited field ${k}`);
    }
  } else if (!hasResource) {
    emit(`${path}.Resource`, 'missing-resource', 'Resource or NotResource is required', 'Missing required field Resource');
  } else {
    for (const k of ['Resource', 'NotResource']) if (s[k] !== undefined) checkStringList(s[k], `${path}.${k}`, 'Resource', emit);
  }
  if (s['Condition'] !== undefined) {
    for (const f of validateCondition(s['Condition'], `${path}.Condition`)) emit(f.path, f.code, f.message, f.awsMessage, f.severity);
  }
}

export function validatePolicy(doc: unknown, kind: PolicyKind): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const emit: Emit = (path, code, message, awsMessage, severity = 'error') => {
    const f: PolicyFinding = { path, severity, code, message };
    if (awsMessage !== undefined) f.awsMessage = awsMessage;
    findings.push(f);
  };
  if (!isObject(doc)) {
    emit('$', 'invalid-document', 'a policy document must be a JSON object', SYNTAX);
    return findings;
  }
  for (const field of Object.keys(doc)) if (!TOP_FIELDS.has(field)) emit(field, 'unknown-field', `unknown top-level field ${JSON.stringify(field)}${didYouMean(field, [...TOP_FIELDS])}`, SYNTAX);
  if (doc['Version'] === undefined) {
    emit('Version', 'missing-version', 'no Version: AWS assumes 2008-10-17, where policy variables are not replaced', undefined, 'warning');
  } else if (typeof doc['Version'] !== 'string' || !VERSIONS.has(doc['Version'])) {
    emit('Version', 'invalid-version', `Version must be "2012-10-17" or "2008-10-17", not ${JSON.stringify(doc['Version'])}`, SYNTAX);
  }
  const raw = doc['Statement'];
  if (raw === undefined) {
    emit('Statement', 'missing-statement', 'Statement is required', 'Missing required field Statement');
    return findings;
  }
  if (!Array.isArray(raw) && !isObject(raw)) {
    emit('Statement', 'invalid-statement', 'Statement must be an object or an array of objects', SYNTAX);
    return findings;
  }
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) emit('Statement', 'empty-statement', 'Statement is an empty list', SYNTAX);
  const sids = new Set<string>();
  list.forEach((s, i) => {
    const path = Array.isArray(raw) ? `Statement[${i}]` : 'Statement';
    validateStatement(s, path, kind, emit);
    const sid = isObject(s) ? s['Sid'] : undefined;
    if (typeof sid === 'string' && sid !== '') {
      if (sids.has(sid)) emit(`${path}.Sid`, 'duplicate-sid', `Sid ${JSON.stringify(sid)} is used twice`, SYNTAX);
      sids.add(sid);
    }
  });
  return findings;
}

/** Grammar of Principal / NotPrincipal values. */
import type { PolicyFinding } from './types.js';

const BUILT_IN_FEDERATED = new Set(['accounts.google.com', 'cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com']);
const AWS_PRINCIPAL = /^(\*|\d{12}|arn:aws[\w-]*:iam::\d{12}:(root|user\/.+|role\/.+)|arn:aws[\w-]*:sts::\d{12}:(assumed-role|federated-user)\/.+)$/;
const FEDERATED_PRINCIPAL = /^arn:aws[\w-]*:iam::\d{12}:(oidc-provider|saml-provider)\/.+$/;
const SERVICE_PRINCIPAL = /^([a-z0-9-]+\.)+amazonaws\.com(\.cn)?$|^\*$/;

const CHECKS: Record<string, (v: string) => boolean> = {
  AWS: (v) => AWS_PRINCIPAL.test(v),
  Federated: (v) => FEDERATED_PRINCIPAL.test(v) || BUILT_IN_FEDERATED.has(v),
  Service: (v) => SERVICE_PRINCIPAL.test(v),
  CanonicalUser: (v) => /^[0-9a-f]{64}$/.test(v),
};

function error(path: string, code: string, message: string, awsMessage?: string): PolicyFinding {
  const f: PolicyFinding = { path, severity: 'error', code, message };
  if (awsMessage !== undefined) f.awsMessage = awsMessage;
  return f;
}

export function validatePrincipal(value: unknown, path: string): PolicyFinding[] {
  if (value === '*') return [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [error(path, 'invalid-principal', 'Principal must be "*" or an object such as {"Federated": "<provider ARN>"}', 'Syntax errors in policy.')];
  }
  const findings: PolicyFinding[] = [];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) findings.push(error(path, 'invalid-principal', 'Principal is an empty object', 'Syntax errors in policy.'));
  for (const [type, raw] of entries) {
    const check = CHECKS[type];
    const p = `${path}.${type}`;
    if (!check) {
      findings.push(error(p, 'invalid-principal-type', `unknown principal type ${JSON.stringify(type)} (use AWS, Federated, Service or CanonicalUser)`, 'Syntax errors in policy.'));
      continue;
    }
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.length === 0) findings.push(error(p, 'invalid-principal', `${type} lists no principal`, 'Syntax errors in policy.'));
    list.forEach((v, i) => {
      const vp = Array.isArray(raw) ? `${p}[${i}]` : p;
      if (typeof v !== 'string') {
        findings.push(error(vp, 'invalid-principal', `${type} principal must be a string`, 'Syntax errors in policy.'));
      } else if (!check(v)) {
        findings.push(error(vp, 'invalid-principal', `${JSON.stringify(v)} is not a valid ${type} principal`, `Invalid principal in policy: ${JSON.stringify(type)}:${JSON.stringify(v)}`));
      }
    });
  }
  return findings;
}

/** Step 1 (reference §2.1): the request's parameters, checked as the STS API model constrains them. */
import { StsRefusal } from '../sts-error.js';
import { MSG } from '../messages.js';
import {
  maxLength, maxValue, minLength, minValue, notNull, pattern, validationMessage, type Violation,
} from './validation-messages.js';

export interface AssumeParams {
  roleArn: string;
  roleSessionName: string;
  token: string;
  durationSeconds: number;
  /** true when the caller sent DurationSeconds (the default 3600 is not checked against the role) */
  durationGiven: boolean;
  policy?: string;
  policyArns: string[];
}

const SESSION_NAME = /^[\w+=,.@-]*$/;

function lengthViolations(field: string, value: string | null, min: number, max: number, sensitive = false): Violation[] {
  if (value === null) return [{ field, value: null, constraint: notNull }];
  const shown = sensitive ? undefined : value;
  if (value.length < min) return [{ field, value: shown, constraint: minLength(min) }];
  if (value.length > max) return [{ field, value: shown, constraint: maxLength(max) }];
  return [];
}

function policyArnsOf(params: URLSearchParams): string[] {
  const arns: string[] = [];
  for (let i = 1; params.has(`PolicyArns.member.${i}.arn`); i++) arns.push(params.get(`PolicyArns.member.${i}.arn`) ?? '');
  return arns;
}

export function checkRequestParams(params: URLSearchParams): AssumeParams {
  // the pipeline's decoder gave each parameter once
  const roleArn = params.get('RoleArn');
  const roleSessionName = params.get('RoleSessionName');
  const token = params.get('WebIdentityToken');
  const providerId = params.get('ProviderId');
  const policy = params.get('Policy');
  const durationRaw = params.get('DurationSeconds');
  const policyArns = policyArnsOf(params);

  const violations: Violation[] = [
    ...lengthViolations('roleArn', roleArn, 20, 2048),
    ...lengthViolations('roleSessionName', roleSessionName, 2, 64),
    ...(roleSessionName !== null && !SESSION_NAME.test(roleSessionName)
      ? [{ field: 'roleSessionName', value: roleSessionName, constraint: pattern('[\\w+=,.@-]*') }]
      : []),
    ...lengthViolations('webIdentityToken', token, 4, 20000, true),
    ...(providerId !== null ? lengthViolations('providerId', providerId, 4, 2048) : []),
    ...(policyArns.length > 10 ? [{ field: 'policyArns', value: undefined, constraint: maxLength(10) }] : []),
    ...(policy !== null ? lengthViolations('policy', policy, 1, 2048) : []),
  ];
  let durationSeconds = 3600;
  if (durationRaw !== null) {
    // AWS's integer: decimal digits only (`1e3`, `0x400`, `3600.0` are no integers to it)
    durationSeconds = /^-?\d{1,10}$/.test(durationRaw) ? Number(durationRaw) : Number.NaN;
    if (!Number.isInteger(durationSeconds) || durationSeconds < 900) {
      violations.push({ field: 'durationSeconds', value: durationRaw, constraint: minValue(900) });
    } else if (durationSeconds > 43200) {
      violations.push({ field: 'durationSeconds', value: durationRaw, constraint: maxValue(43200) });
    }
  }
  if (violations.length > 0) {
    const fields = [...new Set(violations.map((v) => v.field))].join(', ');
    throw new StsRefusal('ValidationError', validationMessage(violations), [
      `The request's parameters break the STS API constraints (${fields}), so STS rejects it before reading the token.`,
    ]);
  }
  if (providerId !== null) {
    throw new StsRefusal('ValidationError', MSG.providerIdForOidc, [
      'ProviderId was sent, but it is only for OAuth 2.0 providers (Amazon, Facebook), never for an OIDC provider.',
    ]);
  }
  return {
    roleArn: roleArn as string,
    roleSessionName: roleSessionName as string,
    token: token as string,
    durationSeconds,
    durationGiven: durationRaw !== null,
    ...(policy !== null ? { policy } : {}),
    policyArns,
  };
}

/** Values that must never reach a report file: a compact JWT, access keys, a secret value, a session token. */
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export const CANARY_JWT = `${b64({ alg: 'RS256', kid: 'id-canary' })}.${b64({ sub: 'https://github.com/acme/app', aud: ['sts.amazonaws.com'] })}.c2lnbmF0dXJlLWNhbmFyeS1zaWduYXR1cmU`;
export const CANARY_ALG_NONE_JWT = `${b64({ alg: 'none' })}.${b64({ sub: 'x' })}.`;
export const CANARY_ACCESS_KEY = 'AKIAIOSFODNN7CANARY1';
export const CANARY_SESSION_KEY = 'ASIAZZZZCANARY000001';
export const CANARY_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1';
export const CANARY_SECRET_VALUE = 'postgres://app:canary-Pa55word@db.internal:5432/app';

export const ALL_CANARIES = [CANARY_JWT, CANARY_ALG_NONE_JWT, CANARY_ACCESS_KEY, CANARY_SESSION_KEY, CANARY_SECRET_ACCESS_KEY, CANARY_SECRET_VALUE];

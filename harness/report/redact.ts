/**
 * The last line of defence before anything is written: producers must not put secrets into the model, and
 * this removes what slips through anyway. Applied to the whole model, object keys included.
 */
import type { RunReport } from './model.js';

export interface RedactOptions {
  /** known secret values (e.g. every scenario secret's value): replaced wherever they occur */
  secretValues?: readonly string[];
}

/** A compact JWS/JWT: a base64url JSON header (`{"`, `{ `, `{\n`), payload, optional signature. */
const COMPACT_JWT = /(?:eyJ|eyA|ewo)[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g;
/** 40 base64 characters mixing cases and digits, on their own: the shape of a secret access key. */
const SECRET_ACCESS_KEY = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** Very long base64 runs: session tokens. Nothing a reader needs is shaped like this. */
const LONG_BASE64 = /[A-Za-z0-9/+_-]{200,}={0,2}/g;

export const REDACTED = {
  token: '[redacted: token]',
  accessKey: '[redacted: access key]',
  secretKey: '[redacted: secret key]',
  secret: '[redacted: secret value]',
  blob: '[redacted: credential]',
} as const;

export function redactText(text: string, options: RedactOptions = {}): string {
  let out = text;
  const secrets = [...new Set(options.secretValues ?? [])].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of secrets) out = out.split(secret).join(REDACTED.secret);
  return out
    .replace(COMPACT_JWT, REDACTED.token)
    .replace(LONG_BASE64, REDACTED.blob)
    .replace(ACCESS_KEY_ID, REDACTED.accessKey)
    .replace(SECRET_ACCESS_KEY, (m) => (/[a-z]/.test(m) && /[A-Z]/.test(m) && /[0-9]/.test(m) ? REDACTED.secretKey : m));
}

/** Deep copy of any JSON value with every string (values and keys) passed through redactText. */
export function redactValue<T>(value: T, options: RedactOptions = {}): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, options);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, child]) => [redactText(k, options), walk(child)]));
    }
    return v;
  };
  return walk(value) as T;
}

export function redact(report: RunReport, options: RedactOptions = {}): RunReport {
  return redactValue(report, options);
}

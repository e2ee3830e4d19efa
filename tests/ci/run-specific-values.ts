/**
 * Two runs of the same scenarios never write byte-identical reports: durations and clock readings, the IdP's
 * fresh signing key id, random token claims (jti, c_hash) and moto's random secret ARN suffixes differ.
 * These helpers replace exactly those values, so that what is left must be equal.
 */
const RANDOM_CLAIMS = new Set(['kid', 'jti', 'c_hash', 'at_hash', 'nonce']);
const TIMING_KEYS = new Set(['startedAt', 'finishedAt', 'durationMs']);
/** unix seconds of this era (2020..2033) */
const UNIX_SECONDS = /(?<!\d)1[6-9]\d{8}(?!\d)/g;
/** AWS appends 6 random characters to a secret's name in its ARN */
const SECRET_ARN_SUFFIX = /(:secret:[A-Za-z0-9/_+=.@-]+?)-[A-Za-z0-9]{6}\b/g;
const KEY_ID = /\bid-[0-9a-f]{64}\b/g;

export function normalizeText(text: string): string {
  return text.replace(UNIX_SECONDS, '<unix-seconds>').replace(SECRET_ARN_SUFFIX, '$1-<suffix>').replace(KEY_ID, '<key-id>');
}

/** results.json without its timing fields, run-specific values replaced. */
export function normalizeResults(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (typeof value === 'number') return /^1[6-9]\d{8}$/.test(String(value)) ? '<unix-seconds>' : value;
  if (Array.isArray(value)) return value.map(normalizeResults);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !TIMING_KEYS.has(k))
      .map(([k, v]) => [k, RANDOM_CLAIMS.has(k) ? '<random>' : normalizeResults(v)]),
  );
}

export function normalizeJunit(xml: string): string {
  return normalizeText(xml.replace(/ time="[0-9.]+"/g, ' time="<s>"'));
}

export function normalizeTrustMatrix(html: string): string {
  return normalizeText(html)
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · [0-9.]+ s/g, '<run time>')
    .replace(/(&quot;(?:kid|jti|c_hash|at_hash|nonce)&quot;(?:<\/span>)?: (?:<span class="j-str">)?)&quot;[^&]*&quot;/g, '$1<random>');
}

/** application/x-www-form-urlencoded text into parameters, refusing what AWS's Query parser would not take. */
export type FormResult = { ok: true; params: Map<string, string> } | { ok: false; fault: 'malformed' | 'duplicate'; name?: string };

/** `drop`: names that are not parameters (a presigned URL's X-Amz-* signature fields) */
export function parseForm(text: string, drop: ReadonlySet<string> = new Set()): FormResult {
  const params = new Map<string, string>();
  if (text === '') return { ok: true, params };
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    if (name === undefined || value === undefined) return { ok: false, fault: 'malformed' };
    if (drop.has(name)) continue;
    if (params.has(name)) return { ok: false, fault: 'duplicate', name };
    params.set(name, value);
  }
  return { ok: true, params };
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

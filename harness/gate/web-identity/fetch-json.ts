/** One discovery/JWKS fetch: loopback only (via the issuer map), bounded by a timeout. */
import type { IssuerMap } from '../../idp/types.js';
import type { FetchLike } from '../types.js';

export class KeySourceUnavailable extends Error {
  override readonly name = 'KeySourceUnavailable';
}

export async function fetchJson(url: string, issuers: IssuerMap, fetch: FetchLike, timeoutMs: number): Promise<unknown> {
  const local = issuers.toLocal(url);
  if (local === undefined) throw new KeySourceUnavailable(`${url} is not served on loopback, so it is unreachable`);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new KeySourceUnavailable(`${url} did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([fetch(local, { signal: controller.signal }), timeout]);
    if (!response.ok) throw new KeySourceUnavailable(`${url} answered HTTP ${response.status}`);
    const text = await Promise.race([response.text(), timeout]);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new KeySourceUnavailable(`${url} did not return valid JSON`);
    }
  } catch (e) {
    if (e instanceof KeySourceUnavailable) throw e;
    throw new KeySourceUnavailable(`${url} could not be fetched (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts a mock IdP from environment variables (the container's configuration). */
import { HarnessError } from '../errors.js';
import type { ProfileName } from '../scenario/model.js';
import { createMockIdp } from './mock-idp.js';
import type { MockIdp } from './types.js';

export interface ServedIssuer {
  issuer: string;
  profile: ProfileName;
  options?: Record<string, unknown>;
}

export const ENV_ISSUERS = 'IDP_ISSUERS';
export const ENV_PORT = 'IDP_PORT';
export const ENV_HOST = 'IDP_HOST';
/** bearer secret of the /_mock control API; unset: a random one (control closed) */
export const ENV_CONTROL_SECRET = 'IDP_CONTROL_SECRET';

export function parseIssuersEnv(value: string | undefined): ServedIssuer[] {
  if (value === undefined || value.trim() === '') return [];
  try {
    const parsed = JSON.parse(value) as ServedIssuer[];
    if (!Array.isArray(parsed)) throw new Error('not an array');
    return parsed;
  } catch (e) {
    throw new HarnessError('USAGE', `${ENV_ISSUERS} must be a JSON array of {issuer, profile, options}: ${(e as Error).message}`);
  }
}

export async function serveFromEnv(env: NodeJS.ProcessEnv): Promise<MockIdp> {
  const issuers = parseIssuersEnv(env[ENV_ISSUERS]);
  const idp = await createMockIdp({ port: Number(env[ENV_PORT] ?? 0), host: env[ENV_HOST] ?? '127.0.0.1',
    ...(env[ENV_CONTROL_SECRET] ? { controlSecret: env[ENV_CONTROL_SECRET] } : {}),
  });
  for (const { issuer, profile, options } of issuers) idp.serve(issuer, profile, options);
  return idp;
}

/** Random same-account Secrets Manager read setups (identity, resource, boundary, session policies). */
import type { PolicyJson } from '../../../harness/policy/index.js';
import type { Prng } from './prng.js';

export const ACCOUNT = '123456789012';
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/acme`;
export const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/acme/ws-1`;
export const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`;
export const GET = 'secretsmanager:GetSecretValue';

const ACTIONS = [GET, 'secretsmanager:*', 'secretsmanager:Get*', 's3:GetObject', '*', 'secretsmanager:DescribeSecret'];
const RESOURCES = ['*', SECRET, `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-*`, `arn:aws:secretsmanager:*:${ACCOUNT}:secret:web-*`];
const PRINCIPALS: unknown[] = [{ AWS: ROLE }, { AWS: SESSION }, { AWS: `arn:aws:iam::${ACCOUNT}:root` }, { AWS: ACCOUNT }, '*', { AWS: `arn:aws:iam::${ACCOUNT}:role/other` }];

function statement(rng: Prng, withPrincipal: boolean): Record<string, unknown> {
  return {
    Effect: rng.chance(0.8) ? 'Allow' : 'Deny',
    ...(withPrincipal && { Principal: rng.pick(PRINCIPALS) }),
    [rng.chance(0.9) ? 'Action' : 'NotAction']: rng.pick(ACTIONS),
    [rng.chance(0.9) ? 'Resource' : 'NotResource']: rng.pick(RESOURCES),
  };
}

function policy(rng: Prng, withPrincipal = false): PolicyJson {
  return { Version: '2012-10-17', Statement: Array.from({ length: rng.int(1, 2) }, () => statement(rng, withPrincipal)) };
}

export interface ReadSetup {
  identity: PolicyJson[];
  resource?: PolicyJson;
  boundary?: PolicyJson;
  session?: PolicyJson;
}

export function randomReadSetup(rng: Prng): ReadSetup {
  const setup: ReadSetup = { identity: Array.from({ length: rng.int(0, 2) }, () => policy(rng)) };
  if (rng.chance(0.5)) setup.resource = policy(rng, true);
  if (rng.chance(0.3)) setup.boundary = policy(rng);
  if (rng.chance(0.3)) setup.session = policy(rng);
  return setup;
}

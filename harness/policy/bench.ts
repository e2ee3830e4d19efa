/** A micro benchmark of evaluatePolicy on a realistic trust policy (used by `npm run bench`). */
import { evaluatePolicy } from './evaluate.js';
import type { PolicyJson, PolicyRequest } from './types.js';

const PROVIDER = 'arn:aws:iam::123456789012:oidc-provider/api.gitpod.io/idp';

export const BENCH_TRUST_POLICY: PolicyJson = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'GitpodAcme',
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' },
        StringLike: { 'api.gitpod.io/idp:sub': ['https://github.com/acme/app*', 'https://github.com/acme/infra/*'] },
      },
    },
    {
      Sid: 'GitpodMfa',
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
      Condition: { 'ForAnyValue:StringLike': { 'api.gitpod.io/idp:amr': ['mfa', 'hwk*'] }, StringEquals: { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com' } },
    },
    {
      Sid: 'DenyForks',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sts:*',
      Condition: { StringLike: { 'api.gitpod.io/idp:sub': '*/pull/*' } },
    },
  ],
};

const REQUESTS: PolicyRequest[] = ['https://github.com/acme/app', 'https://github.com/evil/app', 'https://github.com/acme/app/pull/3'].map((sub) => ({
  principal: { kind: 'federated', provider: PROVIDER },
  action: 'sts:AssumeRoleWithWebIdentity',
  resource: 'arn:aws:iam::123456789012:role/acme-deploy',
  context: { 'api.gitpod.io/idp:aud': 'sts.amazonaws.com', 'api.gitpod.io/idp:sub': sub, 'api.gitpod.io/idp:amr': ['pwd'] },
}));

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Runs evaluations for about `durationMs` of this process's CPU time; returns evaluations per CPU second,
 * so a busy machine (other processes on the cores) does not distort the one-core figure.
 */
export function benchmarkEvaluations(durationMs: number): number {
  let count = 0;
  const start = cpuMs();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (let i = 0; i < 1000; i++) evaluatePolicy(BENCH_TRUST_POLICY, REQUESTS[i % REQUESTS.length]!);
    count += 1000;
    elapsed = cpuMs() - start;
  }
  return Math.round(count / (elapsed / 1000));
}

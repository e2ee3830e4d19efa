/** One case in, one CaseResult out: mint, assume through the endpoint, read, compare. */
import { AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { CaseSpec, Scenario } from '../scenario/model.js';
import type { CaseDetails, CaseResult } from '../report/model.js';
import type { MintedToken } from '../idp/types.js';
import type { RunContext } from './context.js';
import { allowed, outcomeOfError, type StepOutcome } from './outcome.js';
import { secretsClientFor, stsClientFor } from './clients.js';
import { defaultSessionName } from './session-name.js';
import { compareOutcomes } from './compare.js';

interface Assumed {
  outcome: StepOutcome;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

export function resolveRoleArn(ctx: RunContext, role: string): string {
  if (role.startsWith('arn:')) return role;
  const arn = ctx.provisioned.roleArns[role];
  if (!arn) throw new TypeError(`role ${role} was not provisioned`);
  return arn;
}

export async function runCase(ctx: RunContext, scenario: Scenario, spec: CaseSpec): Promise<CaseResult> {
  const started = Date.now();
  const roleArn = resolveRoleArn(ctx, spec.assume.role);
  const details: CaseDetails = { role: spec.assume.role, roleArn, assumptions: [] };
  const issuer = scenario.idp.issuer;
  const faulted = spec.idpFaults.length > 0;
  let minted: MintedToken | undefined;
  try {
    if (faulted) startFaults(ctx, issuer, spec);
    minted = await ctx.idp.mint({
      profile: scenario.idp.profile,
      issuer: spec.token.issuer ?? issuer,
      claims: spec.token.claims,
      audience: spec.token.audience,
      expiresIn: spec.token.expiresIn,
      tamper: spec.token.tamper,
      options: scenario.idp.options,
    });
    details.token = { header: minted.header, claims: minted.claims, tamper: spec.token.tamper };
    const assumed = await assume(ctx, spec, roleArn, minted);
    const explanation = explain(ctx, assumed.outcome, details);
    const reads: Record<string, StepOutcome> = {};
    if (assumed.credentials && spec.reads.length > 0) {
      if (spec.advanceClockBeforeReads) ctx.clock.advance(spec.advanceClockBeforeReads);
      for (const secret of spec.reads) {
        reads[secret] = await read(ctx, secret, assumed.credentials, spec.tamperReadSignature === true);
      }
      details.reads = {};
      for (const [secret, outcome] of Object.entries(reads)) {
        const readExplanation = explain(ctx, outcome, details);
        details.reads[secret] = { outcome: outcome.outcome, message: outcome.message, explanation: readExplanation };
        explanation.push(...readExplanation.map((line) => `read ${secret}: ${line}`));
      }
    }
    details.durationMs = Date.now() - started;
    return compareOutcomes(scenario, spec, assumed.outcome, reads, explanation, details);
  } catch (error) {
    return errorResult(scenario, spec, error, details);
  } finally {
    ctx.clock.reset();
    if (faulted) stopFaults(ctx, issuer);
  }
}

async function assume(ctx: RunContext, spec: CaseSpec, roleArn: string, minted: MintedToken): Promise<Assumed> {
  try {
    const response = await stsClientFor(ctx.endpoint, ctx.region).send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: spec.assume.sessionName ?? defaultSessionName(minted.claims, ctx.clock),
        WebIdentityToken: minted.token,
        DurationSeconds: spec.assume.durationSeconds,
        Policy: spec.assume.policy ? JSON.stringify(spec.assume.policy) : undefined,
      }),
    );
    const c = response.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      return { outcome: { outcome: 'MalformedResponse', message: 'AssumeRoleWithWebIdentity returned no credentials' } };
    }
    return {
      outcome: allowed(response.$metadata.requestId),
      credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken },
    };
  } catch (error) {
    return { outcome: outcomeOfError(error) };
  }
}

async function read(
  ctx: RunContext,
  secret: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
  tamperSignature: boolean,
): Promise<StepOutcome> {
  const client = secretsClientFor(ctx.endpoint, ctx.region, credentials, { tamperSignature, clock: ctx.clock });
  try {
    const response = await client.send(new GetSecretValueCommand({ SecretId: secret }));
    return allowed(response.$metadata.requestId);
  } catch (error) {
    return outcomeOfError(error);
  }
}

/** The gate's explanation of the decision behind `outcome`, found by the request id the client saw. */
function explain(ctx: RunContext, outcome: StepOutcome, details: CaseDetails): string[] {
  const decision = outcome.requestId ? ctx.gate?.decision(outcome.requestId) : undefined;
  if (!decision) {
    if (outcome.outcome === 'allowed') return ['the target allowed the request'];
    return [`the target answered ${outcome.outcome}${outcome.message ? `: ${outcome.message}` : ''}`];
  }
  if (decision.trust && !details.trust) details.trust = decision.trust;
  for (const name of decision.assumptionsUsed) {
    if (!details.assumptions?.includes(name)) details.assumptions?.push(name);
  }
  return [...decision.explanation];
}

function startFaults(ctx: RunContext, issuer: string, spec: CaseSpec): void {
  ctx.idp.setFaults(issuer, spec.idpFaults);
  ctx.gate?.invalidateKeys(issuer);
}

function stopFaults(ctx: RunContext, issuer: string): void {
  ctx.idp.setFaults(issuer, []);
  ctx.gate?.invalidateKeys(issuer);
}

function errorResult(scenario: Scenario, spec: CaseSpec, error: unknown, details: CaseDetails): CaseResult {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return caseNotRun(scenario, spec, message, details);
}

/** A case that could not be run: status `error`, the scenario's expectations, the reason in observed.message. */
export function caseNotRun(scenario: Scenario, spec: CaseSpec, reason: string, details?: CaseDetails): CaseResult {
  return {
    scenario: scenario.id,
    case: spec.name,
    status: 'error',
    expected: { assume: spec.expect.assume, reads: spec.expect.reads, ...(spec.expect.message ? { message: spec.expect.message } : {}) },
    observed: { assume: null, message: reason, reads: Object.fromEntries(spec.reads.map((s) => [s, null])) },
    explanation: [`the case could not be run: ${reason}`],
    details: details ?? { role: spec.assume.role },
  };
}

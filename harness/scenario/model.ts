/**
 * A loaded, validated scenario: what the rest of the harness consumes. Policy file references are already
 * read and `${AccountId}` / `${ProviderArn}` substituted. The zod schema (schema.ts) is the source of
 * truth for the YAML; this is its resolved form.
 */
import type { PolicyJson } from '../policy/types.js';

export type ProfileName = 'gitpod' | 'gitpod-flex' | 'github-actions' | 'gitlab' | 'generic';

/** Token tampering a case can ask the mock IdP for (contract + issue 6 extensions). */
export type TamperKind =
  | 'signature'
  | 'alg-none'
  | 'hs256'
  | 'unknown-kid'
  | 'foreign-key'
  | 'no-kid'
  | 'wrong-typ'
  | 'non-integer-exp'
  | 'nbf-future'
  | 'iat-future'
  | 'oversize'
  | 'jku-header'
  | 'x5u-header'
  | 'enc-key';

/** Faults the mock IdP's HTTP side commits while a case runs (issue 6). */
export type IdpFault =
  | 'discovery-500'
  | 'discovery-timeout'
  | 'discovery-invalid-json'
  | 'discovery-missing-jwks-uri'
  | 'jwks-other-host'
  | 'jwks-500'
  | 'jwks-timeout'
  | 'jwks-invalid-json'
  | 'rotate-after-mint'
  | 'jwks-over-100-keys';

export interface ScenarioIdp {
  profile: ProfileName;
  issuer: string;
  /** profile options, e.g. gitpod `subFormat: key-value`, `subKeys: [org_id, context]` */
  options: Record<string, unknown>;
}

export interface ProviderSpec {
  url: string;
  clientIds: string[];
  thumbprints: string[];
}

export interface RoleSpec {
  name: string;
  trustPolicy: PolicyJson;
  policies: PolicyJson[];
  /** managed policies to create and attach */
  managedPolicies: { name: string; document: PolicyJson }[];
  permissionsBoundary?: PolicyJson;
  maxSessionDuration?: number;
  /** probe findings fail the run when true (issue 7) */
  strict: boolean;
}

export interface SecretSpec {
  name: string;
  value: string;
  resourcePolicy?: PolicyJson;
}

export interface TokenSpec {
  /** merged over the profile's defaults; null removes a claim */
  claims: Record<string, unknown>;
  audience?: string[] | string;
  issuer?: string;
  expiresIn?: number;
  tamper?: TamperKind;
}

export interface AssumeSpec {
  /** a role name from aws.roles, or a full role ARN */
  role: string;
  sessionName?: string;
  durationSeconds?: number;
  policy?: PolicyJson;
}

/** 'allowed' or an AWS error code */
export type ExpectedOutcome = string;

export interface CaseSpec {
  name: string;
  token: TokenSpec;
  assume: AssumeSpec;
  reads: string[];
  /** IdP faults active while this case runs */
  idpFaults: IdpFault[];
  /** seconds to move the harness clock forward after the assume and before the reads */
  advanceClockBeforeReads?: number;
  /** tamper with the SigV4 signature of the reads (issue 4) */
  tamperReadSignature?: boolean;
  expect: {
    assume: ExpectedOutcome;
    message?: string;
    reads: Record<string, ExpectedOutcome>;
  };
  /** where this case sits in its file, for messages: `cases[3]` */
  path: string;
}

export interface Scenario {
  id: string;
  title: string;
  /** absolute path of the scenario file */
  file: string;
  idp: ScenarioIdp;
  aws: {
    accountId: string;
    region: string;
    providers: ProviderSpec[];
    roles: RoleSpec[];
    secrets: SecretSpec[];
  };
  cases: CaseSpec[];
}

export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

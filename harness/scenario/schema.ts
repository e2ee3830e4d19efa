/**
 * The zod schema of `*.scenario.yaml` files: the source of truth for the format (public contract in
 * docs/scenario-format.md, plus the documented extension keys). Objects are strict so that a
 * misspelt key is an error. `npm run schema` turns this into scenarios/scenario.schema.json.
 */
import { z } from 'zod';
import type { IdpFault, ProfileName, TamperKind } from './model.js';

export const PROFILES = ['gitpod', 'gitpod-flex', 'github-actions', 'gitlab', 'generic'] as const satisfies readonly ProfileName[];

export const TAMPER_KINDS = [
  'signature', 'alg-none', 'hs256', 'unknown-kid', 'foreign-key', 'no-kid', 'wrong-typ', 'non-integer-exp',
  'nbf-future', 'iat-future', 'oversize', 'jku-header', 'x5u-header', 'enc-key',
] as const satisfies readonly TamperKind[];

export const IDP_FAULTS = [
  'discovery-500', 'discovery-timeout', 'discovery-invalid-json', 'discovery-missing-jwks-uri', 'jwks-other-host',
  'jwks-500', 'jwks-timeout', 'jwks-invalid-json', 'rotate-after-mint', 'jwks-over-100-keys',
] as const satisfies readonly IdpFault[];

const oneOf = (what: string, values: readonly string[]) => (issue: { input?: unknown }) =>
  `unknown ${what} ${JSON.stringify(issue.input)}; valid: ${values.join(', ')}`;

const policy = z
  .union([z.record(z.string(), z.unknown()), z.string().min(1)], {
    error: 'expected a policy document (a JSON/YAML object) or a path to a JSON file relative to this file',
  })
  .describe('An IAM policy document, or the path of a JSON file holding one (relative to the scenario file)');

const secondsInt = z.number().int();

const provider = z
  .strictObject({
    url: z.url().optional().describe('Issuer URL of the IAM OIDC provider (default: idp.issuer)'),
    clientIds: z.array(z.string()).optional().describe('Audiences (client ids) the provider accepts (default: [sts.amazonaws.com])'),
    thumbprints: z
      .array(z.string().regex(/^[0-9a-fA-F]{40}$/, 'a thumbprint is 40 hex digits'))
      .optional()
      .describe('Extension: server certificate thumbprints (40 hex digits each); default one of 40 zeros'),
  })
  .describe('An IAM OIDC identity provider to create');

const managedPolicy = z
  .strictObject({
    name: z.string().min(1).describe('Name of the customer managed policy'),
    document: policy,
  })
  .describe('Extension: a customer managed policy created and attached to the role');

const role = z.strictObject({
  name: z.string().min(1).describe('Role name'),
  trustPolicy: policy.describe('Trust policy (AssumeRolePolicyDocument): an object or a path to a JSON file'),
  policies: z.array(policy).optional().describe('Inline identity policies (PutRolePolicy)'),
  managedPolicies: z.array(managedPolicy).optional().describe('Extension: managed policies to create and attach'),
  permissionsBoundary: policy.optional().describe('Permissions boundary (created as a managed policy)'),
  maxSessionDuration: z.number().int().min(3600).max(43200).optional().describe('MaxSessionDuration in seconds (3600..43200)'),
  strict: z.boolean().optional().describe('Extension: when true, probe findings on this role fail the run'),
});

const secret = z.strictObject({
  name: z.string().min(1).describe('Secret name'),
  value: z.string().describe('SecretString; never printed in reports'),
  resourcePolicy: policy.optional().describe('Resource policy (PutResourcePolicy)'),
});

const token = z
  .strictObject({
    claims: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Claims merged over the profile's defaults; null removes a claim"),
    audience: z.union([z.string(), z.array(z.string())]).optional().describe('aud (default: the profile default)'),
    issuer: z.string().optional().describe('Override of the iss claim'),
    expiresIn: secondsInt.optional().describe('Seconds from now; negative = already expired'),
    tamper: z.enum(TAMPER_KINDS, { error: oneOf('tamper kind', TAMPER_KINDS) }).optional().describe('How to damage the token (signature | alg-none | hs256 | unknown-kid | foreign-key | no-kid; the others are extensions)'),
  })
  .describe('How the mock IdP mints this case\'s token');

const assume = z.strictObject({
  role: z.string().min(1).describe('A role name from aws.roles, or a full role ARN'),
  sessionName: z.string().optional().describe('RoleSessionName (default: the profile default)'),
  durationSeconds: secondsInt.optional().describe('DurationSeconds'),
  policy: policy.optional().describe('Session policy'),
});

const expectation = z.string().min(1).describe("'allowed' or an AWS error code");

const testCase = z.strictObject({
  name: z.string().min(1).describe('Unique within the file'),
  token: token.optional(),
  assume,
  reads: z.array(z.string()).optional().describe('Secrets (names from aws.secrets) read with the assumed credentials'),
  idp: z
    .strictObject({
      faults: z.array(z.enum(IDP_FAULTS, { error: oneOf('IdP fault', IDP_FAULTS) })).describe('Faults the mock IdP commits'),
    })
    .optional()
    .describe('Extension: IdP misbehaviour while this case runs'),
  clock: z
    .strictObject({
      advanceBeforeReads: secondsInt.describe('Seconds to move the harness clock forward after the assume, before the reads'),
    })
    .optional()
    .describe('Extension: clock control'),
  tamperReadSignature: z.boolean().optional().describe('Extension: damage the SigV4 signature of the reads'),
  expect: z.strictObject({
    assume: expectation.describe("Outcome of AssumeRoleWithWebIdentity: 'allowed' or an STS error code"),
    message: z.string().optional().describe('The exact AWS error message expected'),
    reads: z.record(z.string(), expectation).optional().describe("Per secret: 'allowed' or a Secrets Manager error code"),
  }),
});

export const ScenarioFileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'an id is lower-case letters, digits and dashes').describe('Unique across a run'),
    title: z.string().optional().describe('Free text (default: the id)'),
    idp: z.strictObject({
      profile: z.enum(PROFILES, { error: oneOf('profile', PROFILES) }).describe('Which IdP the mock imitates'),
      issuer: z.url().describe('The issuer the mock IdP claims; served locally'),
      options: z.record(z.string(), z.unknown()).optional().describe('Extension: profile options, e.g. gitpod subFormat'),
    }),
    aws: z
      .strictObject({
        accountId: z
          .string({ error: 'accountId must be a quoted string of 12 digits, e.g. "123456789012"' })
          .regex(/^\d{12}$/, 'accountId must be 12 digits')
          .optional()
          .describe('Account id (default 123456789012); quote it'),
        region: z.string().min(1).optional().describe('Extension: AWS region (default us-east-1)'),
        providers: z.array(provider).optional().describe('IAM OIDC providers (default: one for idp.issuer)'),
        roles: z.array(role).optional(),
        secrets: z.array(secret).optional(),
      })
      .optional(),
    cases: z.array(testCase).optional(),
  })
  .describe('An aws-oidc-harness scenario: a mock IdP, IAM OIDC providers, roles, secrets and cases');

export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;
export type PolicyValue = z.infer<typeof policy>;

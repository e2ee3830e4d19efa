/** Step 10: the emulator's success response, completed with the fields AWS sends and moto omits. */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { IssuedSession } from '../types.js';
import type { AdmittedAssume } from './checks.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false });
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });

type Xml = Record<string, unknown>;
const obj = (v: unknown): Xml => (typeof v === 'object' && v !== null ? (v as Xml) : {});
/** claims are attacker-shaped JSON: String() of `{"toString":1}` throws */
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

/** AWS's timestamp form: ISO 8601 in UTC without milliseconds. */
export const awsTimestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface RewrittenSuccess {
  body: string;
  session: IssuedSession;
}

export function rewriteSuccess(backendXml: string, admitted: AdmittedAssume, now: Date, requestId: string): RewrittenSuccess {
  const doc = obj(parser.parse(backendXml));
  const response = obj(doc['AssumeRoleWithWebIdentityResponse']);
  const result = obj(response['AssumeRoleWithWebIdentityResult']);
  const credentials = obj(result['Credentials']);
  const { params, role, claims } = admitted;
  const expiration = new Date(now.getTime() + params.durationSeconds * 1000);
  const sessionArn = `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${params.roleSessionName}`;
  const packed = admitted.sessionPolicy || admitted.tags || params.policyArns.length > 0;
  const rewritten: Xml = {
    Credentials: { ...credentials, Expiration: awsTimestamp(expiration) },
    SubjectFromWebIdentityToken: text(claims['sub']),
    AssumedRoleUser: { AssumedRoleId: `${role.roleId}:${params.roleSessionName}`, Arn: sessionArn },
    ...(packed ? { PackedPolicySize: String(admitted.packedPercent) } : {}),
    Provider: text(claims['iss']),
    Audience: admitted.audience,
  };
  const body = builder.build({
    AssumeRoleWithWebIdentityResponse: {
      '@_xmlns': response['@_xmlns'] ?? 'https://sts.amazonaws.com/doc/2011-06-15/',
      AssumeRoleWithWebIdentityResult: rewritten,
      ResponseMetadata: { RequestId: requestId },
    },
  }) as string;
  return {
    body,
    session: {
      accessKeyId: String(credentials['AccessKeyId'] ?? ''),
      secretAccessKey: String(credentials['SecretAccessKey'] ?? ''),
      sessionToken: String(credentials['SessionToken'] ?? ''),
      roleArn: role.arn,
      sessionArn,
      ...(admitted.sessionPolicy ? { sessionPolicy: admitted.sessionPolicy } : {}),
      expiration,
      claims: persistentClaims(admitted),
      providerArn: admitted.provider.arn,
    },
  };
}

/** Only amr, aud, id and sub stay available as condition keys after the assumption (reference §1). */
function persistentClaims({ claims, audience }: AdmittedAssume): Record<string, unknown> {
  const kept: Record<string, unknown> = { aud: audience };
  for (const name of ['amr', 'id', 'sub'] as const) if (claims[name] !== undefined) kept[name] = claims[name];
  return kept;
}

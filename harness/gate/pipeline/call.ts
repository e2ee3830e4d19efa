/** The one canonical form of an AWS call that every stage of the pipeline works on. */
import type { SigV4Authorization } from '../reads/sigv4-authorization.js';
import type { GateRequest } from '../types.js';
import type { JsonObject } from './decode/strict-json.js';

export type Protocol = 'query' | 'json';

interface CallBase {
  kind: 'call';
  /** the signing name of the service: `sts`, `iam`, `secretsmanager`, or another (unmodelled) service */
  service: string;
  /** the operation as AWS names it, e.g. `GetSecretValue` */
  operation: string;
  /** undefined: the request is unsigned (only AssumeRoleWithWebIdentity may be) */
  auth: SigV4Authorization | undefined;
  /** the request as received; read only to verify its signature */
  raw: GateRequest;
}

export interface QueryCall extends CallBase {
  protocol: 'query';
  /** the API version the call names (`2011-06-15` for STS, `2010-05-08` for IAM) */
  version: string;
  /** every parameter but Action and Version, each once */
  params: ReadonlyMap<string, string>;
}

export interface JsonCall extends CallBase {
  protocol: 'json';
  /** `1.0` or `1.1`, from the Content-Type */
  jsonVersion: '1.0' | '1.1';
  /** the X-Amz-Target prefix, e.g. `secretsmanager` */
  targetPrefix: string;
  /** the body, strictly parsed (objects have no prototype) */
  params: JsonObject;
}

export type CanonicalCall = QueryCall | JsonCall;

/** A refusal, before or instead of the backend: AWS's error in the caller's protocol. */
export interface Refusal {
  kind: 'refuse';
  protocol: Protocol;
  service: string;
  status: number;
  code: string;
  message: string;
  /** AWS's auth layer writes `message`, Secrets Manager's own errors `Message` */
  messageField?: 'message' | 'Message';
  /** sentences for the decision's explanation */
  explanation: string[];
  operation?: string;
}

export const refusal = (r: Omit<Refusal, 'kind'>): Refusal => ({ kind: 'refuse', ...r });

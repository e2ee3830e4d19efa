/**
 * Stage 4, forward: the backend receives a request rebuilt from the canonical call (a fresh body in the call's
 * protocol, fresh headers), never the bytes the client sent, so that it executes exactly what was authorized.
 * It is signed with the caller's own credentials (a session's or the administrator's) for the region the
 * caller signed for: emulators select the account and region from the signature (LocalStack by access key id;
 * moto also by the headers of backend.requestHeaders(), which the forwarder adds).
 */
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentials } from '../../../backends/types.js';
import type { GateRequest } from '../../types.js';
import type { CanonicalCall } from '../call.js';

export function rebuiltBody(call: CanonicalCall): { body: Buffer; headers: Record<string, string> } {
  if (call.protocol === 'json') {
    return {
      body: Buffer.from(JSON.stringify(call.params), 'utf8'),
      headers: {
        'content-type': `application/x-amz-json-${call.jsonVersion}`,
        'x-amz-target': `${call.targetPrefix}.${call.operation}`,
      },
    };
  }
  const form = new URLSearchParams([['Action', call.operation], ['Version', call.version], ...call.params]);
  return {
    body: Buffer.from(form.toString(), 'utf8'),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  };
}

/** `credentials` undefined: sent unsigned (AssumeRoleWithWebIdentity) */
export async function rebuild(call: CanonicalCall, credentials: AwsCredentials | undefined, region: string, host: string): Promise<GateRequest> {
  const { body, headers } = rebuiltBody(call);
  const request = new HttpRequest({ method: 'POST', protocol: 'http:', hostname: host, path: '/', headers: { ...headers, host }, body });
  if (!credentials) return toGateRequest(request, body);
  const signer = new SignatureV4({ credentials, region, service: call.service, sha256: Hash.bind(null, 'sha256') });
  return toGateRequest((await signer.sign(request)) as HttpRequest, body);
}

function toGateRequest(request: HttpRequest, body: Buffer): GateRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  return { method: 'POST', url: '/', headers, body };
}

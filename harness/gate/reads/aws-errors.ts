/**
 * Errors in the wire protocol of the service that was called: AWS JSON (Secrets Manager and other
 * `x-amz-target` services) or Query XML (STS, IAM). The AWS SDK v3 reads `__type` and `message`/`Message`
 * from JSON errors, and `Error.Code`/`Error.Message` from Query errors.
 */
import type { GateRequest } from '../types.js';

export type WireProtocol = 'json' | 'query';

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function wireProtocolOf(request: GateRequest): WireProtocol {
  if (request.headers['x-amz-target'] !== undefined) return 'json';
  return (request.headers['content-type'] ?? '').includes('json') ? 'json' : 'query';
}

/** AWS's auth layer writes `message`; Secrets Manager's own errors write `Message`. */
export function jsonError(
  status: number,
  code: string,
  message: string,
  requestId: string,
  messageField: 'message' | 'Message' = 'Message',
): ErrorResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
    body: JSON.stringify({ __type: code, [messageField]: message }),
  };
}

const QUERY_NAMESPACES: Readonly<Record<string, string>> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
};

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function queryError(status: number, code: string, message: string, requestId: string, service: string): ErrorResponse {
  const namespace = QUERY_NAMESPACES[service];
  const open = namespace ? `<ErrorResponse xmlns="${namespace}">` : '<ErrorResponse>';
  const body =
    `${open}<Error><Type>Sender</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`;
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

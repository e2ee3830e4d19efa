/**
 * Decoding refusals. Codes are AWS's; the messages are [obs] where AWS's wording is known and [chosen]
 * otherwise (a documented assumption: AWS's exact text for these malformed requests is not confirmed).
 */
import { refusal, type Protocol, type Refusal } from '../call.js';

export const DECODE_MESSAGES = {
  /** [chosen] */
  notAnAwsPath: 'The requested path is not an AWS API endpoint.',
  /** [chosen] */
  notQuery: 'A Query request must be a POST with an application/x-www-form-urlencoded body or a GET with a query string.',
  /** [chosen] */
  missingAction: 'Missing Action',
  /** [obs] STS and IAM: an Action the API version does not have */
  unknownAction: (action: string, version: string) => `Could not find operation ${action} for version ${version}`,
  /** [chosen] */
  duplicateParameter: (name: string) => `The parameter ${name} is given more than once.`,
  /** [chosen] */
  actionInUrlAndBody: 'Parameters in the URL and in a form-encoded body must not be combined.',
  /** [chosen] */
  malformedQuery: 'The query string or form body is not valid percent-encoded UTF-8.',
  /** [chosen] */
  unknownOperation: (target: string) => `The operation ${target} is not known.`,
  /** [chosen] */
  notJson: 'A call with X-Amz-Target must be a POST with Content-Type application/x-amz-json-1.0 or 1.1.',
  /** [chosen] */
  serialization: (why: string) => `The request body is not valid JSON: ${why}.`,
  /** [chosen] */
  tooLarge: (limit: number) => `The request body is larger than ${limit} bytes.`,
  /** [chosen] */
  wrongProtocol: (service: string) => `${service} does not accept this protocol.`,
} as const;

export function queryRefusal(status: number, code: string, message: string, why: string, service = 'sts'): Refusal {
  return refusal({ protocol: 'query', service, status, code, message, explanation: [`Refused before the backend: ${why}`] });
}

export function jsonRefusal(status: number, code: string, message: string, why: string, service = 'secretsmanager'): Refusal {
  return refusal({ protocol: 'json', service, status, code, message, explanation: [`Refused before the backend: ${why}`] });
}

export function refusalIn(protocol: Protocol, status: number, code: { query: string; json: string }, message: string, why: string): Refusal {
  return protocol === 'json' ? jsonRefusal(status, code.json, message, why) : queryRefusal(status, code.query, message, why);
}

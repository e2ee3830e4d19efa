/** Turning SDK results and errors into the contract's observed outcomes. */

export interface StepOutcome {
  /** 'allowed' or the AWS error code */
  outcome: string;
  message: string | null;
  requestId?: string;
  httpStatus?: number;
}

interface SdkErrorShape {
  name?: unknown;
  Code?: unknown;
  message?: unknown;
  $metadata?: { requestId?: string; httpStatusCode?: number };
}

/** The AWS error code of an SDK v3 error (its `name`), with the message and request id AWS sent. */
export function outcomeOfError(error: unknown): StepOutcome {
  const e = (error ?? {}) as SdkErrorShape;
  const code = typeof e.Code === 'string' ? e.Code : typeof e.name === 'string' ? e.name : 'UnknownError';
  return {
    outcome: code,
    message: typeof e.message === 'string' ? e.message : null,
    requestId: e.$metadata?.requestId,
    httpStatus: e.$metadata?.httpStatusCode,
  };
}

export function allowed(requestId?: string): StepOutcome {
  return { outcome: 'allowed', message: null, requestId };
}

/**
 * Error messages the gate returns. Those marked [obs] are AWS's observed wording (contract: do not edit);
 * those marked [chosen] are the gate's own wording where AWS's is unknown (documented assumptions).
 */
export const MSG = {
  /** [obs] */
  noProvider: (iss: string) => `No OpenIDConnect provider found in your account for ${iss}`,
  /** [obs] */
  missingAud: 'Missing a required claim: aud',
  /** [chosen] by analogy with the observed aud message */
  missingExp: 'Missing a required claim: exp',
  /** [obs] */
  incorrectAudience: 'Incorrect token audience',
  /** [obs] two spaces after the comma, as AWS sends it */
  noVerificationKey:
    "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
  /** [obs] unix seconds, no space before the second number */
  expired: (nowSeconds: number, expSeconds: number) =>
    `Token expired: current date/time ${nowSeconds} must be before the expiration date/time${expSeconds}`,
  /** [chosen] the IdP's discovery document or JWKS could not be fetched (assumption idpFetchFailureIsInvalidIdentityToken off) */
  idpCommunication: (issuer: string) => `Couldn't communicate with the identity provider ${issuer}`,
  /** [obs] */
  rolesClaim: 'The target role ARN is not present in the roles claim of the identity token',
  /** [obs] */
  notAuthorized: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
  /** [obs] AssumeRole by a session (role chaining) with DurationSeconds above 3600 */
  chainedDuration: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
  /** [doc] */
  maxSessionDuration: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
  /** [chosen] a token that is not a compact JWS with JSON header and claims */
  malformedToken: 'The ID token provided is not a valid JWT',
  /** [chosen] the signature does not verify with the issuer's key */
  badSignature: 'The signature of the ID token could not be verified',
  /** [chosen] alg is none, HS*, or anything outside RS/ES 256/384/512 */
  unsupportedAlg: (alg: string) => `The ID token is signed with an unsupported algorithm: ${alg}`,
  /** [chosen] exp/nbf/iat that are not integers */
  nonIntegerTime: (claim: string) => `The ${claim} claim of the ID token must be an integer`,
  /** [chosen] exp/nbf/iat past 9999-12-31 or beyond 2^53 (assumption refuseTimeClaimsBeyondYear9999) */
  unrealTime: (claim: string) => `The ${claim} claim of the ID token is not a real date`,
  /** [obs] "Token too old: 441398" was seen (as ExpiredTokenException); that the number is the age in seconds is [?] */
  tooOld: (ageSeconds: number) => `Token too old: ${ageSeconds}`,
  /** [chosen] a claim AWS documents as a string that is not one (assumption refuseNonStringSub) */
  nonStringClaim: (claim: string) => `The ${claim} claim of the ID token must be a string`,
  /** [chosen] nbf in the future beyond the skew allowance */
  notYetValid: 'The ID token is not yet valid',
  /** [chosen] iat in the future beyond the skew allowance */
  issuedInFuture: 'The ID token was issued in the future',
  /** [chosen] session tags requested without sts:TagSession in the trust policy (AccessDenied) */
  tagSessionDenied: 'Not authorized to perform sts:TagSession',
  /** [chosen] malformed tags claim or tag limits */
  invalidTags: (why: string) => `Invalid session tags in the identity token: ${why}`,
  /** [chosen] ProviderId given for an OIDC token */
  providerIdForOidc: 'ProviderId must not be specified for an OpenID Connect identity provider',
  /** [chosen] session policy that is not JSON */
  sessionPolicyNotJson: 'The policy is not in the valid JSON format.',
  /** [chosen] IAM's wording (AttachRolePolicy) for a managed session policy ARN that does not exist */
  noSuchSessionPolicy: (arn: string) => `Policy ${arn} does not exist or is not attachable.`,
  /** [obs, IAM] fallback when the validator gives no AWS wording */
  syntaxErrors: 'Syntax errors in policy.',
  /** [obs] AWS reports packed size as a percentage of the allotment */
  packedTooLarge: (percent: number) =>
    `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
} as const;

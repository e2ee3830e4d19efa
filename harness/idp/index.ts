/** The mock identity provider's public surface. */
export { createMockIdp } from './mock-idp.js';
export { connectMockIdp } from './remote.js';
export { PROFILES, profileNamed } from './profiles/index.js';
export type { IdpProfile } from './profiles/index.js';
export { issuerLocalPath } from './issuer-map.js';
export { TAMPER_KINDS } from './tamper.js';
export { FAULT_KINDS } from './faults.js';
export type { IssuerMap, MintRequest, MintedToken, MockIdp, MockIdpOptions } from './types.js';

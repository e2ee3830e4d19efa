/** Public types of the mock identity provider (harness/idp). */
import type { Clock } from '../clock.js';
import type { IdpFault, ProfileName, TamperKind } from '../scenario/model.js';

/** Maps the issuer URLs tokens claim (https://api.gitpod.io/idp) to where the mock listens (loopback). */
export interface IssuerMap {
  /** the loopback base URL serving `issuer`, or undefined when the issuer is not served here */
  localBase(issuer: string): string | undefined;
  /**
   * Rewrites any URL under a served issuer (discovery, jwks_uri) to its loopback address; undefined for
   * URLs outside every served issuer (the gate must then refuse to fetch them: only loopback is reachable).
   */
  toLocal(url: string): string | undefined;
}

export interface MintRequest {
  profile: ProfileName;
  /** the `iss` claim */
  issuer: string;
  /**
   * the served issuer whose keys sign (default: `issuer`). An issuer the mock does not serve signs with a
   * key that no JWKS publishes, as a stranger's IdP would.
   */
  signingIssuer?: string;
  /** merged over the profile's defaults; a null value removes the claim */
  claims?: Record<string, unknown>;
  audience?: string[] | string;
  /** seconds from the clock's now; negative = already expired */
  expiresIn?: number;
  tamper?: TamperKind;
  /** profile options from the scenario's idp section */
  options?: Record<string, unknown>;
}

export interface MintedToken {
  /** the compact JWS. Never log or report it. */
  token: string;
  /** decoded protected header (for reports) */
  header: Record<string, unknown>;
  /** decoded claims (for reports) */
  claims: Record<string, unknown>;
}

export interface MockIdp extends AsyncDisposable {
  readonly issuers: IssuerMap;
  /** loopback origin of the HTTP server, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** makes the mock serve `issuer` (idempotent) with the given profile */
  serve(issuer: string, profile: ProfileName, options?: Record<string, unknown>): void;
  mint(request: MintRequest): Promise<MintedToken>;
  /** faults the HTTP side commits from now on, for `issuer` (empty list clears them) */
  setFaults(issuer: string, faults: readonly IdpFault[]): void;
  /** adds a fresh signing key for `issuer` (as a new replica would); old keys stay listed until dropped */
  rotateKeys(issuer: string, options?: { dropOld?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface MockIdpOptions {
  clock?: Clock;
  /** port to listen on (0 = any free port) */
  port?: number;
  /** bind address: 127.0.0.1 unless told otherwise (only the container entry binds 0.0.0.0 inside its container) */
  host?: string;
  /**
   * bearer secret of the /_mock control API (mint, serve, faults, rotate); omitted: a random one nobody
   * knows, so only this process drives the IdP (through its methods)
   */
  controlSecret?: string;
}

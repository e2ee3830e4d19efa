/** Entry of the IdP container (bundled by container.ts): serve the issuers in IDP_ISSUERS until SIGTERM. */
import { serveFromEnv } from './serve-env.js';

const idp = await serveFromEnv(process.env);
console.log(`mock IdP listening on ${idp.origin}`);
const stop = (): void => void idp.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

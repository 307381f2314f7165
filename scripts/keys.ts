// `npm run keys`: makes an Ed25519 key pair for signing the integrity manifest (docs/offline.md).
// The private key goes in the build's SIGNING_KEY (a CI secret: whoever holds it can make readers
// trust a mirror's pages); the public half is built into the service worker from it.
import { generateSigningKeys } from '../src/lib/offline/integrity.ts';

const { privateKey, publicKey } = await generateSigningKeys();
console.info(`SIGNING_KEY=${privateKey}

Keep this line secret: set it as the build's SIGNING_KEY (a secret of the CI that builds the site,
never in the repository). Readers' service workers will then trust a newer manifest signed with it
from a mirror. Its public half, built into the worker: ${publicKey}`);

// The one place the app imports zod from. zod 4 compiles object parsers with `new Function` unless
// `jitless` is set, and it decides when each schema is built: under the CSP (no 'unsafe-eval') that
// probe is reported as a violation in the browser console, and on the Edge it is refused. Importing
// zod through this module sets the flag before any schema in any bundle (client, server, Edge) is
// created; eslint refuses a direct `import … from 'zod'` elsewhere.
import { z } from 'zod';

z.config({ jitless: true });

export { z };

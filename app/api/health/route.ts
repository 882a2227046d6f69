import { handler } from '@/lib/auth/guards';
import { db } from '@/lib/db';
import { pingDatabase } from '@/lib/db/client';
import { json } from '@/lib/http';
import type { z } from '@/lib/validation/zod';
import type { healthSchema } from '@/lib/validation/responses';

/**
 * 200 when the app and its database answer; 503 (via the guard's error mapping) when the database
 * does not. Like every API route it skips the middleware; its guard adds the CORS headers.
 */
export const GET = handler({ auth: 'none' }, async () => {
  await pingDatabase(await db());
  return json({ status: 'ok' } satisfies z.output<typeof healthSchema>);
});

import { handler } from '@/lib/auth/guards';
import { openApiDocument } from '@/lib/openapi';

// Rendered once, at build time. A public document that no credential changes, so any origin may
// read it (a Swagger UI elsewhere): `*`, which browsers never combine with credentials.
export const dynamic = 'force-static';

export const GET = handler({ auth: 'none' }, async () =>
  Response.json(openApiDocument, { headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' } }),
);

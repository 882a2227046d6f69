import { handler } from '@/lib/auth/guards';
import { openApiDocument } from '@/lib/openapi';

export const dynamic = 'force-static';

export const GET = handler({ auth: 'none' }, async () =>
  Response.json(openApiDocument, { headers: { 'Cache-Control': 'public, max-age=300' } }),
);

import { health } from '@/lib/db';

export function GET() {
  health();
  return Response.json({ status: 'ok' });
}

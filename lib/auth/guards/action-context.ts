// Request facts for server actions, which get no Request object: only headers() and cookies().
import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { isSecureRequest } from '../http';
import { originProblem, type OriginPolicy } from '../http';
import { requestMeta, type RequestMeta } from '../http';

export interface ActionContext {
  secure: boolean;
  origin: string;
  /** The client's address (when a trusted proxy vouches for it) and user agent. */
  meta: RequestMeta;
  /** The CSRF verdict for this action: null when the request came from our own pages. */
  originProblem: (policy: OriginPolicy) => ReturnType<typeof originProblem>;
}

export async function actionContext(): Promise<ActionContext> {
  const h = await headers();
  const config = env();
  const secure = isSecureRequest(h, config.APP_URL);
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const origin = config.APP_URL ? new URL(config.APP_URL).origin : `${secure ? 'https' : 'http'}://${host}`;
  return {
    secure,
    origin,
    meta: requestMeta(h, config.TRUST_PROXY),
    originProblem: (policy) => originProblem(h, origin, policy),
  };
}

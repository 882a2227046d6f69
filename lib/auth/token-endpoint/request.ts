// The OAuth 2.0 token endpoint's grammar (RFC 6749 §4.3 password grant, §6 refresh grant,
// §5.1 success and §5.2 error responses); the bodies' schemas are in lib/validation/oauth.ts. The
// token lifecycle itself is in tokens.ts.
import 'server-only';
import type { z } from '@/lib/validation/zod';
import { passwordGrantSchema, refreshGrantSchema, type OAuthErrorJson, type tokenRequestSchema } from '@/lib/validation/oauth';
import { AppError } from '@/lib/errors';
import { MAX_JSON_BYTES, readLimited } from '@/lib/http';

/** The codes this module raises (the route answers `temporarily_unavailable` itself). */
export type OAuthErrorCode = Exclude<OAuthErrorJson['error'], 'temporarily_unavailable'>;

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

/** RFC 6749 §5.1/§5.2 require no-store on every token endpoint response. */
export const TOKEN_RESPONSE_HEADERS = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

export function oauthError(error: OAuthError): Response {
  return Response.json(
    { error: error.code, error_description: error.description } satisfies OAuthErrorJson,
    { status: error.status, headers: { ...TOKEN_RESPONSE_HEADERS, ...error.headers } },
  );
}

export type TokenRequest = z.infer<typeof tokenRequestSchema>;

/** Reads a token request, form-encoded (the standard) or JSON (convenient for scripts). */
export async function readTokenRequest(request: Request): Promise<TokenRequest> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const text = await readLimited(request, MAX_JSON_BYTES).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 413) throw new OAuthError('invalid_request', 'The request body is too large.', 413);
    throw error;
  });

  let fields: Record<string, unknown>;
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(text);
    // RFC 6749 §3.2: parameters must not be repeated.
    for (const key of new Set(params.keys())) {
      if (params.getAll(key).length > 1) throw new OAuthError('invalid_request', `The parameter ${key} is repeated.`);
    }
    fields = Object.fromEntries(params);
  } else if (/^application\/json\s*(;|$)/.test(type)) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      fields = parsed as Record<string, unknown>;
    } catch {
      throw new OAuthError('invalid_request', 'The request body is not a JSON object.');
    }
  } else {
    throw new OAuthError('invalid_request', 'Send application/x-www-form-urlencoded (or JSON).', 415);
  }

  const grantType = fields.grant_type;
  if (typeof grantType !== 'string' || grantType.length === 0) throw new OAuthError('invalid_request', 'grant_type is required.');
  const schema = grantType === 'password' ? passwordGrantSchema : grantType === 'refresh_token' ? refreshGrantSchema : null;
  if (!schema) throw new OAuthError('unsupported_grant_type', `The grant type "${grantType.slice(0, 40)}" is not supported.`);
  const result = schema.safeParse(fields);
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((issue) => issue.path.join('.')))].join(', ');
    throw new OAuthError('invalid_request', `Missing or invalid parameter(s): ${names}.`);
  }
  return result.data;
}

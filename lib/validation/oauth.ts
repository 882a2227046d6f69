// The OAuth 2.0 token endpoint's bodies as zod schemas (RFC 6749 §4.3 password grant, §6 refresh
// grant, §5.1 success and §5.2 error responses): the endpoint parses its grants with them and the
// OpenAPI document is generated from all four.
import { z } from '@/lib/validation/zod';
import { API_SCOPES } from '@/lib/auth/tokens/scopes';
import { emailSchema, PASSWORD_MAX_BYTES, utf8Length } from './auth';

export const passwordGrantSchema = z.object({
  grant_type: z.literal('password'),
  username: emailSchema.meta({ description: 'the email address' }),
  password: z
    .string()
    .min(1)
    .refine((p) => utf8Length(p) <= PASSWORD_MAX_BYTES),
  scope: z.string().max(200).optional(),
});

export const refreshGrantSchema = z.object({
  grant_type: z.literal('refresh_token'),
  refresh_token: z.string().min(1).max(4096),
  scope: z.string().max(200).optional(),
});

export const tokenRequestSchema = z.union([passwordGrantSchema, refreshGrantSchema]);

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.int().meta({ description: 'seconds' }),
  refresh_token: z.string(),
  scope: z.string().meta({ description: 'space-separated API scopes the access token carries', examples: [API_SCOPES.join(' ')] }),
});

export const OAUTH_ERROR_CODES = ['invalid_request', 'invalid_grant', 'unsupported_grant_type', 'invalid_scope', 'slow_down', 'temporarily_unavailable'] as const;

export const oauthErrorSchema = z.object({ error: z.enum(OAUTH_ERROR_CODES), error_description: z.string() });

export type TokenResponseJson = z.output<typeof tokenResponseSchema>;
export type OAuthErrorJson = z.output<typeof oauthErrorSchema>;

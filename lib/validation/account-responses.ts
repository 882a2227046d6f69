// What the account JSON API (/api/account/*), the mail-driven flows and the outbox cron answer, as
// zod schemas. The OpenAPI document's response bodies are generated from them; the data layer's
// views are their types (or the handler checks its answer with `satisfies`).
import { z } from '@/lib/validation/zod';
import { API_SCOPES } from '@/lib/auth/tokens/scopes';

const instant = () => z.iso.datetime();

export const okSchema = z.object({ ok: z.literal(true) });

/** POST /api/auth/password/reset: every sign-in and API token of the account ended. */
export const passwordResetSchema = z.object({ ok: z.literal(true), sessionsEnded: z.int(), apiTokensRevoked: z.int() });

/** POST /api/auth/email/confirm: what the link did. */
export const emailConfirmedSchema = z.object({ ok: z.literal(true), kind: z.enum(['verified', 'changed']), email: z.email() });

export const sessionSchema = z.object({
  id: z.string(),
  device: z.string().meta({ description: 'A readable browser and system, from the User-Agent' }),
  userAgent: z.string(),
  ipAddress: z.string().nullable(),
  createdAt: instant(),
  lastRefreshedAt: instant(),
  current: z.boolean().meta({ description: 'The sign-in making this request' }),
});
export const sessionsSchema = z.object({ sessions: z.array(sessionSchema) });

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(API_SCOPES)),
  createdAt: instant(),
  expiresAt: instant(),
  lastUsedAt: instant().nullable(),
  revokedAt: instant().nullable(),
});
export const apiTokensSchema = z.object({ tokens: z.array(apiTokenSchema) });
/** POST /api/account/tokens: the token string is in this answer only. */
export const createdApiTokenSchema = z.object({ token: z.string(), apiToken: apiTokenSchema });

/** POST /api/account/password: how many other sign-ins and API tokens ended. */
export const passwordChangedSchema = z.object({ sessionsEnded: z.int(), apiTokensRevoked: z.int() });

export const auditEventSchema = z.object({
  id: z.string(),
  type: z.string().meta({ examples: ['login_succeeded'] }),
  label: z.string(),
  detail: z.string().nullable(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: instant(),
});
export const activitySchema = z.object({ events: z.array(auditEventSchema), nextCursor: z.string().nullable() });

export const linkedProviderSchema = z.object({
  provider: z.string().meta({ description: 'the issuer URL, or `github`; the id to disconnect' }),
  key: z.string().nullable().meta({ description: 'the configured provider, or null when it is no longer configured' }),
  label: z.string(),
  email: z.string().nullable(),
  linkedAt: instant(),
  lastUsedAt: instant().nullable(),
});
export const providersSchema = z.object({
  providers: z.array(linkedProviderSchema),
  available: z.array(z.object({ key: z.string(), label: z.string(), linked: z.boolean() })),
});

/** GET /api/cron/outbox: what this run did with the due mail. */
export const deliveryReportSchema = z.object({ sent: z.int(), retrying: z.int(), failed: z.int() });

export type SessionJson = z.output<typeof sessionSchema>;
export type ApiTokenJson = z.output<typeof apiTokenSchema>;
export type AuditEventJson = z.output<typeof auditEventSchema>;
export type LinkedProviderJson = z.output<typeof linkedProviderSchema>;
export type DeliveryReportJson = z.output<typeof deliveryReportSchema>;

import { z } from '@/lib/validation/zod';
import { API_SCOPES } from '@/lib/auth/tokens/scopes';
import { API_TOKEN_TTL_DAYS } from '@/lib/validation/limits';

export { API_TOKEN_TTL_DAYS };

export const createApiTokenSchema = z
  .object({
    name: z
      .string({ error: 'Name the token.' })
      .transform((s) => s.normalize('NFKC').trim())
      .pipe(z.string().min(1, 'Name the token.').max(60, 'Names are at most 60 characters.')),
    scopes: z.array(z.enum(API_SCOPES, { error: 'Unknown scope.' }), { error: 'Choose at least one scope.' }).min(1, 'Choose at least one scope.').max(API_SCOPES.length),
    ttlDays: z.coerce
      .number({ error: 'Choose an expiry.' })
      .refine((d) => (API_TOKEN_TTL_DAYS as readonly number[]).includes(d), 'Choose an expiry from the list.'),
  })
  .strict();
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

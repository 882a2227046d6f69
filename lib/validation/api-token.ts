import { z } from '@/lib/validation/zod';
import { API_SCOPES } from '@/lib/auth/tokens/scopes';
import { API_TOKEN_TTL_DAYS } from '@/lib/validation/limits';
import { idText, lineOfText } from '@/lib/validation/text';

export { API_TOKEN_TTL_DAYS };

export const createApiTokenSchema = z
  .object({
    name: lineOfText({ required: 'Name the token.', max: 60, tooLong: 'Names are at most 60 characters.' }),
    scopes: z.array(z.enum(API_SCOPES, { error: 'Unknown scope.' }), { error: 'Choose at least one scope.' }).min(1, 'Choose at least one scope.').max(API_SCOPES.length),
    ttlDays: z.coerce
      .number({ error: 'Choose an expiry.' })
      .refine((d) => (API_TOKEN_TTL_DAYS as readonly number[]).includes(d), 'Choose an expiry from the list.'),
  })
  .strict();
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

/** DELETE /api/account/tokens/:id: an id that cannot be a token's is a token that does not exist (404). */
export const apiTokenIdSchema = idText({ required: 'No such API token.', unknown: 'No such API token.', max: 100 });

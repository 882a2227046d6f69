import { z } from '@/lib/validation/zod';

/** The tamper demo's request: an edited payload, as a JSON object of modest size. */
export const MAX_EDITED_PAYLOAD_CHARS = 2048;

export const verifyEditSchema = z.object({
  payload: z
    .record(z.string(), z.unknown())
    .refine((value) => JSON.stringify(value).length <= MAX_EDITED_PAYLOAD_CHARS, `The payload must be at most ${MAX_EDITED_PAYLOAD_CHARS} characters of JSON.`),
});

export type VerifyEditInput = z.infer<typeof verifyEditSchema>;

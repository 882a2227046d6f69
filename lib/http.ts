// JSON responses, errors and request bodies for route handlers.
//
// Every handler is wrapped in route(): an AppError becomes its JSON error; an unreachable
// database becomes 503 (never a sign-out); text the database refused (a NUL, an encoding error)
// becomes 400 invalid_request; anything else is logged and answered with a bare 500
// that carries no stack trace or database text.
import 'server-only';
import type { z } from '@/lib/validation/zod';
import { AppError, badRequest, invalidValue, serviceUnavailable, type FieldErrors } from '@/lib/errors';
import { isDatabaseUnavailable, isInvalidValue } from '@/lib/db/errors';

/** JSON bodies of this API are small; a larger body is refused before it is parsed. */
export const MAX_JSON_BYTES = 16 * 1024;

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  return Response.json(body, { ...init, headers });
}

export function errorResponse(error: AppError): Response {
  const body: { error: { code: string; message: string; fields?: FieldErrors } } = {
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
  };
  return json(body, { status: error.status, headers: error.headers });
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorResponse(error);
  if (isDatabaseUnavailable(error)) {
    console.error('[db] unavailable:', (error as Error).message);
    return errorResponse(serviceUnavailable());
  }
  if (isInvalidValue(error)) {
    // The input should have been refused before the query: say so in the log, without the value.
    console.warn('[db] refused a value of the request:', (error as Error).name);
    return errorResponse(invalidValue());
  }
  console.error('[http] unexpected error:', error);
  return errorResponse(new AppError(500, 'internal_error', 'Something went wrong on our side.'));
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so that no input can produce an unshaped error or a stack trace. */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      // redirect() and notFound() from next/navigation work by throwing: let them through.
      if (error instanceof Error && typeof (error as { digest?: unknown }).digest === 'string') throw error;
      return toErrorResponse(error);
    }
  };
}

/** zod's flattened field errors, in the API's error shape. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/**
 * The body as text, refused with 413 once it passes `limit` bytes: by Content-Length before
 * reading, and while reading (a chunked body declares no length), so an oversized body is never
 * buffered whole.
 */
export async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new AppError(413, 'payload_too_large', `The request body must be at most ${limit} bytes.`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new AppError(413, 'payload_too_large', `The request body must be at most ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Parses a JSON body with a zod schema: 415 for another content type, 413 too big, 400 invalid. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  assertJsonBody(request);
  return parseJson(await readLimited(request, MAX_JSON_BYTES), schema);
}

/**
 * For a route whose body is optional: null when the request carries none (nothing, or only
 * whitespace, whatever its Content-Type: what clients sent before the body existed); otherwise
 * the same rules as readJson (415 unless JSON, the size limit, 400 for bad JSON or fields).
 */
export async function readOptionalJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | null> {
  const text = await readLimited(request, MAX_JSON_BYTES);
  if (text.trim() === '') return null;
  assertJsonBody(request);
  return parseJson(text, schema);
}

function assertJsonBody(request: Request): void {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    throw new AppError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
}

function parseJson<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  const result = schema.safeParse(data);
  if (!result.success) throw badRequest('Some fields are invalid.', fieldErrors(result.error));
  return result.data;
}

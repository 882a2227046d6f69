// fetch() for the few client components that call the JSON API (passkeys need JavaScript): JSON
// in and out, and the API's error message thrown as an Error with its code.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function postJson<T = unknown>(path: string, body: unknown, method = 'POST'): Promise<T> {
  const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  if (!response.ok) throw new ApiError(response.status, data.error?.code ?? 'error', data.error?.message ?? 'Something went wrong. Try again.');
  return data as T;
}

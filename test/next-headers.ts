// next/headers for integration tests of code that reads the request through it (pages, server
// actions): headers() and cookies() answer from `request.headers`, which a test sets. Use with
//   vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);
// (vi.mock is hoisted above imports, so the factory imports this module itself.)
// `cookiesSetHere` stands for cookies a server action set earlier in the same action: Next's
// cookies() sees them at once, the raw Cookie header does not.
export const request: { headers: Headers; cookiesSetHere: Record<string, string> } = { headers: new Headers(), cookiesSetHere: {} };

export const nextHeaders = {
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => {
      if (Object.hasOwn(request.cookiesSetHere, name)) return { name, value: request.cookiesSetHere[name]! };
      const pair = (request.headers.get('cookie') ?? '').split('; ').find((p) => p.startsWith(`${name}=`));
      return pair ? { name, value: pair.slice(name.length + 1) } : undefined;
    },
  }),
};

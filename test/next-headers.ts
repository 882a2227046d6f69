// next/headers for integration tests of code that reads the request through it (pages, server
// actions): headers() and cookies() answer from `request.headers`, which a test sets. Use with
//   vi.mock('next/headers', async () => (await import('@/test/next-headers')).nextHeaders);
// (vi.mock is hoisted above imports, so the factory imports this module itself.)
export const request: { headers: Headers } = { headers: new Headers() };

export const nextHeaders = {
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => {
      const pair = (request.headers.get('cookie') ?? '').split('; ').find((p) => p.startsWith(`${name}=`));
      return pair ? { name, value: pair.slice(name.length + 1) } : undefined;
    },
  }),
};

// The exact shape of the credentials a request may carry: `Authorization: Bearer <token>` (the
// whole header, one token of the RFC 6750 token68 alphabet, any number of spaces after the
// scheme) and a cookie pair `name=value`. Anything else is no credential, never part of one.
import { describe, expect, it } from 'vitest';
import { readCookie, readCredential } from './cookies';

const bearer = (authorization: string) => readCredential(new Headers({ authorization }), false);

describe('the Bearer header', () => {
  it('accepts one token68 value, with one or several spaces after the scheme and trailing spaces', () => {
    expect(bearer('Bearer abc.DEF-_~+/9==')).toEqual({ via: 'bearer', token: 'abc.DEF-_~+/9==' });
    expect(bearer('Bearer  abc')).toEqual({ via: 'bearer', token: 'abc' });
    expect(bearer('bearer abc  ')).toEqual({ via: 'bearer', token: 'abc' });
    expect(bearer('Bearer a')).toEqual({ via: 'bearer', token: 'a' });
    expect(bearer('Bearer abc=')).toEqual({ via: 'bearer', token: 'abc=' });
  });

  it('refuses anything around or inside it', () => {
    for (const header of ['XBearer abc', 'Basic Bearer abc', 'Bearer abc def', 'Bearer abc,def', 'Bearer', 'Bearer ', 'Bearerabc', 'Bearer ab=c', 'Bearer =abc', 'Bearer abc\tx']) {
      expect(bearer(header), header).toEqual({ via: 'none' });
    }
  });
});

describe('readCookie', () => {
  it('skips a part without "=", even one that starts with the wanted name', () => {
    expect(readCookie(new Headers({ cookie: 'accessX; theme=dark' }), 'access')).toBeUndefined();
    expect(readCookie(new Headers({ cookie: 'access; access=tok' }), 'access')).toBe('tok');
  });

  it('reads a one-letter name', () => {
    expect(readCookie(new Headers({ cookie: 'a=1; b=2' }), 'a')).toBe('1');
    expect(readCookie(new Headers({ cookie: 'b=2; a=1' }), 'a')).toBe('1');
  });
});

// Who is asking, as far as a sign-in row or an audit event needs to say: the client address
// (only when a trusted proxy vouches for it) and a trimmed User-Agent. Runtime-neutral.
import { clientAddress } from './client-address';

export interface RequestMeta {
  ipAddress: string | null;
  userAgent: string;
}

export function requestMeta(headers: Headers, trustProxy: boolean): RequestMeta {
  const userAgent = (headers.get('user-agent') ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 300);
  return { ipAddress: clientAddress(headers, trustProxy), userAgent: userAgent || 'unknown' };
}

/** "Chrome on Linux", "curl", …: enough to recognise one's own devices. */
export function describeUserAgent(userAgent: string): string {
  const browser =
    /Edg\//.test(userAgent) ? 'Edge'
    : /Firefox\//.test(userAgent) ? 'Firefox'
    : /(Chrome|Chromium)\//.test(userAgent) ? 'Chrome'
    : /Safari\//.test(userAgent) ? 'Safari'
    : /^curl\//.test(userAgent) ? 'curl'
    : /node|undici|axios|python|Go-http/i.test(userAgent) ? 'a program'
    : 'an unknown browser';
  const system =
    /Android/.test(userAgent) ? 'Android'
    : /iPhone|iPad/.test(userAgent) ? 'iOS'
    : /Windows/.test(userAgent) ? 'Windows'
    : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS'
    : /Linux/.test(userAgent) ? 'Linux'
    : null;
  return system ? `${browser} on ${system}` : browser;
}

// The access cookie exactly as the server sends it (Set-Cookie), derived from the same function
// that sets it, so this page cannot drift from what sign-in does.
import { tokenCookies } from '@/lib/auth/http';

export interface CookieView {
  name: string;
  attributes: { name: string; value: string | null; meaning: string }[];
  /** `name=…; Path=/; Max-Age=900; HttpOnly; SameSite=Lax` (the value elided). */
  setCookie: string;
}

export function accessCookieView(secure: boolean): CookieView {
  const access = tokenCookies({ access: '', refresh: '' }, secure)[0]!;
  const { options } = access;
  const attributes: CookieView['attributes'] = [
    { name: 'Path', value: options.path, meaning: 'Sent with every request to this site, pages and API alike. (The refresh cookie has Path=/api/auth, so pages never receive it.)' },
    { name: 'Max-Age', value: String(options.maxAge), meaning: 'Seconds from when it was set: the browser drops it when the token inside expires.' },
    { name: 'HttpOnly', value: null, meaning: 'JavaScript cannot read it (document.cookie does not show it), so a script injected into a page cannot steal the token. That is why the server renders it for you here.' },
    ...(options.secure
      ? [{ name: 'Secure', value: null, meaning: 'Only sent over HTTPS. With the __Host- name prefix the browser also insists on Path=/ and no Domain.' }]
      : []),
    { name: 'SameSite', value: 'Lax', meaning: 'Not sent on cross-site sub-requests (forms, fetch, images), only on top-level navigations: the first lock against cross-site request forgery. The server also checks Origin.' },
  ];
  const setCookie = [`${access.name}=…`, ...attributes.map((a) => (a.value === null ? a.name : `${a.name}=${a.value}`))].join('; ');
  return { name: access.name, attributes, setCookie };
}

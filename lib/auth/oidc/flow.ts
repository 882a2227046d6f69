// The redirect flow behind GET /api/auth/oidc/start and GET /api/auth/oidc/callback.
//
// start:    pick the provider, make state, nonce and a PKCE verifier, seal them in the `oidc`
//           cookie with what to do afterwards (sign in, link to the signed-in account, or
//           re-authenticate it), and send the browser to the provider.
// callback: open the cookie (and clear it once the code is used: single use; only a trip through
//           the refresh hop for a lapsed access cookie, before the code is used, keeps it), check `state`, let the provider module
//           exchange the code and verify the answer, then apply the linking rules and issue this
//           app's own tokens. Every refusal ends on /login (or /account for a signed-in flow) with
//           a message code: never a 500, never a session.
//
// The callback is a cross-site GET by nature (the provider redirects the browser here), so it is
// exempt from the Origin/Sec-Fetch-Site rule; `state` (bound to this browser by the cookie),
// `nonce` (bound to the ID token) and PKCE (bound to the code) protect it instead.
import 'server-only';
import * as client from 'openid-client';
import { afterResponse } from '@/lib/after-response';
import { recordAuditEvent } from '@/lib/audit';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { enqueueNewBrowserNotice } from '@/lib/mail/notices';
import { guestCartCookiesAfterSignIn } from '@/lib/shop/merge-at-sign-in';
import { browserIdOf, deviceCookie, rememberBrowser } from '../devices';
import type { RequestFacts } from '../guards';
import { appOrigin, cookieNames, originProblem, readCookie, refreshHopUrl, safeNextPath, tokenCookies, type CookieToSet } from '../http';
import { getSession } from '../session';
import { mfaCookie, startSecondStep } from '../second-step';
import { reauthenticate, startSession } from '../sign-ins';
import { hasTotp } from '../totp';
import { requireRecentSignIn } from '../step-up';
import { clearedFlowCookie, flowCookie, flowCookieName, openFlow, sealFlow, type FlowState } from './flow-cookie';
import { assertLinkedTo, linkToUser, resolveSignIn } from './linking';
import { OidcFlowError, type OidcErrorCode } from './messages';
import { ProviderError, findProvider, type SignInProvider } from './providers';

export const CALLBACK_PATH = '/api/auth/oidc/callback';

/** Where a provider sends the browser back: fixed from APP_URL, never from the request's Host. */
export function redirectUri(requestUrl: string): string {
  return appOrigin(requestUrl, env().APP_URL) + CALLBACK_PATH;
}

/** A re-authentication must be a sign-in at the provider after the flow started (clock skew allowed). */
const AUTH_TIME_SKEW_SECONDS = 30;

export interface FlowOutcome {
  location: string;
  cookies: CookieToSet[];
}

type Mode = FlowState['mode'];

function errorTarget(origin: string, mode: Mode, code: OidcErrorCode, next?: string): string {
  if (mode === 'signin') {
    const url = new URL('/login', origin);
    url.searchParams.set('oidc_error', code);
    if (next && next !== '/') url.searchParams.set('next', next);
    return url.toString();
  }
  const url = new URL('/account', origin);
  url.searchParams.set('oidc_error', code);
  return url.toString() + '#providers';
}

function codeOf(error: unknown): OidcErrorCode {
  if (error instanceof OidcFlowError || error instanceof ProviderError) return error.code;
  if (error instanceof AppError && error.code === 'reauth_required') return 'reauth_required';
  if (isDatabaseUnavailable(error)) return 'unavailable';
  console.error('[oidc] unexpected error:', error);
  return 'unavailable';
}

export async function startFlow(request: Request, facts: RequestFacts, nowMs = Date.now()): Promise<FlowOutcome> {
  const url = new URL(request.url);
  const origin = appOrigin(request.url, env().APP_URL);
  const mode: Mode = url.searchParams.get('link') === '1' ? 'link' : url.searchParams.get('reauth') === '1' ? 'reauth' : 'signin';
  const next = safeNextPath(url.searchParams.get('next'), mode === 'signin' ? '/' : '/account');
  const fail = (code: OidcErrorCode): FlowOutcome => ({ location: errorTarget(origin, mode, code, next), cookies: [] });
  try {
    const provider = findProvider(url.searchParams.get('provider'));
    if (!provider) return fail('unknown_provider');

    let bound: Pick<FlowState, 'userId' | 'sid'> = {};
    if (mode !== 'signin') {
      // Linking or confirming changes this account: only from our own pages, by its signed-in owner.
      if (originProblem(request.headers, origin, 'login')) return fail('bad_state');
      const session = await ownerSession(request);
      if (!session) {
        return { location: new URL(`/login?next=${encodeURIComponent('/account')}`, origin).toString(), cookies: [] };
      }
      // Step-up: connecting a provider adds a way into the account, so the sign-in must be recent.
      if (mode === 'link') requireRecentSignIn(session, nowMs);
      if (mode === 'reauth' && !provider.supportsReauth) return fail('reauth_unsupported');
      bound = { userId: session.user.id, sid: session.claims.sid };
    }

    const verifier = client.randomPKCECodeVerifier();
    const flow: FlowState = {
      provider: provider.key,
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier,
      next,
      mode,
      ...bound,
      startedAt: Math.floor(nowMs / 1000),
    };
    const target = await provider.authorizationUrl({
      redirectUri: redirectUri(request.url),
      state: flow.state,
      nonce: flow.nonce,
      codeChallenge: await client.calculatePKCECodeChallenge(verifier),
      reauth: mode === 'reauth',
    });
    return { location: target.toString(), cookies: [flowCookie(await sealFlow(flow, nowMs), facts.secure)] };
  } catch (error) {
    return fail(codeOf(error));
  }
}

export async function finishFlow(request: Request, facts: RequestFacts, nowMs = Date.now()): Promise<FlowOutcome> {
  const origin = appOrigin(request.url, env().APP_URL);
  const cleared = clearedFlowCookie(facts.secure);
  const flow = await openFlow(readCookie(request.headers, flowCookieName(facts.secure)), nowMs);
  if (!flow) return { location: errorTarget(origin, 'signin', 'expired_state'), cookies: [cleared] };
  try {
    const params = new URL(request.url).searchParams;
    if (params.get('state') !== flow.state) throw new OidcFlowError('bad_state');
    const provider = findProvider(flow.provider);
    if (!provider) throw new OidcFlowError('unknown_provider');
    // Linking and confirming belong to the signed-in owner, whose access cookie may have lapsed
    // while they were at the provider (15 minutes; the middleware's refresh hop skips API paths).
    // Renew it through the same hop and come back here, the flow cookie kept, before the code is used.
    if (flow.mode !== 'signin' && (await accessLapsed(request, facts.secure))) {
      return { location: refreshHopUrl(`${new URL(request.url).pathname}?${params.toString()}`, origin).toString(), cookies: [] };
    }
    const uri = redirectUri(request.url);
    const callbackUrl = new URL(uri);
    callbackUrl.search = params.toString();
    const identity = await provider.completeSignIn({
      callbackUrl,
      redirectUri: uri,
      state: flow.state,
      nonce: flow.nonce,
      codeVerifier: flow.verifier,
    });
    if (flow.mode === 'signin') {
      const outcome = await signInWith(request, provider, identity, facts);
      // An account with two-step sign-in: the provider was the first step; the second follows.
      const target = outcome.secondStep ? `/login/two-step?next=${encodeURIComponent(flow.next)}` : flow.next;
      return { location: new URL(target, origin).toString(), cookies: [cleared, ...outcome.cookies] };
    }
    const cookies = await (flow.mode === 'link'
      ? linkWith(request, provider, identity, flow, facts)
      : reauthWith(request, provider, identity, flow, facts, nowMs));
    const location = flow.mode === 'link' ? new URL('/account?oidc=linked#providers', origin).toString() : new URL(flow.next, origin).toString();
    return { location, cookies: [cleared, ...cookies] };
  } catch (error) {
    return { location: errorTarget(origin, flow.mode, codeOf(error), flow.next), cookies: [cleared] };
  }
}

function sessionCookiesFor(tokens: { access: { token: string }; refresh: { token: string } }, secure: boolean): CookieToSet[] {
  return tokenCookies({ access: tokens.access.token, refresh: tokens.refresh.token }, secure);
}

async function signInWith(
  request: Request,
  provider: SignInProvider,
  identity: Awaited<ReturnType<SignInProvider['completeSignIn']>>,
  facts: RequestFacts,
): Promise<{ cookies: CookieToSet[]; secondStep: boolean }> {
  const { userId, how } = await resolveSignIn(provider, identity, facts.meta);
  // Two-step sign-in applies to every way in: no session yet, the `mfa` cookie names the attempt
  // and the second step finishes the sign-in (amr fed + otp), the browser and the cart with it.
  if (await hasTotp(userId)) {
    const { cookie } = await startSecondStep(userId, Date.now(), 'fed');
    return { cookies: [mfaCookie(cookie, facts.secure)], secondStep: true };
  }
  const tokens = await startSession(userId, facts.meta, { amr: ['fed'] });
  // As every browser sign-in: the known-browser cookie (and the owner's notice for a browser new
  // to an existing account), and the guest cart merged into the account's.
  const browser = await rememberBrowser({ userId, browserId: browserIdOf(request.headers, facts.secure) });
  if (browser.newForAccount && how !== 'created') {
    const at = new Date();
    afterResponse(() => enqueueNewBrowserNotice({ userId, userAgent: facts.meta.userAgent, at }));
  }
  const cartCookies = await guestCartCookiesAfterSignIn(request, userId);
  const detail = how === 'created' ? `${provider.label} (account created)` : provider.label;
  await recordAuditEvent({ userId, type: 'sign_in_provider', detail }, facts.meta);
  return { cookies: [...sessionCookiesFor(tokens, facts.secure), deviceCookie(browser.browserId, facts.secure), ...cartCookies], secondStep: false };
}

/**
 * The account's owner, signed in with this browser's cookie and a full sign-in: never a Bearer
 * header, and never a token with a `scope` (a personal API token, or a sign-in narrowed at the
 * token endpoint) copied into the cookie. Linking adds a way into the whole account, which such a
 * token may not reach (the same rule as requireSession for every route that names no scope).
 */
async function ownerSession(request: Request) {
  const session = await getSession(request);
  return session && session.via === 'cookie' && session.claims.scope === undefined ? session : null;
}

/**
 * No good access token at all, but a refresh cookie the refresh hop can renew, and no sign that a
 * hop just failed (it clears the refresh cookie and leaves `refresh-failed`). Any good token ends
 * the hopping, even one that is not the owner's full sign-in (a narrowed one renews as narrowed):
 * the flow then ends with `session_changed`, never a loop.
 */
async function accessLapsed(request: Request, secure: boolean): Promise<boolean> {
  if (await getSession(request)) return false;
  const names = cookieNames(secure);
  return Boolean(readCookie(request.headers, names.refresh)) && readCookie(request.headers, names.hopFailed) === undefined;
}

async function boundSession(request: Request, flow: FlowState) {
  const session = await ownerSession(request);
  if (!session || session.user.id !== flow.userId) throw new OidcFlowError('session_changed');
  return session;
}

async function linkWith(
  request: Request,
  provider: SignInProvider,
  identity: Awaited<ReturnType<SignInProvider['completeSignIn']>>,
  flow: FlowState,
  facts: RequestFacts,
): Promise<CookieToSet[]> {
  const session = await boundSession(request, flow);
  await linkToUser(provider, identity, session.user.id, facts.meta);
  return [];
}

async function reauthWith(
  request: Request,
  provider: SignInProvider,
  identity: Awaited<ReturnType<SignInProvider['completeSignIn']>>,
  flow: FlowState,
  facts: RequestFacts,
  nowMs: number,
): Promise<CookieToSet[]> {
  const session = await boundSession(request, flow);
  if (session.claims.sid !== flow.sid) throw new OidcFlowError('session_changed');
  if (!provider.supportsReauth) throw new OidcFlowError('reauth_unsupported');
  await assertLinkedTo(provider, identity, session.user.id);
  // prompt=login and max_age=0 asked for a fresh sign-in; auth_time says whether it happened.
  if (identity.authTime === undefined || identity.authTime < flow.startedAt - AUTH_TIME_SKEW_SECONDS || identity.authTime > nowMs / 1000 + AUTH_TIME_SKEW_SECONDS) {
    throw new OidcFlowError('reauth_stale');
  }
  // As password and passkey step-up do: the sign-in keeps what it proved before (a second step), plus fed.
  const amr = [...new Set([...(session.claims.amr ?? ['pwd']), 'fed' as const])];
  const tokens = await reauthenticate({ userId: session.user.id, sid: session.claims.sid, amr }, nowMs);
  return sessionCookiesFor(tokens, facts.secure);
}

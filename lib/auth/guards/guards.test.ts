// Every route handler and every server action goes through the declared guards, and none checks
// the origin or the session by hand. A new endpoint that skips the guard fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionFiles, relativeToRoot, routeFiles } from '@/test/app-files';
import { guardOf } from './options';

/** What only the guards may call: the Origin check and the session checks. */
const BY_HAND = /\b(assertSameOrigin|originProblem|actionContext|requireSession|getSession|requirePageSession)\s*\(/;

const routes = routeFiles();
const actions = actionFiles();

describe('declared guards', () => {
  it('finds the route handlers and action files it checks', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(actions.map(relativeToRoot).sort()).toEqual([
      'app/(auth)/actions.ts',
      'app/(auth)/login/two-step/actions.ts',
      'app/(auth)/mail-actions.ts',
      'app/(shop)/actions.ts',
      'app/account/actions.ts',
      'app/account/email-actions.ts',
      'app/account/strong-actions.ts',
      'app/learn/actions.ts',
    ]);
  });

  it.each(routes.map((r) => [relativeToRoot(r.file), r] as const))('%s: every exported method is guarded', async (_name, route) => {
    const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
    expect(route.methods.length).toBeGreaterThan(0);
    for (const method of route.methods) {
      expect(guardOf(mod[method]), `${route.path} ${method} is not wrapped in handler()`).toMatchObject({ kind: 'route' });
    }
  });

  it.each(actions.map((f) => [relativeToRoot(f), f] as const))('%s: every exported action is guarded', async (_name, file) => {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const exported = Object.entries(mod).filter(([, value]) => typeof value === 'function');
    expect(exported.length).toBeGreaterThan(0);
    for (const [name, value] of exported) {
      expect(guardOf(value), `${name} is not wrapped in action() or formAction()`).toMatchObject({ kind: 'action' });
    }
  });

  it.each([...routes.map((r) => r.file), ...actions].map((f) => [relativeToRoot(f), f] as const))(
    '%s: checks neither the origin nor the session by hand',
    (_name, file) => {
      expect(readFileSync(file, 'utf8')).not.toMatch(BY_HAND);
    },
  );

  it('asks for a recent sign-in (step-up) before the password or the address changes', async () => {
    const password = (await import('@/app/api/account/password/route')) as Record<string, unknown>;
    const email = (await import('@/app/api/account/email/route')) as Record<string, unknown>;
    const emailActions = (await import('@/app/account/email-actions')) as Record<string, unknown>;
    for (const fn of [password.POST, email.POST, emailActions.changeEmailAction]) expect(guardOf(fn)).toMatchObject({ auth: 'required', fresh: true });
    expect(guardOf(password.POST)?.scope).toBeUndefined();
  });

  it('refuses a scope or step-up on a guard that does not require a session', async () => {
    const { handler } = await import('./route');
    expect(() => handler({ auth: 'none', scope: 'cart:read' }, async () => new Response())).toThrow(/auth: "required"/);
    expect(() => handler({ auth: 'optional', fresh: true }, async () => new Response())).toThrow(/auth: "required"/);
    // Guests and API tokens alike (the cart): the scope applies when a token is presented.
    expect(() => handler({ auth: 'optional', scope: 'cart:read' }, async () => new Response())).not.toThrow();
  });

  it('finds no guard on what is not a function (a constant a route module exports, say)', () => {
    expect(guardOf(undefined)).toBeUndefined();
    expect(guardOf(null)).toBeUndefined();
    expect(guardOf({ kind: 'route' })).toBeUndefined();
  });
});

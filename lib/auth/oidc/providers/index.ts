// The sign-in providers, as data: each module turns its environment variables into a provider or
// into null (not configured: its button is not shown). To add one, write a module like github.ts
// and add its factory here.
import 'server-only';
import { env } from '@/lib/env';
import { githubProvider } from './github';
import { oidcProvider } from './oidc';
import type { SignInProvider } from './types';

const FACTORIES = [oidcProvider, githubProvider];

/** The providers this deployment offers, in button order. */
export function configuredProviders(): SignInProvider[] {
  const config = env();
  return FACTORIES.map((factory) => factory(config)).filter((p): p is SignInProvider => p !== null);
}

export function findProvider(key: string | null | undefined): SignInProvider | null {
  return configuredProviders().find((p) => p.key === key) ?? null;
}

/** The configured provider whose accounts are stored under `accountProvider`, if any. */
export function providerForAccount(accountProvider: string): SignInProvider | null {
  return configuredProviders().find((p) => p.accountProvider === accountProvider) ?? null;
}

export type { ProviderIdentity, SignInProvider } from './types';
export { ProviderError } from './types';

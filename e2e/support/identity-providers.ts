// Starts the identity providers of the social sign-in specs (a Playwright webServer entry):
//   node --import tsx e2e/support/identity-providers.ts
// a real OpenID provider (oidc-provider) and the GitHub stand-in, on the ports of
// IDENTITY_PROVIDERS (servers.ts), with the `oidc` app server's callback registered. Stops on a signal.
import { startGithubStandIn } from './github-stand-in.ts';
import { startOidcProvider } from './oidc-provider.ts';
import { IDENTITY_PROVIDERS, SERVERS } from './servers.ts';

async function main(): Promise<void> {
  const oidc = await startOidcProvider({
    port: IDENTITY_PROVIDERS.oidc.port,
    host: new URL(IDENTITY_PROVIDERS.oidc.issuer).hostname,
    redirectUris: [`${SERVERS.oidc.baseURL}/api/auth/oidc/callback`],
  });
  const github = await startGithubStandIn({ port: IDENTITY_PROVIDERS.github.port, host: new URL(IDENTITY_PROVIDERS.github.url).hostname });
  console.log(`[identity-providers] OpenID provider at ${oidc.issuer}, GitHub stand-in at ${github.url}`);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      void Promise.all([oidc.close(), github.close()]).finally(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error('[identity-providers]', error);
  process.exit(1);
});

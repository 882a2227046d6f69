// Social sign-in (OpenID Connect, and GitHub's OAuth 2.0): the one entry the app imports.
// The provider proves who the person is; this app's own JWT cookies carry the session.
export { startFlow, finishFlow, redirectUri, CALLBACK_PATH } from './flow';
export { listLinkedProviders, reauthProviders, unlinkProvider, type LinkedProviderView } from './linked-accounts';
export { configuredProviders, findProvider } from './providers';
export { oidcErrorMessage, OIDC_ERROR_MESSAGES, type OidcErrorCode } from './messages';

import { SubmitButton } from '@/app/_components/submit-button';
import table from '@/app/_components/table.module.css';
import { Timestamp } from '@/app/_components/timestamp';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { API_SCOPES, SCOPE_DESCRIPTIONS } from '@/lib/auth/tokens/scopes';
import { revokeApiTokenAction } from '../actions';
import { CreateApiTokenForm, type ScopeChoice } from './create-api-token-form';

const SCOPE_CHOICES: ScopeChoice[] = API_SCOPES.map((scope) => ({ scope, description: SCOPE_DESCRIPTIONS[scope] }));

function When({ iso }: { iso: string | null }) {
  return iso ? <Timestamp iso={iso} /> : <>never</>;
}

/** The user's personal API tokens: create one (shown once), see last use, revoke. */
export async function ApiTokens({ userId }: { userId: string }) {
  const tokens = await listApiTokens({ userId });
  return (
    <section id="api-tokens" className="card stack" aria-labelledby="api-tokens-title">
      <h2 id="api-tokens-title">API tokens</h2>
      <p className="muted">
        Give a program limited access to your account. It sends the token as <code>Authorization: Bearer …</code>. API
        tokens cannot open pages, change your password or create other tokens.
      </p>
      {tokens.length === 0 ? (
        <p>You have no API tokens.</p>
      ) : (
        <table className={`table ${table.cards}`}>
          <caption className="visually-hidden">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scopes</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>
                  <strong>{token.name}</strong>
                </td>
                <td data-label="Scopes">{token.scopes.join(', ')}</td>
                <td data-label="Expires">
                  <When iso={token.expiresAt} />
                </td>
                <td data-label="Last used">
                  <When iso={token.lastUsedAt} />
                </td>
                <td>
                  {token.revokedAt ? (
                    <span className="muted">Revoked</span>
                  ) : (
                    <form action={revokeApiTokenAction}>
                      <input type="hidden" name="id" value={token.id} />
                      <SubmitButton className="button small secondary" pendingText="Revoking…">
                        <span>
                          Revoke<span className="visually-hidden"> {token.name}</span>
                        </span>
                      </SubmitButton>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Create a token</h3>
      <CreateApiTokenForm scopes={SCOPE_CHOICES} />
    </section>
  );
}

// The signed-in visitor's own access token, decoded live on the server. The raw token is rendered
// here as text for its owner; no client component receives it (the countdown gets exp, the
// tamper demo gets the decoded payload, both of which the page shows anyway).
import { Fragment } from 'react';
import { describeUserAgent } from '@/lib/auth/http';
import { CLOCK_TOLERANCE_SECONDS } from '@/lib/auth/tokens';
import { accessCookieView } from '@/lib/learn/cookie-view';
import { getServerRecords } from '@/lib/learn/server-records';
import { describeClaims, type DecodedToken } from '@/lib/learn/token-anatomy';
import { Countdown } from '@/app/_components/countdown';
import { TamperDemo } from './tamper-demo';

function When({ iso }: { iso: string }) {
  return <time dateTime={iso}>{new Date(iso).toUTCString()}</time>;
}

export async function YourToken({ decoded, userId, secure }: { decoded: DecodedToken; userId: string; secure: boolean }) {
  const { parts, header, payload } = decoded;
  const claims = describeClaims(header, payload);
  const cookie = accessCookieView(secure);
  const records = await getServerRecords({ userId });
  const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  const payloadJson = JSON.stringify(payload, null, 2);

  return (
    <section aria-labelledby="yours-title" className="stack learn-yours">
      <h2 id="yours-title">Your token, right now</h2>
      <p>
        This is the access token your browser sent with the request for this page, read by the server from your cookie and decoded
        as the page was rendered. JavaScript cannot read an httpOnly cookie, so the server shows it to you here.
      </p>

      <div className="card stack">
        <h3>The three parts</h3>
        <p>
          A compact JWT is three base64url strings joined by dots: the <span className="jwt-header">header</span>, the{' '}
          <span className="jwt-payload">payload</span> and the <span className="jwt-signature">signature</span>. Base64url is an
          encoding, not encryption: anyone holding the token can read the first two.
        </p>
        <p className="learn-token-line" data-testid="raw-token">
          <code className="jwt-raw">
            <span className="jwt-header" data-part="header">{parts.header}</span>.<span className="jwt-payload" data-part="payload">{parts.payload}</span>.
            <span className="jwt-signature" data-part="signature">{parts.signature}</span>
          </code>
        </p>
        <div className="learn-decoded">
          <figure className="learn-json">
            <figcaption className="jwt-header">Header (decoded)</figcaption>
            <pre data-testid="decoded-header">{JSON.stringify(header, null, 2)}</pre>
          </figure>
          <figure className="learn-json">
            <figcaption className="jwt-payload">Payload (decoded)</figcaption>
            <pre data-testid="decoded-payload">{payloadJson}</pre>
          </figure>
          <figure className="learn-json">
            <figcaption className="jwt-signature">Signature</figcaption>
            <p className="learn-sig-note">
              {String(header.alg)} over <code>header.payload</code> with the server&apos;s key
              {header.alg === 'HS256' ? ' (a secret only the server holds; it is never shown or sent)' : ' (the private key never leaves the server; the public keys are at /.well-known/jwks.json)'}. Change one byte of
              the header or payload and it no longer matches.
            </p>
          </figure>
        </div>
      </div>

      <div className="card stack">
        <h3>Each claim</h3>
        {exp !== null ? (
          <p>
            This token <Countdown untilMs={exp} prefix="expires in" expiredText="expired: reload and the browser is sent through the refresh hop for a new one" testId="learn-countdown" /> (plus {CLOCK_TOLERANCE_SECONDS} s of clock tolerance between machines).
          </p>
        ) : null}
        <div className="learn-table-wrap">
          <table className="table" data-testid="claims-table">
            <caption className="visually-hidden">Claims of your access token</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Value</th>
                <th scope="col">What it means</th>
              </tr>
            </thead>
            <tbody>
              {claims.map((claim) => (
                <tr key={`${claim.part}-${claim.name}`} data-claim={claim.name}>
                  <th scope="row">
                    <code className={claim.part === 'header' ? 'jwt-header' : 'jwt-payload'}>{claim.name}</code>
                    <span className="muted"> ({claim.part})</span>
                  </th>
                  <td>
                    <code className="learn-value">{claim.value}</code>
                    {claim.instant ? (
                      <>
                        <br />
                        <When iso={claim.instant} />
                      </>
                    ) : null}
                  </td>
                  <td>{claim.meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div className="card stack">
        <h3>The cookie it travels in</h3>
        <p>What the server sent when it set this cookie:</p>
        <p>
          <code className="learn-value" data-testid="set-cookie">Set-Cookie: {cookie.setCookie}</code>
        </p>
        <dl className="facts" data-testid="cookie-attributes">
          <dt>Name</dt>
          <dd>
            <code>{cookie.name}</code>
          </dd>
          {cookie.attributes.map((attribute) => (
            <Fragment key={attribute.name}>
              <dt>
                <code>{attribute.value === null ? attribute.name : `${attribute.name}=${attribute.value}`}</code>
              </dt>
              <dd>{attribute.meaning}</dd>
            </Fragment>
          ))}
        </dl>
        {!secure ? <p className="hint">Served over plain HTTP (development), so no Secure flag and no __Host- prefix; over HTTPS both are set.</p> : null}
      </div>

      {records ? (
        <div className="card stack">
          <h3>What the server stores about you</h3>
          <p>
            Of all this, each request reads only one indexed lookup: your user row (does it exist, was this token issued after
            tokensValidAfter) joined with any revocation of this token&apos;s jti or sid. Sign-in rows are written at sign-in and
            refresh and read only by pages like this one and your account.
          </p>
          <h4>Your user row</h4>
          <dl className="facts" data-testid="user-row">
            <dt>id</dt>
            <dd>
              <code>{records.user.id}</code>
            </dd>
            <dt>email</dt>
            <dd>{records.user.email}</dd>
            <dt>name</dt>
            <dd>{records.user.name}</dd>
            <dt>tokensValidAfter</dt>
            <dd>
              <When iso={records.user.tokensValidAfter} /> (tokens issued up to this instant are dead)
            </dd>
            <dt>createdAt</dt>
            <dd>
              <When iso={records.user.createdAt} />
            </dd>
            <dt>passwordHash</dt>
            <dd>stored (bcrypt), never shown</dd>
          </dl>
          <h4>Revocations still in force</h4>
          {records.revoked.length === 0 ? (
            <p className="muted">None: nothing of yours has been revoked that has not expired anyway.</p>
          ) : (
            <div className="learn-table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">id (jti or sid)</th>
                    <th scope="col">kind</th>
                    <th scope="col">reason</th>
                    <th scope="col">kept until</th>
                  </tr>
                </thead>
                <tbody>
                  {records.revoked.map((row) => (
                    <tr key={row.jti}>
                      <td>
                        <code>{row.jti}</code>
                      </td>
                      <td>{row.kind}</td>
                      <td>{row.reason}</td>
                      <td>
                        <When iso={row.expiresAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h4>Your sign-ins</h4>
          <div className="learn-table-wrap">
            <table className="table" data-testid="sign-ins">
              <thead>
                <tr>
                  <th scope="col">device</th>
                  <th scope="col">signed in</th>
                  <th scope="col">last refreshed</th>
                  <th scope="col">state</th>
                </tr>
              </thead>
              <tbody>
                {records.sessions.map((row) => (
                  <tr key={row.id}>
                    <td>{describeUserAgent(row.userAgent)}</td>
                    <td>
                      <When iso={row.createdAt} />
                    </td>
                    <td>
                      <When iso={row.lastRefreshedAt} />
                    </td>
                    <td>{row.id === payload.sid ? 'this sign-in (sid)' : row.revokedAt ? 'ended' : 'active'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}

      <div className="card stack">
        <h3 id="tamper-title">Try to forge it</h3>
        <p>
          Edit the payload (make yourself someone else, or extend exp by a year) and ask the server to verify it. Your browser never
          holds the token: the server takes it from your cookie, swaps in your payload, and runs the same check every request goes
          through.
        </p>
        <TamperDemo payloadJson={payloadJson} />
      </div>
    </section>
  );
}

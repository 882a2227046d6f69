// The /learn page's diagrams, drawn in SVG (no images from elsewhere).
import { Arrow, Box, Diagram, Note } from './diagram';

export function StatelessDiagram() {
  const id = 'dg-stateless';
  return (
    <Diagram
      id={id}
      width={640}
      height={200}
      title="HTTP is stateless"
      narrow={[
        { boxes: [{ label: 'Browser' }] },
        { arrow: { label: '1. POST /login' }, boxes: [{ label: 'Server', sub: 'remembers nothing' }] },
        { arrow: { label: '2. GET /cart', bad: true }, boxes: [{ label: 'Server', sub: '"Who are you?"', tone: 'bad' }] },
      ]}
      desc="A browser sends two requests to a server. The first signs in; the second asks for the cart, and the server, which keeps nothing between requests, cannot tell who is asking unless the request itself says so."
      caption="Each HTTP request stands alone. Unless the request carries something that says who you are, the second one is from a stranger."
    >
      <Box x={20} y={60} w={150} h={70} label="Browser" />
      <Box x={470} y={60} w={150} h={70} label="Server" sub="remembers nothing" />
      <Arrow id={id} x1={172} y1={78} x2={466} y2={78} label="1. POST /login (email, password)" />
      <Arrow id={id} x1={172} y1={112} x2={466} y2={112} label="2. GET /cart" labelDy={24} />
      <Note x={545} y={165} bad>
        &quot;Who are you?&quot;
      </Note>
    </Diagram>
  );
}

export function ServerSessionDiagram() {
  const id = 'dg-sessions';
  return (
    <Diagram
      id={id}
      width={640}
      height={280}
      title="Server sessions with two machines"
      narrow={[
        { boxes: [{ label: 'Browser', sub: 'sid=abc' }] },
        { arrow: {}, boxes: [{ label: 'Load balancer' }] },
        { arrow: { label: 'request 1, request 2' }, boxes: [{ label: 'Server A', sub: 'abc → user 42', tone: 'good' }, { label: 'Server B', sub: 'abc → ?', tone: 'bad' }], note: { text: 'B: signed out?', bad: true } },
        { arrow: { label: 'or both ask', dashed: true }, boxes: [{ label: 'Shared store', tone: 'store' }] },
      ]}
      desc="The browser holds a session id cookie. A load balancer sends its first request to server A, which stored the session in its memory. The next request lands on server B, which has no such session and treats the user as signed out. The fixes are sticky sessions, which pin the browser to A, or a shared session store that both servers query on every request."
      caption="A session id is a key into one machine's memory. With two machines, either pin each browser to one (sticky sessions) or move the sessions to a shared store that every request must ask."
    >
      <Box x={10} y={105} w={120} h={60} label="Browser" sub="sid=abc" />
      <Box x={180} y={105} w={120} h={60} label="Load balancer" />
      <Box x={370} y={20} w={150} h={70} label="Server A" sub="abc → user 42" tone="good" />
      <Box x={370} y={180} w={150} h={70} label="Server B" sub="abc → ?" tone="bad" />
      <Box x={545} y={100} w={90} h={70} label="Shared" sub="store" tone="store" />
      <Arrow id={id} x1={132} y1={135} x2={176} y2={135} />
      <Arrow id={id} x1={300} y1={120} x2={366} y2={60} label="request 1" />
      <Arrow id={id} x1={300} y1={150} x2={366} y2={210} label="request 2" labelDy={22} bad />
      <Arrow id={id} x1={522} y1={65} x2={560} y2={98} dashed />
      <Arrow id={id} x1={522} y1={205} x2={560} y2={172} dashed />
      <Note x={445} y={272} bad>
        signed out?
      </Note>
    </Diagram>
  );
}

export function SignedTokenDiagram() {
  const id = 'dg-token';
  return (
    <Diagram
      id={id}
      width={640}
      height={260}
      title="A signed token: any machine can verify it"
      narrow={[
        { boxes: [{ label: 'Browser', sub: 'token = claims + sig' }] },
        { arrow: {}, boxes: [{ label: 'Load balancer' }] },
        { arrow: { label: 'request 1, request 2' }, boxes: [{ label: 'Server A', sub: 'has key: ✓', tone: 'good' }, { label: 'Server B', sub: 'has key: ✓', tone: 'good' }] },
      ]}
      desc="The browser sends a signed token. The load balancer sends requests to server A and server B; both hold the same verification key, check the signature and the expiry, and accept the token without asking a shared store."
      caption="The token carries the claims and a signature over them. Every machine with the key checks the signature itself: no sticky sessions, no session store on the hot path."
    >
      <Box x={10} y={95} w={130} h={70} label="Browser" sub="token = claims + sig" />
      <Box x={185} y={100} w={120} h={60} label="Load balancer" />
      <Box x={380} y={20} w={200} h={70} label="Server A (has key)" sub="verify(sig, key) ✓" tone="good" />
      <Box x={380} y={170} w={200} h={70} label="Server B (has key)" sub="verify(sig, key) ✓" tone="good" />
      <Arrow id={id} x1={142} y1={130} x2={181} y2={130} />
      <Arrow id={id} x1={305} y1={115} x2={376} y2={55} label="request 1" />
      <Arrow id={id} x1={305} y1={145} x2={376} y2={205} label="request 2" labelDy={22} />
    </Diagram>
  );
}

export function CookieDiagram() {
  const id = 'dg-cookie';
  return (
    <Diagram
      id={id}
      width={640}
      height={250}
      title="Where the token is kept: an httpOnly cookie"
      narrow={[
        { boxes: [{ label: 'Page JavaScript' }, { label: 'localStorage', sub: 'any script reads it', tone: 'bad' }] },
        { arrow: { label: '✗ cannot read it', bad: true }, boxes: [{ label: 'Cookie jar', sub: 'access (HttpOnly)', tone: 'good' }] },
        { arrow: { label: 'Cookie: access=eyJ…', dashed: true }, boxes: [{ label: 'This site', sub: 'verifies the token' }] },
      ]}
      desc="Inside the browser, the cookie jar holds the token in an httpOnly cookie that page scripts cannot read; the browser attaches it to requests to this site automatically. localStorage, by contrast, is readable by any script on the page, including an injected one."
      caption="The cookie is storage and transport: the browser keeps the token and sends it back. The signature inside is what authenticates you."
    >
      <rect x={10} y={10} width={390} height={230} rx={14} className="dg-frame" />
      <Note x={30} y={36} anchor="start">
        Browser
      </Note>
      <Box x={30} y={50} w={160} h={70} label="Cookie jar" sub="access (HttpOnly)" tone="good" />
      <Box x={30} y={165} w={160} h={60} label="Page JavaScript" />
      <Box x={240} y={165} w={145} h={60} label="localStorage" sub="any script reads it" tone="bad" />
      <Arrow id={id} x1={110} y1={163} x2={110} y2={124} bad />
      <Note x={118} y={148} anchor="start" bad>
        ✗ cannot read it
      </Note>
      <Arrow id={id} x1={238} y1={195} x2={192} y2={195} label="✓ reads" labelDy={-8} />
      <Box x={480} y={50} w={150} h={70} label="This site" sub="verifies the token" />
      <Arrow id={id} x1={192} y1={85} x2={476} y2={85} label="Cookie: access=eyJ…" dashed />
    </Diagram>
  );
}

export function RequestPathDiagram() {
  const id = 'dg-request';
  return (
    <Diagram
      id={id}
      width={640}
      height={210}
      title="What happens on every request"
      narrow={[
        { boxes: [{ label: 'Request' }] },
        { arrow: { label: 'optimistic, no database' }, boxes: [{ label: 'Middleware (Edge)', sub: 'signature, alg, iss, aud, exp' }] },
        { arrow: { label: 'the Data Access Layer' }, boxes: [{ label: 'Page / route (Node)', sub: 'same checks + revocation', tone: 'good' }] },
        { arrow: {}, boxes: [{ label: '1 indexed lookup', tone: 'store' }] },
      ]}
      desc="A request goes first to the middleware on the Edge, which checks the signature and claims without a database and redirects early if they fail. Then the page or route handler runs the data access layer check: the same verification plus one indexed database lookup for the user and any revocation of the token id or sign-in id."
      caption="Two checks, never one: the middleware only saves work; the page itself is the security boundary."
    >
      <Box x={10} y={70} w={110} h={60} label="Request" />
      <Box x={170} y={55} w={190} h={90} label="Middleware (Edge)" sub="signature, alg, typ, iss, aud, exp" />
      <Box x={410} y={55} w={220} h={90} label="Page / route (Node)" sub="same checks + revocation" tone="good" />
      <Box x={455} y={170} w={130} h={36} label="1 indexed lookup" tone="store" />
      <Arrow id={id} x1={122} y1={100} x2={166} y2={100} />
      <Arrow id={id} x1={362} y1={100} x2={406} y2={100} />
      <Arrow id={id} x1={520} y1={147} x2={520} y2={166} />
      <Note x={265} y={40}>
        optimistic, no database
      </Note>
      <Note x={520} y={40}>
        the Data Access Layer
      </Note>
    </Diagram>
  );
}

export function RefreshDiagram() {
  const id = 'dg-refresh';
  return (
    <Diagram
      id={id}
      width={640}
      height={190}
      title="Refresh rotation"
      narrow={[
        { boxes: [{ label: 'access #1', sub: 'lives minutes' }] },
        { arrow: { label: 'expires' }, boxes: [{ label: 'refresh → #2', sub: 'old refresh revoked', tone: 'good' }] },
        { arrow: { label: 'old one replayed', bad: true }, boxes: [{ label: 'old refresh', sub: 'reused: sign-in revoked', tone: 'bad' }], note: { text: 'two tabs within seconds: allowed (grace)' } },
      ]}
      desc="An access token lives a few minutes. When it lapses, the browser presents its refresh token to /api/auth/refresh, which revokes that refresh token and issues a new access and refresh pair in the same sign-in. If an old refresh token is presented again after a short grace window, the whole sign-in is revoked."
      caption="Each refresh token works once. Reused later (a stolen copy), it ends the whole sign-in, for the thief and the owner alike."
    >
      <Box x={10} y={60} w={160} h={70} label="access #1" sub="lives minutes" />
      <Box x={240} y={60} w={160} h={70} label="refresh → #2" sub="old refresh revoked" tone="good" />
      <Box x={470} y={60} w={160} h={70} label="old refresh" sub="reused: sign-in revoked" tone="bad" />
      <Arrow id={id} x1={172} y1={95} x2={236} y2={95} label="expires" />
      <Arrow id={id} x1={402} y1={95} x2={466} y2={95} label="replayed" bad />
      <Note x={320} y={160}>
        two tabs refreshing within seconds is not an attack: a grace window allows it
      </Note>
    </Diagram>
  );
}

// Live updates of the plan overview: the planChanged subscription over graphql-ws on /graphql,
// spoken by hand (no library). The socket signs in with the page's session cookie (the server
// accepts it from this origin only). On a change the page is fetched again and its live parts
// swapped in, so filters, focus and scroll stay; a polite status says what changed and who did it.
// Without this script the page is the same, only not live.

const status = document.getElementById('plan-live-status');
const planId = status?.dataset.planId;

const PLAN_CHANGED = `subscription ($planId: ID!) {
  planChanged(planId: $planId) { kind actionRef field from to actor { name } }
}`;
const UNAUTHENTICATED = 4401;
const LONGEST_WAIT_MS = 30_000;
const SETTLE_MS = 300;

const RAG = { RED: 'Red', AMBER: 'Amber', GREEN: 'Green', BLUE: 'Blue', NOT_RATED: 'Not rated' };
const WHAT = {
  ACTION_ADDED: 'action added',
  ACTION_WITHDRAWN: 'action withdrawn',
  BOARD_MEETING_RECORDED: 'board meeting recorded',
  DESCRIPTION_REVISED: 'description revised',
  OWNERS_ASSIGNED: 'owners changed',
  OWNER_ROLE_LISTED: 'owner role listed',
  OWNER_ROLE_RETIRED: 'owner role retired',
  PLAN_APPROVED: 'plan approved',
  PLAN_CLOSED: 'plan closed',
  PROGRESS_NOTE_ADDED: 'progress note added',
  RAG_CHANGED: 'RAG changed',
  RESCHEDULED: 'dates changed',
  TEXT_REDACTED: 'text erased',
  THEME_ADDED: 'theme added',
  THEME_REVISED: 'theme revised',
};

let failures = 0;
let connectedBefore = false;
let received = [];
let settling;

function describe(change) {
  const what = WHAT[change.kind] ?? 'changed';
  const ref = change.actionRef ? `${change.actionRef} ` : '';
  const move =
    change.kind === 'RAG_CHANGED'
      ? ` from ${RAG[change.from] ?? change.from} to ${RAG[change.to] ?? change.to}`
      : '';
  return `${ref}${what}${move}`;
}

function announce(changes) {
  const who = [...new Set(changes.map((change) => change.actor?.name ?? 'someone'))].join(', ');
  const what = changes.length === 1 ? describe(changes[0]) : `${changes.length} changes`;
  status.textContent = `Updated: ${what} by ${who}`;
}

/** What had focus inside a live part, to put it back on the same control once it is replaced. */
function focusedIn(part) {
  const active = document.activeElement;
  if (!active || active === document.body || !part.contains(active)) return undefined;
  return { id: active.id, href: active.getAttribute('href') };
}

function refocus(fresh, focus) {
  const links = [...fresh.querySelectorAll('a[href]')];
  const target = focus.id
    ? document.getElementById(focus.id)
    : links.find((link) => link.getAttribute('href') === focus.href);
  target?.focus();
}

async function refresh(changes) {
  const response = await fetch(location.href, {
    credentials: 'same-origin',
    headers: { accept: 'text/html' },
  });
  // Signed out meanwhile: the fetch ended on the sign-in page. Leave the page as it is.
  if (!response.ok || response.redirected) return;
  const next = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const part of document.querySelectorAll('[data-live-part]')) {
    const replacement = next.getElementById(part.id);
    if (!replacement) continue;
    const focus = focusedIn(part);
    const fresh = document.importNode(replacement, true);
    part.replaceWith(fresh);
    if (focus) refocus(fresh, focus);
  }
  if (changes.length > 0) announce(changes);
}

// An import records dozens of changes at once: wait until they settle, then fetch once.
function changed(change) {
  received.push(change);
  clearTimeout(settling);
  settling = setTimeout(() => {
    const changes = received;
    received = [];
    refresh(changes).catch(() => undefined);
  }, SETTLE_MS);
}

function stop(message) {
  status.dataset.live = 'stopped';
  status.textContent = message;
}

function connect() {
  const url = new URL('/graphql', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url, 'graphql-transport-ws');
  let finished = false;
  const send = (message) => socket.send(JSON.stringify(message));
  socket.addEventListener('open', () => send({ type: 'connection_init', payload: {} }));
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'connection_ack') {
      failures = 0;
      send({ id: 'plan', type: 'subscribe', payload: { query: PLAN_CHANGED, variables: { planId } } });
      status.dataset.live = 'subscribed';
      // Changes made while the socket was down were missed: catch up once.
      if (connectedBefore) refresh([]).catch(() => undefined);
      connectedBefore = true;
    } else if (message.type === 'ping') {
      send({ type: 'pong' });
    } else if (message.type === 'next' && message.payload?.data?.planChanged) {
      changed(message.payload.data.planChanged);
    } else if (message.type === 'error' || message.type === 'complete') {
      finished = true;
      socket.close(1000);
      stop('Live updates have stopped. Reload the page to see the latest.');
    }
  });
  socket.addEventListener('close', (event) => {
    if (finished) return;
    if (event.code === UNAUTHENTICATED) {
      stop('Live updates have stopped because you are no longer signed in. Reload the page.');
      return;
    }
    delete status.dataset.live;
    const wait = Math.min(LONGEST_WAIT_MS, 1000 * 2 ** failures) * (0.5 + Math.random() / 2);
    failures += 1;
    setTimeout(connect, wait);
  });
}

if (status && planId) connect();

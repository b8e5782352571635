// The router: each #/path is a view that draws into <main> and may return how to stop (a live stream to close). Pages
// that need a user send the visitor to the sign-in page first, and back to the sign-in page when the session ends.
import { checkSession, onSessionEnded, session, signOut } from './api.js';
import { language, setLanguage, t, translateStatic, onLanguageChange } from './i18n.js';
import { replace } from './dom.js';
import { auditView } from './views/audit.js';
import { campaignView } from './views/campaign.js';
import { committeesView } from './views/committees.js';
import { contestView } from './views/contest.js';
import { explanationView } from './views/explanation.js';
import { growthView } from './views/growth.js';
import { homeView } from './views/home.js';
import { judgePanelsView, judgeQueueView } from './views/judge.js';
import { announceView } from './views/announce.js';
import { organiseView } from './views/organise.js';
import { periodReportView } from './views/period-report.js';
import { personalDataView } from './views/personal-data.js';
import { quizResultsView, quizView } from './views/quiz.js';
import { recordsView } from './views/records.js';
import { reportView } from './views/report.js';
import { changePasswordView, landing, resetPasswordView, signInView } from './views/signin.js';

// [pattern, view, open to visitors who are not signed in]
const routes = [
  [/^\/dang-nhap$/, signInPage, true],
  [/^\/dat-lai-mat-khau\/(.+)$/, (root, [token]) => resetPasswordView(root, decodeURIComponent(token)), true],
  [/^\/doi-mat-khau$/, async root => changePasswordView(root, await session(), s => { location.hash = landing(s); }), false],
  [/^\/cham-diem\/([^/]+)$/, (root, [id]) => judgeQueueView(root, [decodeURIComponent(id)]), false],
  [/^\/cham-diem$/, judgePanelsView, false],
  [/^\/thi\/([^/]+)\/vong\/(\d+)$/, (root, [id, round]) => quizResultsView(root, [decodeURIComponent(id), round]), true],
  [/^\/thi\/([^/]+)$/, (root, [id]) => quizView(root, decodeURIComponent(id)), true],
  [/^\/contests\/moi$/, root => announceView(root, []), false],
  [/^\/contests\/([^/]+)\/sua$/, (root, [id]) => announceView(root, [decodeURIComponent(id)]), false],
  [/^\/contests\/([^/]+)\/bai\/(\d+)\/giai-trinh$/, (root, [id, entry], query) => explanationView(root, [decodeURIComponent(id), entry], query), true],
  [/^\/contests\/([^/]+)\/to-chuc$/, (root, [id]) => organiseView(root, [decodeURIComponent(id)]), false],
  [/^\/contests\/([^/]+)$/, (root, [id]) => contestView(root, decodeURIComponent(id)), true],
  [/^\/contests$/, homeView, true],
  [/^\/campaigns\/([^/]+)\/reports\/([^/]+)$/, (root, [id, report]) => reportView(root, [decodeURIComponent(id), decodeURIComponent(report)]), false],
  [/^\/campaigns\/([^/]+)$/, (root, [id]) => campaignView(root, decodeURIComponent(id)), false],
  [/^\/campaigns$/, homeView, true],
  [/^\/committees\/([^/]+)\/ho-so$/, (root, [code]) => recordsView(root, [decodeURIComponent(code)]), false],
  [/^\/committees\/([^/]+)\/bao-cao$/, (root, [code], query) => periodReportView(root, [decodeURIComponent(code)], query), false],
  [/^\/committees\/([^/]+)\/growth$/, (root, [code], query) => growthView(root, decodeURIComponent(code), query), false],
  [/^\/committees$/, root => committeesView(root), false],
  [/^\/audit\/(.+)$/, (root, [stream]) => auditView(root, decodeURIComponent(stream)), false],
  [/^\/audit$/, root => auditView(root, null), false],
  [/^\/du-lieu-ca-nhan$/, personalDataView, false],
  [/^\/?$/, homeView, true],
];

const signInNotices = { reset: 'password.resetDone', ended: 'signIn.ended' };
const singleSignOnNotices = { 'no-account': 'signIn.ssoNoAccount', failed: 'signIn.ssoFailed' };

/** The login page; a visitor already signed in (back from the single sign-on provider, say) goes on to where they were going. */
async function signInPage(root, _, query) {
  const user = await session();
  if (user) {
    signedIn(user);
    return;
  }
  const notice = Object.entries(signInNotices).find(([key]) => query.get(key))?.[1] ?? singleSignOnNotices[query.get('sso')];
  await signInView(root, signedIn, notice ? t(notice) : null, query.get('next'));
}

let stop = null;

async function show() {
  if (stop) stop();
  stop = null;
  const [path, search] = location.hash.replace(/^#/, '').split('?');
  // A fresh element per page: a view still loading when the user moves on (or the session ends) draws into its own,
  // which is no longer shown, and never over the page that replaced it.
  const root = document.createElement('div');
  document.getElementById('view').replaceChildren(root);
  const [pattern, view, open] = routes.find(([p]) => p.test(path || '/')) ?? routes[routes.length - 1];
  const user = await session();
  if (!open && !user) {
    location.hash = `#/dang-nhap?next=${encodeURIComponent(location.hash)}`;
    return;
  }
  if (user?.mustChangePassword && path !== '/doi-mat-khau' && path !== '/dang-nhap') {
    location.hash = '#/doi-mat-khau';
    return;
  }
  const match = pattern.exec(path || '/') ?? [];
  stop = (await view(root, match.slice(1), new URLSearchParams(search ?? ''))) ?? null;
}

async function showSignedIn() {
  const user = await session();
  document.getElementById('signed-in-as').textContent = user
    ? t('signIn.as', user.fullName, [...new Set(user.grants.map(g => t(`role.${g.role}`)))].join(', ') || t('role.none'))
    : '';
  document.getElementById('sign-in-link').hidden = !!user;
  document.getElementById('password-link').hidden = !user;
  document.getElementById('sign-out-button').hidden = !user;
}

function signedIn(user) {
  showSignedIn();
  const next = new URLSearchParams(location.hash.split('?')[1] ?? '').get('next');
  location.hash = user.mustChangePassword ? '#/doi-mat-khau' : next && !next.startsWith('#/dang-nhap') ? next : landing(user);
}

// The skip link moves the focus to the page's content without touching the address (it holds the route).
document.getElementById('skip-link').addEventListener('click', e => {
  e.preventDefault();
  document.getElementById('view').focus();
});
// The tab says which page it is: the page's heading, then the site.
new MutationObserver(() => {
  const heading = document.querySelector('#view h1')?.textContent;
  document.title = heading ? `${heading} – ${t('brand')}` : t('brand');
}).observe(document.getElementById('view'), { childList: true, subtree: true, characterData: true });
document.getElementById('sign-out-button').addEventListener('click', async () => {
  await signOut();
  await showSignedIn();
  location.hash = '#/dang-nhap';
});
document.getElementById('lang-toggle').addEventListener('click', () => setLanguage(language() === 'vi' ? 'en' : 'vi'));
// Views with live data re-render themselves; the others are drawn again (a cheap reload of their figures).
onLanguageChange(() => { showSignedIn(); if (!stop) show(); });
// The session ended under the page (disabled, a grant revoked, the password changed elsewhere, expired): back to signing in.
onSessionEnded(() => { showSignedIn(); location.hash = '#/dang-nhap?ended=1'; });
// The server ends a disabled account's session within half a minute; the page asks as often, so it follows within a minute.
setInterval(checkSession, 20_000);
window.addEventListener('hashchange', show);

translateStatic();
showSignedIn();
show();

// The router: each #/path is a view that draws into <main> and may return how to stop (a live stream to close).
import { setToken, token, whoAmI } from './api.js';
import { h, replace } from './dom.js';
import { language, setLanguage, t, translateStatic, onLanguageChange } from './i18n.js';
import { auditView } from './views/audit.js';
import { campaignView } from './views/campaign.js';
import { committeesView } from './views/committees.js';
import { contestView } from './views/contest.js';
import { growthView } from './views/growth.js';
import { homeView, openForm } from './views/home.js';

const routes = [
  [/^\/contests\/([^/]+)$/, (root, [id]) => contestView(root, decodeURIComponent(id))],
  [/^\/contests$/, root => replace(root, openForm('contest'))],
  [/^\/campaigns\/([^/]+)$/, (root, [id]) => campaignView(root, decodeURIComponent(id))],
  [/^\/campaigns$/, root => replace(root, openForm('campaign'))],
  [/^\/committees\/([^/]+)\/growth$/, (root, [code], query) => growthView(root, decodeURIComponent(code), query)],
  [/^\/committees$/, root => committeesView(root)],
  [/^\/audit\/(.+)$/, (root, [stream]) => auditView(root, decodeURIComponent(stream))],
  [/^\/audit$/, root => auditView(root, null)],
  [/^\/?$/, root => homeView(root)],
];

let stop = null;

function show() {
  if (stop) stop();
  stop = null;
  const [path, search] = location.hash.replace(/^#/, '').split('?');
  const root = document.getElementById('view');
  for (const [pattern, view] of routes) {
    const match = pattern.exec(path || '/');
    if (match) {
      stop = view(root, match.slice(1), new URLSearchParams(search ?? '')) ?? null;
      return;
    }
  }
  homeView(root);
}

function showSignedIn() {
  const who = whoAmI();
  document.getElementById('signed-in-as').textContent = who ? t('signIn.as', who.user, who.role) : '';
  document.getElementById('token').hidden = !!who;
  document.getElementById('sign-in-button').hidden = !!who;
  document.getElementById('sign-out-button').hidden = !who;
}

document.getElementById('sign-in').addEventListener('submit', e => {
  e.preventDefault();
  setToken(document.getElementById('token').value.trim());
  document.getElementById('token').value = '';
  showSignedIn();
  show();
});
document.getElementById('sign-out-button').addEventListener('click', () => { setToken(null); showSignedIn(); show(); });
document.getElementById('lang-toggle').addEventListener('click', () => setLanguage(language() === 'vi' ? 'en' : 'vi'));
// Views with live data re-render themselves; the others are drawn again (a cheap reload of their figures).
onLanguageChange(() => { showSignedIn(); if (!stop) show(); });
window.addEventListener('hashchange', show);

translateStatic();
showSignedIn();
if (token() === '') setToken(null);
show();

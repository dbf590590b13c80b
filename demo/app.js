// The demo's live panel: the consent record, gtag.js, the ga-disable flags, the _ga* cookies and the hits.
import { createConsentGate } from '/js/index.mjs';

const GA_ID = 'G-DEMO1234';
const gate = createConsentGate({ gaId: GA_ID, policyUrl: '/privacy.html', gtagSrc: '/stand-in/gtag.js', logEndpoint: '/consent-log', ui: false });
window.demoGate = gate;

const panel = document.getElementById('panel');
const row = (term, value) => {
  const dt = document.createElement('dt');
  const dd = document.createElement('dd');
  dt.textContent = term;
  dd.textContent = value;
  return [dt, dd];
};
const render = async () => {
  const hits = await fetch('/hits.json').then((r) => r.json()).catch(() => ({ hits: [] }));
  const consent = gate.getConsent();
  const dl = document.createElement('dl');
  dl.append(
    ...row('Consent', consent ? JSON.stringify(consent) : 'undecided'),
    ...row('gtag.js loaded', String(Array.from(document.scripts).some((s) => /gtag/.test(s.src)))),
    ...row('ga-disable-' + GA_ID, String(window['ga-disable-' + GA_ID])),
    ...row('_ga* cookies', document.cookie.split('; ').filter((c) => /^_ga/.test(c)).join('; ') || 'none'),
    ...row('Hits sent', String(hits.hits.length)),
  );
  const buttons = [
    ['Accept', () => gate.acceptAll()],
    ['Reject', () => gate.rejectAll()],
    ['Reset', () => gate.reset()],
    ['Delete analytics cookies', () => gate.clearAnalyticsCookies()],
  ].map(([label, run]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', () => (run(), render()));
    return b;
  });
  panel.replaceChildren(dl, ...buttons);
};
gate.onChange(render);
render();
setInterval(render, 2000);

// The side-by-side benchmark: `npm run bench`. The same page and scenario for consent-gate and four peers,
// in Chromium through Playwright, libraries alternating run by run; writes BENCHMARKS.md and its chart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { startDemoServer } from '../../demo/server.mjs';
import { findChromium } from '../e2e/find-browsers.mjs';
import { GOOGLE, STAND_IN } from '../e2e/google.mjs';
import { measureDialog } from './dialog.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS || 30);
const peers = (name) => JSON.parse(readFileSync(`${root}test/bench/node_modules/${name}/package.json`, 'utf8')).version;
const own = JSON.parse(readFileSync(root + 'package.json', 'utf8')).version;

/** Each library: its page, how to find its notice, accept, and withdraw (as its documentation says). */
const LIBS = [
  {
    name: 'consent-gate',
    version: own,
    page: 'consent-gate.html',
    notice: "document.querySelector('consent-gate')?.shadowRoot?.querySelector('.n')",
    scope: 'consent-gate',
    accept: (page) => page.locator('consent-gate .n').getByRole('button', { name: 'Accept all' }).click(),
    withdraw: (page) => page.evaluate(() => window.ConsentGate.rejectAll()),
  },
  {
    name: 'vanilla-cookieconsent',
    version: peers('vanilla-cookieconsent'),
    page: 'vanilla-cookieconsent.html',
    notice: "document.querySelector('#cc-main .cm')",
    scope: '#cc-main',
    accept: (page) => page.locator('#cc-main .cm [data-role=all]').click(),
    withdraw: (page) => page.evaluate(() => window.CookieConsent.acceptCategory([])),
  },
  {
    name: 'Osano cookieconsent',
    version: peers('cookieconsent'),
    page: 'osano.html',
    notice: "document.querySelector('.cc-window')",
    scope: '.cc-window',
    accept: (page) => page.locator('.cc-window .cc-allow').click(),
    withdraw: async (page) => {
      await page.locator('.cc-revoke').click();
      await page.locator('.cc-window .cc-deny').click();
    },
  },
  {
    name: 'klaro',
    version: peers('klaro'),
    page: 'klaro.html',
    notice: "document.querySelector('.klaro .cookie-notice')",
    scope: '.klaro',
    accept: (page) => page.locator('.klaro .cookie-notice .cm-btn-success').click(),
    withdraw: (page) =>
      page.evaluate(() => {
        const manager = window.klaro.getManager();
        manager.changeAll(false);
        manager.saveAndApplyConsents();
      }),
  },
  {
    name: 'tarteaucitron.js',
    version: peers('tarteaucitronjs'),
    page: 'tarteaucitron.html',
    notice: "document.getElementById('tarteaucitronAlertBig')",
    scope: '#tarteaucitronRoot',
    accept: (page) => page.locator('#tarteaucitronPersonalize2').click(),
    withdraw: (page) => page.evaluate(() => window.tarteaucitron.userInterface.respondAll(false)),
  },
];

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP *.example.test 127.0.0.1'];

// In every page, before its scripts: the first frame where the notice is visible, layout shifts, and the
// Event Timing entries of interactions (reported from 16 ms on, the shortest threshold there is).
const probe = (finder) => `
  window.__shift = 0;
  window.__inp = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.interactionId) window.__inp = Math.max(window.__inp, e.duration); }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
  const visible = (el) => { if (!el) return false; const r = el.getBoundingClientRect(); if (!r.width || !r.height) return false;
    for (let n = el; n && n.nodeType == 1; n = n.parentNode || n.host) { const s = getComputedStyle(n); if (s.display == 'none' || s.visibility == 'hidden' || s.opacity == '0') return false; } return true; };
  const check = () => { if (window.__noticeAt === undefined) { if (visible(${finder})) window.__noticeAt = performance.now(); else requestAnimationFrame(check); } };
  requestAnimationFrame(check);
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.round(q * (xs.length - 1)))];
const compressed = (body) => ({
  raw: body.length,
  gzip: gzipSync(body, { level: 9 }).length,
  brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

// BENCH_ONLY=consent-gate,Osano compares some of them alone (nothing is written then). BENCH_BASELINE=<dist/>
// adds consent-gate built elsewhere (another commit's dist/) on the same page, as "consent-gate baseline".
const ONLY = process.env.BENCH_ONLY?.split(',');
const BASELINE = process.env.BENCH_BASELINE && resolve(process.env.BENCH_BASELINE);
const LIBS_RUN = [
  ...(ONLY ? LIBS.filter((lib) => ONLY.some((name) => lib.name.startsWith(name))) : LIBS),
  ...(BASELINE ? [{ ...LIBS[0], name: 'consent-gate baseline', page: '../baseline/page.html' }] : []),
];
/** A comparison of some: printed, and BENCHMARKS.md left as it is. */
const COMPARING = !!(ONLY || BASELINE);

/** The mounts of the baseline's files and of its page (the same page, its script from there). */
const baselineMounts = () => {
  const page = mkdtempSync(join(tmpdir(), 'consent-gate-bench-'));
  writeFileSync(join(page, 'page.html'), readFileSync(root + 'test/bench/pages/consent-gate.html', 'utf8').replace('/js/', '/baseline/dist/'));
  return [['/baseline/dist/', relative(root, BASELINE) + '/'], ['/baseline/', relative(root, page) + '/']];
};

const main = async () => {
  const mounts = [['/peers/', 'test/bench/node_modules/'], ['/pages/', 'test/bench/pages/'], ...(BASELINE ? baselineMounts() : [])];
  const server = await startDemoServer({ mounts });
  const origin = `http://www.shop.example.test:${server.port}`;
  const executablePath = findChromium();
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  const results = Object.fromEntries(LIBS_RUN.map((lib) => [lib.name, { lib, times: [], script: [], inp: [], shift: [], google: [], bytes: null }]));

  /** A fresh profile on the library's page, Google intercepted and counted. */
  const open = async (lib, record) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const google = [];
    await context.route(GOOGLE, (route) => {
      google.push(route.request().url());
      return route.request().url().includes('/gtag/js') ? route.fulfill({ contentType: 'text/javascript', body: STAND_IN }) : route.fulfill({ status: 204 });
    });
    await context.addInitScript({ content: probe(lib.notice) });
    const page = await context.newPage();
    // Script time is counted from here, before the page starts loading.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const files = [];
    if (record)
      page.on('response', async (response) => {
        const type = response.request().resourceType();
        if ((type == 'script' || type == 'stylesheet') && !GOOGLE.test(response.url())) files.push(response.body().then((b) => ({ url: response.url(), ...compressed(b) })));
      });
    await page.goto(`${origin}/pages/${lib.page}`);
    await page.waitForFunction(() => window.__noticeAt !== undefined, null, { timeout: 15000 });
    await page.waitForTimeout(500);
    return { context, page, google, files, cdp };
  };

  // Timing runs: every library once per round, the order rotating so none always goes first.
  for (let run = 0; run < RUNS; run++) {
    for (let i = 0; i < LIBS_RUN.length; i++) {
      const lib = LIBS_RUN[(run + i) % LIBS_RUN.length];
      const r = results[lib.name];
      const { context, page, google, files, cdp } = await open(lib, run == 0);
      const { metrics } = await cdp.send('Performance.getMetrics');
      r.times.push(await page.evaluate(() => window.__noticeAt));
      r.script.push(metrics.find((m) => m.name == 'ScriptDuration').value * 1000);
      r.shift.push(await page.evaluate(() => window.__shift));
      r.google.push(google.length);
      if (run == 0) r.bytes = await Promise.all(files);
      // Then the Accept-all click, and its interaction to next paint.
      // Then the Accept-all click: its interaction to next paint, 0 when under 16 ms (no entry).
      await lib.accept(page);
      await page.waitForTimeout(300);
      r.inp.push(await page.evaluate(() => window.__inp));
      await context.close();
    }
    process.stdout.write(`run ${run + 1}/${RUNS}\r`);
  }

  // Once each: axe-core on the notice, and the cookies left after Accept then withdrawal.
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  for (const lib of LIBS_RUN) {
    const r = results[lib.name];
    const { context, page } = await open(lib);
    await page.addScriptTag({ path: axePath });
    r.axe = await page.evaluate(async (scope) => (await window.axe.run(scope, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] })).violations.map((v) => v.id), lib.scope);
    await lib.accept(page);
    const ga = async () => (await context.cookies()).filter((c) => /^_ga/.test(c.name));
    const deadline = Date.now() + 10000;
    while (!(await ga()).some((c) => c.domain == '.example.test') && Date.now() < deadline) await page.waitForTimeout(100);
    r.gaSet = (await ga()).map((c) => `${c.name}@${c.domain}`);
    await lib.withdraw(page);
    await page.waitForTimeout(500);
    r.gaLeft = (await ga()).map((c) => `${c.name}@${c.domain}`);
    await context.close();
  }
  await browser.close();
  await server.close();

  const chromiumVersion = execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim();
  // Opening the preferences on a slow connection, now that they come on intent.
  const dialog = COMPARING ? {} : await measureDialog(root + 'dist/');
  if (COMPARING) for (const r of Object.values(results)) console.log(`${r.lib.name}: script time median ${median(r.script).toFixed(1)} ms (p10 ${quantile(r.script, 0.1).toFixed(1)}, p90 ${quantile(r.script, 0.9).toFixed(1)}), time to notice median ${median(r.times).toFixed(0)} ms, ${r.script.length} loads`);
  else writeReport(results, { chromiumVersion, node: process.version, runs: RUNS, dialog });
};

const sum = (files, key) => files.reduce((n, f) => n + f[key], 0);
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const ms = (n) => n.toFixed(0) + ' ms';
// Event Timing reports nothing under 16 ms: within one frame.
const frame = (n) => (n ? ms(n) : '< 16 ms');

const writeReport = (results, env) => {
  const rows = Object.values(results).map((r) => ({
    name: r.lib.name,
    version: r.lib.version,
    raw: sum(r.bytes, 'raw'),
    gzip: sum(r.bytes, 'gzip'),
    brotli: sum(r.bytes, 'brotli'),
    files: r.bytes.length,
    time: median(r.times),
    p10: quantile(r.times, 0.1),
    p90: quantile(r.times, 0.9),
    script: median(r.script),
    scriptP10: quantile(r.script, 0.1),
    scriptP90: quantile(r.script, 0.9),
    inp: median(r.inp),
    inpMax: Math.max(...r.inp),
    google: Math.max(...r.google),
    shift: Math.max(...r.shift),
    axe: r.axe,
    gaSet: r.gaSet,
    gaLeft: r.gaLeft,
  }));
  const ours = rows[0];
  const table = [
    '| Library | JS + CSS (raw / gzip / brotli) | brotli vs consent-gate | Time to notice, median (p10–p90) | vs consent-gate | Script time, median (p10–p90) | Accept-all INP, median (max) | Google requests before a choice | CLS | axe violations | `_ga*` left after Reject |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} ${r.version} | ${kb(r.raw)} / ${kb(r.gzip)} / ${kb(r.brotli)} (${r.files} file${r.files > 1 ? 's' : ''}) | ${(r.brotli / ours.brotli).toFixed(2)} | ${ms(r.time)} (${ms(r.p10)}–${ms(r.p90)}) | ${(r.time / ours.time).toFixed(2)} | ${r.script.toFixed(1)} ms (${r.scriptP10.toFixed(1)}–${r.scriptP90.toFixed(1)}) | ${frame(r.inp)} (${frame(r.inpMax)}) | ${r.google} | ${r.shift.toFixed(3)} | ${r.axe.length}${r.axe.length ? ' (' + [...new Set(r.axe)].join(', ') + ')' : ''} | ${r.gaLeft.length} of ${r.gaSet.length}${r.gaLeft.length ? ' (' + r.gaLeft.join(', ') + ')' : ''} |`,
    ),
  ].join('\n');
  const smallestPeerWithPrefs = rows.filter((r) => r.name != 'consent-gate' && r.name != 'Osano cookieconsent').reduce((a, b) => (b.brotli < a.brotli ? b : a));
  writeFileSync(root + 'BENCHMARKS.svg', chart(rows));
  writeFileSync(
    root + 'BENCHMARKS.md',
    `# Benchmarks

consent-gate against the libraries a site owner would pick instead, each set up as its documentation says,
on the same page, served from localhost: an analytics category gating the same gtag.js (G-BENCH1), and,
for every library that has categories, an advertising category gating a Google Ads tag (AW-123456789) and a
functional one (Osano cookieconsent has a single yes or no). Google's hosts are intercepted by the local
stand-in for gtag.js (nothing leaves the machine).

![Size and time to notice](BENCHMARKS.svg)

${table}

- **JS + CSS**: every script and stylesheet the page loads for the library (its own files, lazily loaded
  ones included; not the page's inline configuration), each compressed on its own as a server would.
- **Time to notice**: from navigation start to the first frame where the notice is visible (laid out, not
  hidden, not transparent), over ${env.runs} fresh page loads each, the libraries alternating run by run.
- **Script time**: Chrome DevTools Protocol \`ScriptDuration\` for the page (the library is its only script),
  from navigation until half a second after the notice shows (lazily loaded parts included).
- **Accept-all INP**: the click on the notice's accept-all button, as Event Timing reports it: from the
  input to the next paint, in steps of 8 ms. Event Timing reports nothing under 16 ms (one frame), shown
  as \`< 16 ms\`.
- **Google requests before a choice**: requests to any Google host until half a second after the notice shows.
- **CLS**: layout shift while loading and showing the notice.
- **axe violations**: axe-core (WCAG 2.2 A/AA rules) on the notice.
- **\`_ga*\` left after Reject**: Accept, wait until gtag.js has set \`_ga\` and \`_ga_<container>\` on the
  parent domain (\`.example.test\`, the page being \`www.shop.example.test\`), then withdraw through the
  library's documented way; the analytics cookies still in the browser.

Smallest peer with a preferences dialog: ${smallestPeerWithPrefs.name}; consent-gate's size ratio to it:
${(ours.brotli / smallestPeerWithPrefs.brotli).toFixed(2)} (brotli).

## Opening the preferences on a slow connection

consent-gate fetches its preferences file on intent: the pointer over "Customize" (or any
\`data-consent-open\` element), a touch or keyboard focus on it, and the click itself; a visitor who decides
in the notice without pointing at "Customize" never downloads it. The declaration's file (the dialog's
cookie tables, 3 KB brotli) is fetched alongside, and the dialog opens with its tables, so nothing is added
above its buttons while it is open. At commit be31031 the tables were drawn a moment after the dialog opened
(moving "Reject all" down by 61 px): 277, 312 and 614 ms (\`node test/bench/dialog.mjs <its dist/>\`). On Chromium's "Fast 3G" (562.5 ms round
trip, 1.6 Mbit/s), from the click (or Enter) to the first frame with the dialog open, median of 10 page loads
each (\`node test/bench/dialog.mjs\`):

| What the visitor did first | Time to the dialog |
|---|---|
${Object.entries(env.dialog).map(([what, ms]) => `| ${what} | ${ms} ms |`).join('\n')}

Before (commit 3fcb041, the file fetched while the page was idle): 17 ms in each case, for 2.9 KB brotli more
on every first visit (measured the same way: \`git worktree add /tmp/before 3fcb041\`, build it, then
\`node test/bench/dialog.mjs /tmp/before/dist/\`).

Measured ${new Date().toISOString().slice(0, 10)} with ${env.chromiumVersion}, Node ${env.node}, by:

\`\`\`sh
npm run bench
\`\`\`

(\`BENCH_RUNS=n\` changes the number of timing runs; the default is 30. \`BENCH_ONLY=consent-gate,Osano\`
times some of the libraries alone, and \`BENCH_BASELINE=<another build's dist/>\` adds that build of consent-gate
on the same page; both print their figures and write nothing.)
`,
  );
  console.log(table);
};

/** Two horizontal bar charts: brotli bytes and median time to notice. */
const chart = (rows) => {
  const width = 760;
  const bar = 22;
  const left = 220;
  const panel = (title, values, unit, y0) => {
    const max = Math.max(...values);
    return (
      `<text x="10" y="${y0}" font-weight="700">${title}</text>` +
      rows
        .map((r, i) => {
          const y = y0 + 14 + i * (bar + 8);
          const w = Math.max(2, ((width - left - 90) * values[i]) / max);
          return `<text x="10" y="${y + 16}">${r.name}</text><rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="${i == 0 ? '#0b57d0' : '#8e8e93'}"/><text x="${left + w + 6}" y="${y + 16}">${unit(values[i])}</text>`;
        })
        .join('')
    );
  };
  const h = 2 * (30 + rows.length * (bar + 8)) + 30;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" font-family="system-ui, sans-serif" font-size="13"><rect width="100%" height="100%" fill="#fff"/>${panel('JS + CSS, brotli', rows.map((r) => r.brotli), kb, 24)}${panel('Time to notice, median', rows.map((r) => r.time), ms, 54 + rows.length * (bar + 8))}</svg>\n`;
};

await main();

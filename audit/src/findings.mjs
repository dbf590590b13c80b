// @ts-check
/**
 * @typedef {{ type: keyof typeof FINDING_TYPES, title: string, severity: 'finding' | 'warning', subject: string, phase: string, step: string, evidence: string }} Finding
 * @typedef {import('./audit.mjs').Phase} Phase
 * @typedef {import('./audit.mjs').CookieRecord} CookieRecord
 * @typedef {import('./classify.mjs').Declaration} Declaration
 * @typedef {import('./classify.mjs').Classification} Classification
 */

/** Every kind of finding the audit reports, with its title; the last is a warning, which fails nothing. */
export const FINDING_TYPES = {
  'tracker-before-choice': 'No request to a tracker before a choice',
  'cookie-before-choice': 'No non-necessary cookie before a choice',
  'storage-before-choice': 'No non-necessary storage key before a choice',
  'tracker-after-refusal': 'No request to a tracker after Reject all (its reload and the other pages included)',
  'cookie-after-refusal': 'No non-necessary cookie after Reject all',
  'storage-after-refusal': 'No non-necessary storage key after Reject all',
  'cookie-after-withdrawal': 'No cookie of a withdrawn choice left after the withdrawal and a reload',
  'undeclared-cookie': 'Every cookie listed in the declaration',
  'lifetime-longer-than-declared': 'No cookie living longer than declared',
  'consent-cookie-over-13-months': 'The consent cookie living at most 13 months',
  'analytics-cookie-over-13-months': 'No analytics cookie living longer than 13 months (the CNIL’s cap for audience measurement)',
};

/** 13 months, in days: the CNIL's cap. */
const CAP_DAYS = 396;
const DAY = 86400;

/** The days a cookie has left (0 for one that ends with the session). */
const daysLeft = (c, now) => (c.expires > 0 ? (c.expires - now) / DAY : 0);
const where = (c) => `${c.name} on ${c.domain}${c.path}${c.setBy ? `, set by ${c.setBy}` : ''}`;
const necessary = (k) => k.category == 'necessary';
const nonNecessary = (k) => k.category != 'necessary' && k.category != 'unknown';

/**
 * The findings and warnings of an audit's phases. `classify` says what each cookie or storage key is
 * (the declaration first); the declaration (consent-gate sites) says what must be listed and for how long.
 * @param {Phase[]} phases
 * @param {Declaration | null} declaration
 * @param {(c: { name: string, domain?: string }) => Classification} classify
 * @param {number} [now] seconds since 1970
 * @returns {{ findings: Finding[], warnings: Finding[] }}
 */
export const findingsOf = (phases, declaration, classify, now = Date.now() / 1000) => {
  /** @type {Map<string, Finding>} */
  const found = new Map();
  const add = (/** @type {keyof typeof FINDING_TYPES} */ type, subject, phase, step, evidence) => {
    const key = type + ' ' + subject;
    if (!found.has(key)) found.set(key, { type, title: FINDING_TYPES[type], severity: type == 'analytics-cookie-over-13-months' ? 'warning' : 'finding', subject, phase, step, evidence });
  };
  for (const phase of phases) {
    // Each phase begins with a first visit, already judged as such.
    const after = phase.name == 'first-visit' ? (/** @type {{ step: string }} */ r) => true : (r) => r.step != 'before a choice';
    const kind = phase.name == 'first-visit' ? 'before-choice' : phase.name == 'reject' ? 'after-refusal' : '';
    if (kind) {
      for (const r of phase.requests.filter(after)) if (r.tracker) add(/** @type {any} */ ('tracker-' + kind), new URL(r.url).hostname, phase.name, r.step, `${r.tracker.provider} (${r.tracker.category}): ${r.url} from ${r.page}`);
      for (const c of phase.cookies.filter(after)) {
        const k = classify(c);
        if (nonNecessary(k)) add(/** @type {any} */ ('cookie-' + kind), c.name, phase.name, c.step, `${where(c)}: ${k.category} (${k.source}${k.provider ? ', ' + k.provider : ''})`);
      }
      for (const s of phase.storage.filter(after))
        for (const key of [...s.local, ...s.session]) {
          const k = classify({ name: key });
          if (nonNecessary(k)) add(/** @type {any} */ ('storage-' + kind), key, phase.name, s.step, `${key} in ${s.local.includes(key) ? 'localStorage' : 'sessionStorage'} of ${s.page}: ${k.category} (${k.source}${k.provider ? ', ' + k.provider : ''})`);
        }
    }
    if (phase.name == 'withdraw') {
      const before = new Set(phase.cookies.filter((c) => c.step == 'before a choice').map((c) => c.name));
      const accepted = phase.cookies.filter((c) => c.step == 'after Accept all' && !before.has(c.name) && !necessary(classify(c)));
      const left = phase.cookies.filter((c) => c.step == 'after the withdrawal and a reload');
      // Left after withdrawing everything: what is known not to be necessary, and what came with Accept all.
      for (const c of left) if (nonNecessary(classify(c)) || accepted.some((a) => a.name == c.name)) add('cookie-after-withdrawal', `${c.name} on ${c.domain}${c.path}`, phase.name, c.step, where(c));
    }
    for (const c of phase.cookies) {
      const k = classify(c);
      const days = daysLeft(c, now);
      if (declaration && !k.declared) add('undeclared-cookie', c.name, phase.name, c.step, `${where(c)}: ${k.category == 'unknown' ? 'unknown' : `${k.category} (${k.source}${k.provider ? ', ' + k.provider : ''})`}`);
      if (k.declared && k.declaredDays !== undefined && days > k.declaredDays + 1)
        add('lifetime-longer-than-declared', c.name, phase.name, c.step, `${where(c)}: lives ${Math.round(days)} days, declared ${k.declaredDays}`);
      if (k.declared && necessary(k) && c.name == declaration?.categories.find((x) => x.category == 'necessary')?.cookies[0]?.name && days > CAP_DAYS)
        add('consent-cookie-over-13-months', c.name, phase.name, c.step, `${where(c)}: lives ${Math.round(days)} days`);
      if (k.category == 'analytics' && days > CAP_DAYS) add('analytics-cookie-over-13-months', c.name, phase.name, c.step, `${where(c)}: lives ${Math.round(days)} days`);
    }
  }
  const all = [...found.values()];
  return { findings: all.filter((f) => f.severity == 'finding'), warnings: all.filter((f) => f.severity == 'warning') };
};

/**
 * An `--allow` file's content, checked: a list of `{ type, subject? }` entries, each of a known type (a
 * misspelt one would accept nothing, silently). Throws an Error naming the entry that is wrong.
 * @param {unknown} value
 * @returns {{ type: string, subject?: string }[]}
 */
export const allowList = (value) => {
  if (!Array.isArray(value)) throw new Error('not a JSON list of { "type", "subject" } entries');
  value.forEach((entry, i) => {
    const type = entry?.type;
    if (!Object.hasOwn(FINDING_TYPES, type)) throw new Error(`entry ${i + 1}: unknown type "${type}"; the types are ${Object.keys(FINDING_TYPES).join(', ')}`);
    if (entry.subject !== undefined && typeof entry.subject != 'string') throw new Error(`entry ${i + 1}: "subject" is a string`);
  });
  return value;
};

/**
 * The findings an `--allow` file accepts left out: entries `{ "type": "…", "subject": "…" }`, a subject
 * ending with `*` matching every subject that starts so, a missing one every subject of the type.
 * @param {Finding[]} findings
 * @param {{ type: string, subject?: string }[]} allowed
 */
export const withoutAllowed = (findings, allowed) =>
  findings.filter((f) => !allowed.some((a) => a.type == f.type && (!a.subject || (a.subject.endsWith('*') ? f.subject.startsWith(a.subject.slice(0, -1)) : a.subject == f.subject))));

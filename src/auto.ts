/**
 * The script-tag entry (`dist/consent-gate.min.js`): configures itself from its own tag's `data-*`
 * attributes over `window.consentGateConfig`, starts at once and exposes `window.ConsentGate`.
 */
import type { ConsentGate, ConsentGateOptions } from './types';
import { normalizeOptions } from './config';
import { startCore } from './gate';
import { mountUi } from './ui/mount';
import { getWindow } from './lib/dom';

declare const __VERSION__: string;

type AutoWindow = { ConsentGate?: ConsentGate & { version: string }; consentGateConfig?: ConsentGateOptions };

/** `data-*` attribute (camel-cased as in `dataset`) → option path. */
const ATTRIBUTES: Record<string, string> = {
  gaId: 'gaId',
  policyUrl: 'policyUrl',
  revision: 'revision',
  lang: 'lang',
  cookieDomain: 'cookie.domain',
  expiresDays: 'expiresDays',
  consentMode: 'consentMode',
  gpc: 'gpc',
  logEndpoint: 'logEndpoint',
  deletionRequestUrl: 'deletionRequestUrl',
  theme: 'theme',
  gtagSrc: 'gtagSrc',
  floatingButton: 'floatingButton',
};
const NUMBERS = ['revision', 'expiresDays'];

/** The options a tag's dataset gives. */
export const datasetOptions = (data: DOMStringMap): Record<string, unknown> => {
  const options: Record<string, unknown> = {};
  for (const attr in ATTRIBUTES) {
    const raw = data[attr];
    if (raw === undefined) continue;
    const value = attr == 'gaId' ? raw.split(',').map((id) => id.trim()) : NUMBERS.includes(attr) ? Number(raw) : attr == 'floatingButton' ? raw != 'false' : raw;
    const [key, sub] = ATTRIBUTES[attr].split('.');
    if (sub) options[key] = { [sub]: value };
    else options[key] = value;
  }
  return options;
};

const start = () => {
  const w = getWindow() as (Window & typeof globalThis & AutoWindow) | undefined;
  // Included twice: the first copy runs, the second leaves it alone.
  if (!w || w.ConsentGate) return;
  const script = w.document.currentScript as HTMLScriptElement | null;
  const data = script ? script.dataset : {};
  const given = w.consentGateConfig;
  const options: Record<string, unknown> = { ...(typeof given == 'object' ? given : {}), ...datasetOptions(data) };
  options.cookie = { ...(given && given.cookie), ...(options.cookie as object) };
  if (script && script.nonce) options.nonce = script.nonce;
  // A bad option is reported once, naming its attribute, and left out: the rest still runs, GA only with a valid ID.
  for (let tries = 0; tries < 20; tries++)
    try {
      const c = normalizeOptions(options);
      const core = startCore(c, w);
      w.ConsentGate = Object.assign(core, { version: __VERSION__ });
      if (c.ui) mountUi(core, c, w, script ? script.src : undefined);
      return;
    } catch (e) {
      const path = / invalid ([\w.]+)/.exec((e as Error).message);
      if (!path) throw e;
      const attr = Object.keys(ATTRIBUTES).find((a) => ATTRIBUTES[a] == path[1] && data[a] !== undefined);
      console.error((e as Error).message + (attr ? ' (attribute data-' + attr.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase()) + ')' : ' (window.consentGateConfig)') + '; left out.');
      const [key, sub] = path[1].split('.');
      if (sub) delete (options[key] as Record<string, unknown>)[sub];
      else delete options[key];
    }
};

start();

/**
 * The script-tag entry (`dist/consent-gate.min.js`): configures itself from its own tag's `data-*`
 * attributes over `window.consentGateConfig`, starts at once and exposes `window.ConsentGate`.
 */
import type { ConsentGate, ConsentGateOptions } from './types';
import { normalizeOptions } from './config';
import { startCore } from './gate';
import { startUi } from './ui/start';
import { fileLoaders } from './ui/loaders-script';
import { getWindow } from './lib/dom';
import { datasetOptions } from './lib/dataset-options';

declare const __VERSION__: string;

type AutoWindow = Window & typeof globalThis & { ConsentGate?: ConsentGate & { version: string }; consentGateConfig?: ConsentGateOptions };

const start = () => {
  const w = getWindow() as AutoWindow | undefined;
  // Included twice: the first copy runs, the second leaves it alone.
  if (!w || w.ConsentGate) return;
  const script = w.document.currentScript as HTMLScriptElement | null;
  const data = script ? script.dataset : {};
  const src = script?.src;
  const options: Record<string, any> = { ...w.consentGateConfig, ...datasetOptions(data) }; // eslint-disable-line @typescript-eslint/no-explicit-any
  options.cookie = { ...options.cookie, domain: options.cookieDomain ?? options.cookie?.domain };
  if (script && script.nonce) options.nonce = script.nonce;
  // A bad option is reported once, naming its attribute, and left out: the rest runs, GA only with a valid ID.
  for (;;)
    try {
      const c = normalizeOptions(options);
      const core = startCore(c, w);
      w.ConsentGate = Object.assign(core, { version: __VERSION__ });
      // A CDN's short URL (`…/npm/consent-gate@1`) names the package, not this file: the files are in its dist/.
      const base = src && (/\.js([?#]|$)/.test(src) ? src : src.replace(/\/?([?#].*)?$/, '/dist/'));
      startUi(core, c, w, fileLoaders(base, c.nonce));
      return;
    } catch (e) {
      const path = / invalid (\w+)/.exec((e as Error).message);
      if (!path || !(path[1] in options)) throw e;
      // `dataLayerName` is `data-data-layer`.
      const key = path[1].replace(/Name$/, '');
      const attr = key in data ? 'attribute data-' + key.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase()) : 'window.consentGateConfig';
      console.error((e as Error).message + ' (' + attr + '); left out.');
      delete options[path[1]];
    }
};

start();

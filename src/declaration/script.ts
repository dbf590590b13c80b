/**
 * The script-tag build's declaration file: hands the declaration's functions to the element that loaded it,
 * its languages fetched from `lang/<code>.cookies.json` beside it.
 */
import type { DeclarationModule } from '../ui/context';
import { declare as declareWith, drawDeclaration, drawDetails, TABLE_CSS } from './index';

const script = document.currentScript as HTMLScriptElement & { loaded(m: DeclarationModule): void };
const base = script.src;

script.loaded({
  declare: (core, c, w, loaders) =>
    declareWith(core, c, w, loaders, (code) =>
      fetch(new URL('lang/' + code + '.cookies.json', base))
        .then((r) => (r.ok ? r.json() : undefined))
        .catch(() => undefined),
    ),
  drawDeclaration,
  drawDetails,
  TABLE_CSS,
});

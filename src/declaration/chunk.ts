/** The npm build's declaration chunk: the declaration, its languages each a chunk of their own (through a table). */
import type { DeclarationModule } from '../ui/context';
import { declare as declareWith, drawDeclaration, drawDetails, TABLE_CSS } from './index';

export const declare: DeclarationModule['declare'] = (core, c, w, loaders) =>
  declareWith(core, c, w, loaders, (code) =>
    import('./lang-table').then((m) => m.COOKIE_LOADERS[code]()).then(
      (m) => m.default,
      () => undefined,
    ),
  );

export { drawDeclaration, drawDetails, TABLE_CSS };

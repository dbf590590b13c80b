import type { ConsentGate } from '../types';

/**
 * Draw the declaration of every cookie, per category, into `element` (your privacy page): each category
 * with its purpose, the visitor's current choice and a table of its cookies, then a button that opens the
 * preferences. It follows every later decision. `gate` is one with the built-in UI (from `consent-gate`),
 * whose preferences the button opens. Loads the declaration's chunk; resolves with the function that stops
 * following. The script tag does the same for every `<div data-consent-declaration>` by itself.
 * @example
 * renderDeclaration(document.getElementById('cookies')!, gate);
 */
export const renderDeclaration = (element: Element, gate: ConsentGate): Promise<() => void> => import('./index').then((m) => m.drawDeclaration(element, gate));

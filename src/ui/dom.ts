/**
 * An element builder for `doc`: attributes set one by one, children appended as nodes or text (never
 * parsed as HTML, so hostile texts show as they are).
 */
export const tagger =
  (doc: Document) =>
  <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const el = doc.createElement(tag);
    for (const name in attrs) el.setAttribute(name, attrs[name]);
    el.append(...children);
    return el;
  };

/** `text` with each `{key}` replaced by `values[key]`. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (m, key) => (key in values ? values[key] + '' : m));

/**
 * A short version of the texts shown in language `lang` (FNV-1a over both, base 36): sent with each
 * decision as the proof of what the visitor was told. Any change of a text changes it.
 */
export const textsVersion = (lang: string, texts: object): string => {
  let h = 2166136261;
  for (const ch of lang + JSON.stringify(texts)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0).toString(36);
};

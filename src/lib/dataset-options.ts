/**
 * The options a tag's `data-*` attributes may set, as `dataset` names them; `cookieDomain` is `cookie.domain`,
 * `dataLayer` (`data-data-layer`) is `dataLayerName`.
 */
export const ATTRIBUTES =
  'categories gaId googleAdsId gtmId gtmCategories gtmSrc dataLayer mode policyUrl revision lang cookieDomain expiresDays consentMode gpc dnt logEndpoint deletionRequestUrl theme gtagSrc floatingButton'.split(' ');

/**
 * The options a tag's dataset gives: text (lists are split by the options themselves), numbers as numbers,
 * and a present `data-floating-button` true unless it says `false`. Only the attributes present are read.
 */
export const datasetOptions = (data: DOMStringMap): Record<string, unknown> => {
  const options: Record<string, unknown> = {};
  // The attributes present (a few), not every name asked of the DOM in turn (each a binding call).
  for (const name in data) if (ATTRIBUTES.includes(name)) options[name == 'dataLayer' ? 'dataLayerName' : name] = name == 'floatingButton' ? data[name] != 'false' : /^(revision|expiresDays)$/.test(name) ? +data[name]! : data[name];
  return options;
};

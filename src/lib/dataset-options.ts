/** The options a tag's `data-*` attributes may set, as `dataset` names them; `cookieDomain` is `cookie.domain`. */
const ATTRIBUTES =
  'categories gaId googleAdsId mode policyUrl revision lang cookieDomain expiresDays consentMode gpc dnt logEndpoint deletionRequestUrl theme gtagSrc floatingButton'.split(' ');

/**
 * The options a tag's dataset gives: IDs and categories split at commas (categories at spaces too),
 * numbers as numbers, a present flag as true. Only the attributes present are read.
 */
export const datasetOptions = (data: DOMStringMap): Record<string, unknown> => {
  const options: Record<string, unknown> = {};
  for (const name in data) {
    const raw = data[name]!;
    if (ATTRIBUTES.includes(name))
      options[name] = /^(gaId|googleAdsId|categories)$/.test(name)
        ? raw.split(name == 'categories' ? /[\s,]+/ : ',').map((item) => item.trim()).filter(Boolean)
        : /^(revision|expiresDays)$/.test(name)
          ? +raw
          : name == 'floatingButton'
            ? raw != 'false'
            : raw;
  }
  return options;
};

/** The options a tag's `data-*` attributes may set, as `dataset` names them; `cookieDomain` is `cookie.domain`. */
const ATTRIBUTES = 'gaId policyUrl revision lang cookieDomain expiresDays consentMode gpc logEndpoint deletionRequestUrl theme gtagSrc floatingButton'.split(' ');

/** The options a tag's dataset gives: IDs split at commas, numbers as numbers, a present flag as true. */
export const datasetOptions = (data: DOMStringMap): Record<string, unknown> => {
  const options: Record<string, unknown> = {};
  for (const name of ATTRIBUTES) {
    const raw = data[name];
    if (raw != null)
      options[name] =
        name == 'gaId' ? raw.split(',').map((id) => id.trim()) : /^(revision|expiresDays)$/.test(name) ? +raw : name == 'floatingButton' ? raw != 'false' : raw;
  }
  return options;
};

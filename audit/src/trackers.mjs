// @ts-check
/**
 * Hosts of tracking and advertising services, written for this tool (no list under a non-commercial, GPL or
 * share-alike licence is bundled). A request to one of them, or to a subdomain, is a tracker request.
 * @type {{ host: string, provider: string, category: 'analytics' | 'marketing' }[]}
 */
export const TRACKER_HOSTS = [
  ['google-analytics.com', 'Google Analytics', 'analytics'],
  ['analytics.google.com', 'Google Analytics', 'analytics'],
  ['googletagmanager.com', 'Google Tag Manager', 'analytics'],
  ['googleadservices.com', 'Google Ads', 'marketing'],
  ['googlesyndication.com', 'Google AdSense', 'marketing'],
  ['doubleclick.net', 'Google DoubleClick', 'marketing'],
  ['adservice.google.com', 'Google Ads', 'marketing'],
  ['facebook.net', 'Meta', 'marketing'],
  ['facebook.com', 'Meta', 'marketing'],
  ['analytics.tiktok.com', 'TikTok', 'marketing'],
  ['ads.tiktok.com', 'TikTok', 'marketing'],
  ['snap.licdn.com', 'LinkedIn', 'marketing'],
  ['px.ads.linkedin.com', 'LinkedIn', 'marketing'],
  ['ads.linkedin.com', 'LinkedIn', 'marketing'],
  ['clarity.ms', 'Microsoft Clarity', 'analytics'],
  ['bat.bing.com', 'Microsoft Advertising (Bing)', 'marketing'],
  ['hotjar.com', 'Hotjar', 'analytics'],
  ['hotjar.io', 'Hotjar', 'analytics'],
  ['static.ads-twitter.com', 'X (Twitter) Ads', 'marketing'],
  ['analytics.twitter.com', 'X (Twitter) Ads', 'marketing'],
  ['ct.pinterest.com', 'Pinterest', 'marketing'],
  ['s.pinimg.com', 'Pinterest', 'marketing'],
  ['sc-static.net', 'Snap', 'marketing'],
  ['tr.snapchat.com', 'Snap', 'marketing'],
  ['redditstatic.com', 'Reddit', 'marketing'],
  ['alb.reddit.com', 'Reddit', 'marketing'],
  ['criteo.com', 'Criteo', 'marketing'],
  ['criteo.net', 'Criteo', 'marketing'],
  ['taboola.com', 'Taboola', 'marketing'],
  ['outbrain.com', 'Outbrain', 'marketing'],
  ['amazon-adsystem.com', 'Amazon Ads', 'marketing'],
  ['adnxs.com', 'Xandr', 'marketing'],
  ['quantserve.com', 'Quantcast', 'marketing'],
  ['mc.yandex.ru', 'Yandex Metrica', 'analytics'],
  ['matomo.cloud', 'Matomo Cloud', 'analytics'],
  ['cdn.segment.com', 'Segment', 'analytics'],
  ['api.segment.io', 'Segment', 'analytics'],
  ['mixpanel.com', 'Mixpanel', 'analytics'],
  ['amplitude.com', 'Amplitude', 'analytics'],
  ['heapanalytics.com', 'Heap', 'analytics'],
  ['fullstory.com', 'FullStory', 'analytics'],
  ['mouseflow.com', 'Mouseflow', 'analytics'],
  ['crazyegg.com', 'Crazy Egg', 'analytics'],
  ['omtrdc.net', 'Adobe Analytics', 'analytics'],
  ['demdex.net', 'Adobe Audience Manager', 'marketing'],
  ['hs-analytics.net', 'HubSpot', 'analytics'],
  ['js.hs-scripts.com', 'HubSpot', 'analytics'],
].map(([host, provider, category]) => ({ host, provider, category: /** @type {'analytics' | 'marketing'} */ (category) }));

/**
 * The tracker a host belongs to (the host itself or a parent of it is listed), or null.
 * @param {string} hostname
 */
export const trackerOf = (hostname) => TRACKER_HOSTS.find(({ host }) => hostname == host || hostname.endsWith('.' + host)) || null;

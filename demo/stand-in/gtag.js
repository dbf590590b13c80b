/*
 * A local stand-in for gtag.js, for the demo and the end-to-end tests (never for production).
 * It does what matters to consent: reads only `arguments` entries from dataLayer (Arrays are ignored,
 * as by gtag.js), applies Consent Mode, checks `ga-disable-<ID>` and `analytics_storage` before every
 * cookie write and hit, writes `_ga` and `_ga_<container>` on the highest domain the browser accepts,
 * and sends collect hits. A Google Ads ID (`AW-`) writes `_gcl_au` and sends a conversion ping only
 * while `ad_storage` is granted.
 */
(function () {
  var w = window;
  var d = document;
  var layer = (w.dataLayer = w.dataLayer || []);
  var consent = {};
  var ids = [];
  var origin = new URL(d.currentScript ? d.currentScript.src : location.href).origin;
  var google = /googletagmanager\.com$/.test(origin);
  var collect = google ? 'https://www.google-analytics.com/g/collect' : origin + '/g/collect';
  var conversion = google ? 'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/' : origin + '/ads/collect/';
  var log = (w.gtagStandIn = { hits: [], adHits: [], cookieWrites: 0, ignored: 0, consent: consent });

  function enabled(id) {
    return w['ga-disable-' + id] !== true;
  }
  function storageGranted() {
    return consent.analytics_storage !== 'denied';
  }
  function readCookie(name) {
    var m = d.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m && m[1];
  }
  // cookie_domain 'auto': try the highest domain first, keep the first the browser accepts. GA's cookies
  // live 2 years, Google Ads' 90 days.
  function writeCookie(name, value, days) {
    var labels = location.hostname.split('.');
    var attributes = ';path=/;max-age=' + (days || 730) * 86400 + ';samesite=lax';
    for (var i = labels.length - 2; i >= 0; i--) {
      var domain = labels.slice(i).join('.');
      d.cookie = name + '=' + value + ';domain=' + domain + attributes;
      if (readCookie(name) === value) return log.cookieWrites++;
    }
    d.cookie = name + '=' + value + attributes;
    log.cookieWrites++;
  }
  function clientId(id) {
    if (!storageGranted()) return '';
    var ga = readCookie('_ga');
    var cid = ga ? ga.split('.').slice(2).join('.') : ((Math.random() * 1e9) | 0) + '.' + ((Date.now() / 1000) | 0);
    writeCookie('_ga', 'GA1.1.' + cid);
    writeCookie('_ga_' + id.slice(2), 'GS2.1.s' + ((Date.now() / 1000) | 0) + '$o1$g1');
    return cid;
  }
  function hit(id, event) {
    if (!enabled(id)) return;
    var cid = clientId(id);
    if (!enabled(id)) return;
    var gcs = 'G1' + (consent.ad_storage === 'granted' ? '1' : '0') + (storageGranted() ? '1' : '0');
    var url = collect + '?v=2&tid=' + encodeURIComponent(id) + '&en=' + encodeURIComponent(event) + '&gcs=' + gcs + (cid ? '&cid=' + cid : '') + '&dl=' + encodeURIComponent(location.href);
    log.hits.push({ id: id, event: event, gcs: gcs, cid: cid });
    fetch(url, { method: 'POST', mode: 'no-cors', keepalive: true }).catch(function () {});
  }
  function adHit(id) {
    if (consent.ad_storage !== 'granted') return;
    var gcl = readCookie('_gcl_au') || '1.1.' + ((Math.random() * 1e9) | 0) + '.' + ((Date.now() / 1000) | 0);
    writeCookie('_gcl_au', gcl, 90);
    log.adHits.push({ id: id });
    fetch(conversion + encodeURIComponent(id) + '/?gcs=G1' + (consent.ad_storage === 'granted' ? '1' : '0'), { mode: 'no-cors', keepalive: true }).catch(function () {});
  }
  function run(entry) {
    if (Object.prototype.toString.call(entry) !== '[object Arguments]') return log.ignored++;
    var cmd = entry[0];
    if (cmd === 'consent') for (var k in entry[2]) consent[k] = entry[2][k];
    else if (cmd === 'config') {
      if (ids.indexOf(entry[1]) < 0) ids.push(entry[1]);
      if (/^AW-/.test(entry[1])) adHit(entry[1]);
      else hit(entry[1], 'page_view');
    } else if (cmd === 'event')
      ids.forEach(function (id) {
        if (/^AW-/.test(id)) adHit(id);
        else hit(id, entry[1]);
      });
  }
  var push = layer.push;
  layer.push = function () {
    var n = push.apply(layer, arguments);
    for (var i = 0; i < arguments.length; i++) run(arguments[i]);
    return n;
  };
  layer.slice().forEach(run);
})();

/*
 * A local stand-in for a Google Tag Manager container (gtm.js), for the demo and the end-to-end tests (never
 * for production). What it records, in `window.gtmStandIn`: the URL it was loaded from (its `id` and `l`),
 * how many times it ran, the data layer as it found it (each entry's `Object.prototype.toString` and
 * content), and every later push. Like a container, it reads only `arguments` commands and plain objects
 * (an Array is ignored), applies Consent Mode, and at the `gtm.js` event fires one GA4-like tag (measurement
 * ID `G-` + the container ID without `GTM-`): with `analytics_storage` granted it sets `_ga` on the highest
 * domain it can and sends a page view with a client ID; denied, it sends a cookieless ping (no client ID, no
 * cookie). It honours `ga-disable-<ID>`. `google_tag_manager['GTM-…']` exists once it ran.
 */
(function () {
  var w = window;
  var d = document;
  var src = new URL(d.currentScript ? d.currentScript.src : location.href);
  var id = src.searchParams.get('id');
  var name = src.searchParams.get('l') || 'dataLayer';
  var layer = (w[name] = w[name] || []);
  var log = (w.gtmStandIn = w.gtmStandIn || { runs: 0, url: src.href, id: id, l: src.searchParams.get('l'), found: [], pushes: [], hits: [], ignored: 0 });
  log.runs++;
  var consent = {};
  var ga = 'G-' + id.replace(/^GTM-/, '');
  var collect = /googletagmanager\.com$/.test(src.hostname) ? 'https://www.google-analytics.com/g/collect' : src.origin + '/g/collect';
  (w.google_tag_manager = w.google_tag_manager || {})[id] = { dataLayer: { name: name } };

  var kind = function (e) {
    return Object.prototype.toString.call(e);
  };
  var describe = function (e) {
    return kind(e) == '[object Arguments]' ? { kind: kind(e), command: Array.prototype.slice.call(e) } : { kind: kind(e), command: e };
  };
  function readCookie(n) {
    var m = d.cookie.match(new RegExp('(?:^|; )' + n + '=([^;]*)'));
    return m && m[1];
  }
  function writeCookie(n, value) {
    var labels = location.hostname.split('.');
    for (var i = labels.length - 2; i >= 0; i--) {
      d.cookie = n + '=' + value + ';domain=' + labels.slice(i).join('.') + ';path=/;max-age=63072000;samesite=lax';
      if (readCookie(n) === value) return;
    }
    d.cookie = n + '=' + value + ';path=/;max-age=63072000;samesite=lax';
  }
  // The GA4 tag, fired once at the container's gtm.js event.
  function pageView() {
    if (w['ga-disable-' + ga] === true) return;
    var granted = consent.analytics_storage === 'granted';
    var cid = '';
    if (granted) {
      var cookie = readCookie('_ga');
      cid = cookie ? cookie.split('.').slice(2).join('.') : ((Math.random() * 1e9) | 0) + '.' + ((Date.now() / 1000) | 0);
      writeCookie('_ga', 'GA1.1.' + cid);
      writeCookie('_ga_' + ga.slice(2), 'GS2.1.s' + ((Date.now() / 1000) | 0) + '$o1$g1');
    }
    var gcs = 'G1' + (consent.ad_storage === 'granted' ? '1' : '0') + (granted ? '1' : '0');
    log.hits.push({ id: ga, event: 'page_view', gcs: gcs, cid: cid });
    fetch(collect + '?v=2&tid=' + ga + '&en=page_view&gcs=' + gcs + (cid ? '&cid=' + cid : '') + '&dl=' + encodeURIComponent(location.href), { method: 'POST', mode: 'no-cors', keepalive: true }).catch(function () {});
  }
  function run(entry) {
    var k = kind(entry);
    if (k == '[object Arguments]') {
      if (entry[0] === 'consent') for (var key in entry[2]) if (key != 'wait_for_update') consent[key] = entry[2][key];
    } else if (k == '[object Object]') {
      if (entry.event === 'gtm.js') pageView();
    } else log.ignored++;
  }
  log.found = layer.map(describe);
  var push = layer.push;
  layer.push = function () {
    var n = push.apply(layer, arguments);
    for (var i = 0; i < arguments.length; i++) {
      log.pushes.push(describe(arguments[i]));
      run(arguments[i]);
    }
    return n;
  };
  layer.slice().forEach(run);
})();

// The demo's live panel: the consent record, what each category runs, the ga-disable flags, the cookies and the hits sent.
// It sits below the footer: as it grows with the cookies, no link a visitor is about to click moves.
(function () {
  var panel = document.getElementById('panel');
  var gate = window.ConsentGate;
  if (!panel || !gate) return;
  var tag = document.querySelector('script[data-ga-id]') || { dataset: {} };
  var ids = (tag.dataset.gaId || '').split(',');
  function row(dl, term, value) {
    var dt = document.createElement('dt');
    var dd = document.createElement('dd');
    dt.textContent = term;
    dd.textContent = value;
    dl.append(dt, dd);
  }
  function cookies(pattern) {
    return document.cookie.split('; ').filter(function (c) { return pattern.test(c); }).join('; ') || 'none';
  }
  function render() {
    var consent = gate.getConsent();
    var dl = document.createElement('dl');
    row(dl, 'Consent record', consent ? JSON.stringify(consent) : 'undecided');
    ['analytics', 'marketing', 'functional'].forEach(function (k) {
      row(dl, k, gate.isGranted(k) ? 'granted' : 'denied');
    });
    var loaded = Array.prototype.some.call(document.scripts, function (s) { return /gtag/.test(s.src); });
    row(dl, 'gtag.js loaded', String(loaded));
    ids.forEach(function (id) {
      if (id) row(dl, 'ga-disable-' + id.trim(), String(window['ga-disable-' + id.trim()]));
    });
    row(dl, 'Analytics cookies', cookies(/^(_ga|_gid)/));
    row(dl, 'Advertising cookies', cookies(/^(_gcl_|_shop_ad)/));
    row(dl, 'Functional cookies', cookies(/^_shop_video/));
    row(dl, 'Ad tag ran', String(!!window.shopAdTagRan));
    row(dl, 'Hits sent', window.gtagStandIn ? window.gtagStandIn.hits.length + ' analytics, ' + window.gtagStandIn.adHits.length + ' ads' : loaded ? 'not visible (Google\'s gtag.js)' : '0');
    var heading = document.createElement('h2');
    heading.textContent = 'What runs on this page (consent-gate ' + gate.version + ')';
    panel.replaceChildren(heading, dl);
  }
  gate.onChange(render);
  render();
  setInterval(render, 1000);
})();

// The demo's live panel: the consent record, gtag.js, the ga-disable flags, the _ga* cookies and the hits sent.
(function () {
  var panel = document.getElementById('panel');
  var gate = window.ConsentGate;
  if (!panel || !gate) return;
  var ids = (document.querySelector('script[data-ga-id]') || { dataset: {} }).dataset.gaId || '';
  function row(dl, term, value) {
    var dt = document.createElement('dt');
    var dd = document.createElement('dd');
    dt.textContent = term;
    dd.textContent = value;
    dl.append(dt, dd);
  }
  function render() {
    var consent = gate.getConsent();
    var dl = document.createElement('dl');
    row(dl, 'Consent record', consent ? JSON.stringify(consent) : 'undecided');
    row(dl, 'gtag.js loaded', String(Array.prototype.some.call(document.scripts, function (s) { return /gtag/.test(s.src); })));
    ids.split(',').forEach(function (id) {
      if (id) row(dl, 'ga-disable-' + id.trim(), String(window['ga-disable-' + id.trim()]));
    });
    row(dl, '_ga* cookies', document.cookie.split('; ').filter(function (c) { return /^_ga/.test(c); }).join('; ') || 'none');
    var loaded = Array.prototype.some.call(document.scripts, function (s) { return /gtag/.test(s.src); });
    row(dl, 'Hits sent', window.gtagStandIn ? String(window.gtagStandIn.hits.length) : loaded ? 'not visible (Google\'s gtag.js)' : '0');
    var heading = document.createElement('h2');
    heading.textContent = 'What runs on this page (consent-gate ' + gate.version + ')';
    panel.replaceChildren(heading, dl);
  }
  gate.onChange(render);
  render();
  setInterval(render, 1000);
})();

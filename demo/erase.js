// Fills the deletion request with the ID passed by the cookie preferences.
document.getElementById('cid').value = new URLSearchParams(location.search).get('cid') || '';

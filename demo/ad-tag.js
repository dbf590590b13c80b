// The demo's advertising tag: runs only once marketing is granted, and sets the shop's own ad cookie,
// which consent-gate clears when marketing is withdrawn (declared in config.js, 90 days, as it lives).
document.cookie = '_shop_ad=' + Date.now() + '; path=/; max-age=7776000; samesite=lax';
window.shopAdTagRan = true;

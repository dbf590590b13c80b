// The options the React and Vue examples share with the shop: the same decision, whichever page made it.
export const OPTIONS = {
  categories: ['analytics', 'marketing', 'functional'],
  gaId: 'G-DEMO1234',
  gtagSrc: '/stand-in/gtag.js',
  policyUrl: '/privacy.html',
  floatingButton: true,
};

// Builds the React and Vue examples with Vite, each for the browser (demo/.build/<app>/) and for server
// rendering (demo/.build/<app>-server/). `npm start` serves them at /react/ and /vue/; the tests use them too.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (file) => root + 'dist/' + file;
// The package as an app imports it, from this checkout's build.
const alias = {
  'consent-gate/react': dist('react.mjs'),
  'consent-gate/vue': dist('vue.mjs'),
  'consent-gate/server': dist('server.mjs'),
};
// Vue's build flags, with hydration mismatches reported in production too: the tests look for them.
const define = { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true' };

// The React example once more on React 18, where test/react18 has it installed (npm test does): served at /react18/.
const react18 = root + 'test/react18/node_modules/';

export const buildApps = async () => {
  const apps = [['react', 'react', 'jsx', {}], ['vue', 'vue', 'js', {}]];
  if (existsSync(react18 + 'react')) apps.push(['react18', 'react', 'jsx', { react: react18 + 'react', 'react-dom': react18 + 'react-dom' }]);
  for (const [app, source, ext, versions] of apps) {
    const shared = { root: root + 'demo/' + source, configFile: false, logLevel: 'error', resolve: { alias: { ...alias, ...versions } }, define };
    await build({ ...shared, base: `/apps/${app}/`, build: { outDir: root + `demo/.build/${app}`, emptyOutDir: true } });
    // Another React than the one installed at the top: bundled into the server build, so the server renders with it too.
    await build({ ...shared, ssr: { noExternal: app == 'react18' || undefined }, build: { ssr: `entry-server.${ext}`, outDir: root + `demo/.build/${app}-server`, emptyOutDir: true } });
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildApps();

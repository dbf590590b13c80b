// The React example: server-rendered with the visitor's decision, hydrated without a mismatch.
import { ConsentGateProvider, Consented, useConsent, useConsentGate } from 'consent-gate/react';
import { OPTIONS } from '../apps-options.js';

const onOff = (granted) => (granted ? 'on' : 'off');

function Page() {
  const consent = useConsent();
  const gate = useConsentGate();
  return (
    <main>
      <h1>React + consent-gate</h1>
      <p>
        Rendered on the server with the decision read from the request's cookie (<code>readConsent</code>), then
        hydrated: <code>useConsent()</code> follows every change, in this tab or another.
      </p>
      <p id="state">
        Analytics: {onOff(consent?.categories.analytics)}, advertising: {onOff(consent?.categories.marketing)}, functional:{' '}
        {onOff(consent?.categories.functional)}
      </p>
      <Consented
        category="functional"
        fallback={
          <p id="video-fallback">
            This video is shown with functional cookies.{' '}
            <button type="button" onClick={() => gate?.showPreferences()}>
              Cookie settings
            </button>
          </p>
        }
      >
        <iframe id="video" src="/embed/video.html" title="How the mug is made" width="480" height="200" />
      </Consented>
      <p>
        <button type="button" onClick={() => gate?.showPreferences()}>
          Cookie settings
        </button>{' '}
        <a href="/">Back to the shop</a>
      </p>
    </main>
  );
}

export function App({ initialConsent }) {
  return (
    <ConsentGateProvider options={OPTIONS} initialConsent={initialConsent}>
      <Page />
    </ConsentGateProvider>
  );
}

/**
 * The small page API every scenario is written against, once; one adapter per browser engine implements
 * it (chromium.ts: Playwright; firefox.ts: puppeteer-core over WebDriver BiDi; webkit.ts: selenium-webdriver
 * over W3C WebDriver classic). Every browser reaches the test site and Google's hosts only through the
 * proxy of network.ts.
 */

/** A cookie as the browser holds it. */
export interface JarCookie {
  name: string;
  domain: string;
  path: string;
}

/** Keys the scenarios press. */
export type Key = 'Tab' | 'Shift+Tab' | 'Escape' | 'Enter';

/** One tab. */
export interface Tab {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Run `fn` in the page with JSON-serialisable `args` and return its (awaited) result. */
  run<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<Awaited<T>>;
  /** A real pointer click at viewport coordinates (CSS pixels). */
  clickAt(x: number, y: number): Promise<void>;
  /**
   * Click the preferences' switch (`input[role=switch]`) whose label starts with `name`, with the driver's
   * own element click, as a site's end-to-end tests would: Playwright's `getByRole('switch').click()`,
   * puppeteer's `ElementHandle.click()`, WebDriver's Element Click (which refuses an element another one covers).
   */
  clickSwitch(name: string): Promise<void>;
  /** A real key press, sent to the focused element. */
  press(key: Key): Promise<void>;
  /** Set the viewport's size (CSS pixels; where the driver can only size the window, as near as it gets). */
  viewport(width: number, height: number): Promise<void>;
  /** Make this the visible tab (the others become hidden). */
  front(): Promise<void>;
  /** The cookies the browser holds for this tab's current URL (those it would send to it). */
  cookies(): Promise<JarCookie[]>;
  /** Errors the page reported: script errors, console errors, CSP violations (those the driver shows, and those the page caught). */
  errors(): Promise<string[]>;
}

/** One browser profile: its own cookies; tabs opened in it share them. */
export interface Profile {
  open(url: string): Promise<Tab>;
  close(): Promise<void>;
}

export interface ProfileOptions {
  /** Global Privacy Control on, the way this engine offers it. */
  gpc?: boolean;
}

/** One engine, started once for a test file. */
export interface Engine {
  name: 'chromium' | 'firefox' | 'webkit';
  /** The browser's own version string. */
  version: string;
  /** Whether this engine has Global Privacy Control at all (Safari's WebKit has none). */
  hasGpc: boolean;
  profile(options?: ProfileOptions): Promise<Profile>;
  close(): Promise<void>;
}

/** Where each engine's programs are (see find-browsers.mjs). */
export interface BrowserPaths {
  chromium: string;
  firefox: string;
  webkit: { driver: string; browser: string };
}

/** Starts an engine whose every request goes through the proxy on `proxyPort`. */
export type Launcher = (proxyPort: number, paths: BrowserPaths) => Promise<Engine>;

/** The page-side errors the collector of network.ts gathered (an empty list where it is missing). */
export const collectedErrors = (): string[] => ((window as unknown as { __errors?: string[] }).__errors || []).slice();

const FLUSH = '__e2e-flush ';

/**
 * The errors of a page whose driver reports them as events (Chromium, Firefox): an event arrives some time
 * after the page logged it, so `errors()` logs a marker through console.error and waits for its event;
 * every error the page logged before the call is then in the list (the marker left out). Without it, an
 * error logged just before a snapshot (Firefox's "Cookie … rejected" from GA's own writes) could arrive after it.
 */
export const driverLog = (evaluate: (source: string) => Promise<unknown>) => {
  const seen: string[] = [];
  let marks = 0;
  return {
    push: (message: string) => void seen.push(message),
    async errors(): Promise<string[]> {
      const mark = FLUSH + ++marks;
      const collected = (await evaluate(`(console.error(${JSON.stringify(mark)}), ${callSource(collectedErrors, [])})`)) as string[];
      // Not reported within 5 s: said as an error of its own, so a check for none fails and a message that shows the errors still shows.
      let late: string[] = [];
      for (const end = Date.now() + 5000; !seen.includes(mark); await new Promise((r) => setTimeout(r, 20)))
        if (Date.now() > end) {
          late = [`the driver did not report the page's console.error("${mark}") within 5 s`];
          break;
        }
      return [...seen, ...collected].filter((e) => !e.includes(FLUSH)).concat(late);
    },
  };
};

/** The preferences' switch labelled `name` (its label starts with it), found in the page; for the drivers' element clicks. */
export const findSwitch = (name: string): HTMLInputElement | undefined =>
  Array.from(document.querySelector('consent-gate')?.shadowRoot?.querySelectorAll<HTMLInputElement>('dialog[open] input[role=switch]') || []).find((input) =>
    input.closest('label')!.textContent!.startsWith(name),
  );

/** What the error of a driver that stopped answering says: the scenarios of such an engine run once more on it, and only on it. */
export const NO_ANSWER = 'did not answer';

/**
 * `promise`, or, when it has not settled within `ms`, an Error saying that `driver` did not answer `what`:
 * a hung driver then shows as such, naming the step, instead of as the test's own timeout.
 */
export const answered = <T>(driver: string, what: string, promise: Promise<T>, ms = 12000): Promise<T> => {
  let timer: ReturnType<typeof setTimeout>;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${driver} ${NO_ANSWER} ${what} within ${ms / 1000} s`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
};

/** `fn` and its arguments as one expression, for drivers that evaluate source text. */
export const callSource = (fn: (...args: never[]) => unknown, args: unknown[]) => `(${fn.toString()}).apply(null, ${JSON.stringify(args)})`;

export const VIEWPORT = { width: 1280, height: 800 };

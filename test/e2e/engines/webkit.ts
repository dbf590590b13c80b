import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { Builder, Capabilities, Key as Keys, Origin, type WebDriver, type WebElement } from 'selenium-webdriver';
import { answered, callSource, collectedErrors, findSwitch, VIEWPORT, type Key, type Launcher, type Profile, type Tab } from './adapter';

const KEYS: Record<Key, string[]> = { Tab: [Keys.TAB], 'Shift+Tab': [Keys.SHIFT, Keys.TAB], Escape: [Keys.ESCAPE], Enter: [Keys.ENTER] };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** Xvfb on a display it picks itself (`-displayfd`). */
const startXvfb = () =>
  new Promise<{ child: ChildProcess; display: string }>((resolve, reject) => {
    const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    let out = '';
    child.stdio[3]!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ child, display: ':' + out.trim() });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error('Xvfb exited with code ' + code)));
  });

/** Wait until the WebDriver server answers its status endpoint. */
const waitForDriver = async (url: string, child: ChildProcess) => {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode != null) throw new Error('WebKitWebDriver exited with code ' + child.exitCode);
    if (await fetch(url + '/status').then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not answer at ' + url);
};

/**
 * WebKitGTK (Safari's engine) through WebKitWebDriver: W3C WebDriver classic, one session at a time, and
 * MiniBrowser needs a display (Xvfb). MiniBrowser's own `--proxy` puts it behind the test network. The
 * driver gives no console access: errors are what the page caught itself. Safari has no GPC.
 */
export const launchWebKit: Launcher = async (proxyPort, paths) => {
  const xvfb = await startXvfb();
  let driver: ChildProcess;
  let server: string;
  const startDriver = async () => {
    const port = await freePort();
    server = `http://127.0.0.1:${port}`;
    driver = spawn(paths.webkit.driver, ['--port=' + port], { env: { ...process.env, DISPLAY: xvfb.display }, stdio: 'ignore' });
    await waitForDriver(server, driver);
  };
  await startDriver();
  const capabilities = new Capabilities({
    browserName: 'MiniBrowser',
    acceptInsecureCerts: true,
    'webkitgtk:browserOptions': { binary: paths.webkit.browser, args: ['--automation', `--proxy=http://127.0.0.1:${proxyPort}`, '--ignore-tls-errors'] },
  });
  /** Every driver call of a scenario, bounded: a hung driver fails the step it hung in, by name. */
  const ask = <T>(what: string, promise: Promise<T>) => answered('WebKitWebDriver', what, promise);
  /** `calls`, each bounded as one step named by its key. */
  const bounded = <T extends object>(calls: T): T =>
    Object.fromEntries(Object.entries(calls).map(([what, call]) => [what, (...args: never[]) => ask(what, (call as (...a: never[]) => Promise<unknown>)(...args))])) as T;
  const restartDriver = async (error: Error) => {
    console.log(`webkit: ${error.message}; a new WebKitWebDriver starts`);
    driver.kill('SIGKILL');
    await startDriver();
  };
  let current: WebDriver | undefined;
  const session = async () => {
    // One session at a time: a new profile ends the previous one. A session that does not end, or one that
    // does not start (now and then MiniBrowser never comes up), goes with its driver: a new driver starts,
    // and the session is asked for once more.
    const previous = current;
    current = undefined;
    if (previous) await ask('quit', previous.quit()).catch(restartDriver);
    const start = () => ask('new session', new Builder().usingServer(server).withCapabilities(capabilities).build());
    current = await start().catch(async (error) => (await restartDriver(error), start()));
    await ask('setRect', current.manage().window().setRect(VIEWPORT));
    return current;
  };
  const version = String((await (await session()).getCapabilities()).get('browserVersion'));
  return {
    name: 'webkit',
    version,
    hasGpc: false,
    async profile({ gpc } = {}) {
      if (gpc) throw new Error('WebKit has no Global Privacy Control');
      const d = await session();
      let first = true;
      return {
        ...bounded<Pick<Profile, 'open'>>({
          async open(url) {
            if (!first) await d.switchTo().newWindow('tab');
            first = false;
            const handle = await d.getWindowHandle();
            const focus = async () => {
              if ((await d.getWindowHandle()) != handle) await d.switchTo().window(handle);
            };
            await d.get(url);
            const tab: Tab = {
              goto: async (to) => (await focus(), d.get(to)),
              reload: async () => (await focus(), d.navigate().refresh()),
              run: async (fn, ...args) => (await focus(), d.executeScript('return ' + callSource(fn, args)) as never),
              async clickSwitch(name) {
                await focus();
                const element = (await d.executeScript('return ' + callSource(findSwitch, [name]))) as WebElement | null;
                if (!element) throw new Error(`no switch "${name}"`);
                await element.click();
              },
              clickAt: async (x, y) => (await focus(), d.actions({ async: true }).move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform()),
              async press(key) {
                await focus();
                const [first, second] = KEYS[key];
                const actions = d.actions({ async: true });
                await (second ? actions.keyDown(first).sendKeys(second).keyUp(first) : actions.sendKeys(first)).perform();
              },
              front: focus,
              // The window's size is set so that its viewport gets the size asked (its frame measured first).
              async viewport(width, height) {
                await focus();
                const frame = (await d.executeScript('return [outerWidth - innerWidth, outerHeight - innerHeight]')) as number[];
                await d.manage().window().setRect({ width: width + frame[0], height: height + frame[1] });
              },
              cookies: async () => (await focus(), (await d.manage().getCookies()).map(({ name, domain, path }) => ({ name, domain: domain!, path: path! }))),
              errors: async () => (await focus(), d.executeScript('return ' + callSource(collectedErrors, []))),
            };
            return bounded(tab);
          },
        }),
        async close() {
          if (current != d) return;
          current = undefined;
          await ask('quit', d.quit()).catch(() => {});
        },
      };
    },
    async close() {
      if (current) await ask('quit', current.quit()).catch(() => {});
      driver.kill();
      xvfb.child.kill();
    },
  };
};

import { afterEach, describe, expect, it, vi } from 'vitest';
import SummaryReporter from '../summary-reporter.mjs';

/** A test file as the reporter sees it: its tests' states, and the errors raised outside them. */
const file = (name: string, states: string[], errors: unknown[] = [], suiteErrors: unknown[] = []) => ({
  relativeModuleId: name,
  errors: () => errors,
  children: {
    // `passed again`: passed when given a second time.
    allTests: () =>
      states.map((state, i) => ({ fullName: `${name} test ${i + 1}`, result: () => ({ state: state.split(' ')[0] }), diagnostic: () => ({ retryCount: state.endsWith(' again') ? 1 : 0 }) })),
    allSuites: () => [{ errors: () => suiteErrors }],
  },
});

const lastLine = (...args: Parameters<SummaryReporter['onTestRunEnd']>) => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  new SummaryReporter().onTestRunEnd(...args);
  return String(log.mock.calls.at(-1)![0]).trim();
};

afterEach(() => vi.restoreAllMocks());

describe("the test run's last line", () => {
  it('counts passed, failed and skipped tests', () => {
    expect(lastLine([file('a.test.ts', ['passed', 'passed', 'skipped']), file('b.test.ts', ['failed', 'pending'])])).toBe('2 passed, 1 failed, 2 skipped');
  });

  it('counts a file that failed outside its tests (a syntax error, a failing beforeAll) and an unhandled error as failed, and names them', () => {
    expect(lastLine([file('a.test.ts', ['passed']), file('broken.test.mjs', [], [new SyntaxError('x')]), file('setup.test.ts', ['skipped'], [], [new Error('beforeAll')])], [new Error('late')])).toBe(
      '1 passed, 3 failed, 1 skipped\nbroken.test.mjs failed outside its tests\nsetup.test.ts failed outside its tests\n1 unhandled error(s)',
    );
  });

  it('names each test that passed only when given again', () => {
    expect(lastLine([file('webkit.test.ts', ['passed', 'passed again'])])).toBe('2 passed, 0 failed, 0 skipped\npassed when given again: webkit.test.ts test 2');
  });
});

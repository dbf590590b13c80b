/** The part of a test file the reporter reads (Vitest's TestModule). */
interface ReportedFile {
  relativeModuleId: string;
  errors(): unknown[];
  children: {
    allTests(): Iterable<{ fullName: string; result(): { state: string }; diagnostic(): { retryCount: number } | undefined }>;
    allSuites(): Iterable<{ errors(): unknown[] }>;
  };
}
export default class SummaryReporter {
  onTestRunEnd(testModules: readonly ReportedFile[], unhandledErrors?: readonly unknown[]): void;
}

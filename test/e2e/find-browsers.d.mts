export interface FoundBrowsers {
  chromium?: string;
  firefox?: string;
  webkit?: { driver: string; browser: string };
  missing: { engine: string; install: string }[];
}
export function findBrowsers(engines?: ('chromium' | 'firefox' | 'webkit')[]): FoundBrowsers;
export function findChromium(found?: FoundBrowsers): string;

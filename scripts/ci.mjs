// One answer to "is this CI?", shared by the runner, the Vitest and Playwright configs, the test
// setup and the Vercel check (plain JavaScript so every one of them can import it).
// CI=false and CI=0 mean no; any other non-empty value means yes.
export const isCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

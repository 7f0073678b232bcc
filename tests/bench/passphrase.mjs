/**
 * The benchmark's synthetic profile: the harness page sets it up (first start) or unlocks it
 * (re-runs), and the runner types the passphrase into the app's lock screen. Invented, never a
 * real person's; shared by the harness page (TypeScript, built by Vite) and the Node runner.
 */
export const BENCH_PROFILE_NAME = 'Bench Koordinaattori';
export const BENCH_PASSPHRASE = 'kuusi valkoista joutsenta lentää';

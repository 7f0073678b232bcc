import { afterEach, describe, expect, it } from 'vitest';
import { BrowserSession } from './support/browser';
import { E2E_EXPERT_PROFILE, E2E_REQUESTER_PROFILE, setUpDesk } from './support/unlock';
import { recordRequest } from './support/intake-page';
import { randomWalk } from './support/random-walk';

/**
 * A seeded random walk per role: clicks, key presses and entries across every screen the profile
 * reaches, failing on any uncaught page error (the session's check), a blank page, the failure
 * block or an axe violation. Reproducible: RANDOM_WALK_SEED=<seed> replays a walk;
 * RANDOM_WALK_STEPS sets its length (the suite's default keeps `npm test` short; `npm run test:walk`
 * walks 3 000 steps per role).
 */
const SEED = Number(process.env.RANDOM_WALK_SEED ?? 20261207);
// `npm run test:walk` is the long walk; the suite's own run stays short.
const STEPS = Number(process.env.RANDOM_WALK_STEPS ?? (process.env.npm_lifecycle_event === 'test:walk' ? 3000 : 400));

let session: BrowserSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe(`random walk (seed ${SEED}, ${STEPS} steps per role)`, () => {
  it.each([
    ['coordinator', 0],
    ['requester', 1],
    ['expert', 2],
  ] as const)('as a %s', { timeout: Math.max(600_000, STEPS * 1_500) }, async (role, index) => {
    session = new BrowserSession();
    const page = await session.start({ locked: role !== 'coordinator' });
    if (role === 'requester') await setUpDesk(page, E2E_REQUESTER_PROFILE);
    if (role === 'expert') await setUpDesk(page, E2E_EXPERT_PROFILE);
    if (role === 'coordinator') await recordRequest(page, { question: 'Satunnaiskävelyn synteettinen kysymys.' });
    const walk = await randomWalk(page, { seed: SEED + index, steps: STEPS, axeEvery: 50 });
    expect(walk.violations, `seed ${SEED}`).toEqual({});
    console.info(`random walk as ${role}: ${walk.steps} steps, ${walk.log.filter((line) => line.includes('(')).length} targets gone before acting`);
  });
});

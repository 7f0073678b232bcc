import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEVICE_TAG } from '../../../../../shared/backup';

/**
 * This computer's device tag for backup file names: 8 random hex digits kept in local storage
 * (never in the database, so never in a backup), the same on every call; a tag that is not one is
 * replaced; without local storage, one tag for the session.
 */

function storage(initial: Record<string, string> = {}, broken = false) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => {
      if (broken) throw new Error('SecurityError');
      return items.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      if (broken) throw new Error('SecurityError');
      items.set(key, value);
    },
  };
}

async function fresh() {
  vi.resetModules();
  return (await import('../../../../../renderer/src/features/backup/device-tag')).deviceTag;
}

afterEach(() => vi.unstubAllGlobals());

describe('the device tag', () => {
  it('is created once, kept in local storage and the same on every call', async () => {
    const local = storage();
    vi.stubGlobal('window', { localStorage: local });
    const deviceTag = await fresh();
    const tag = deviceTag();
    expect(tag).toMatch(DEVICE_TAG);
    expect(deviceTag()).toBe(tag);
    expect(local.items.get('otk.backup.device')).toBe(tag);
    // Another start of the app on this computer: the same tag.
    expect((await fresh())()).toBe(tag);
  });

  it('two computers get different tags; a stored value that is not a tag is replaced', async () => {
    const tags = new Set<string>();
    for (let i = 0; i < 20; i++) {
      vi.stubGlobal('window', { localStorage: storage() });
      tags.add((await fresh())());
    }
    expect(tags.size).toBe(20);
    const local = storage({ 'otk.backup.device': '../../x' });
    vi.stubGlobal('window', { localStorage: local });
    const tag = (await fresh())();
    expect(tag).toMatch(DEVICE_TAG);
    expect(local.items.get('otk.backup.device')).toBe(tag);
  });

  it('without local storage, one tag for the session', async () => {
    vi.stubGlobal('window', { localStorage: storage({}, true) });
    const deviceTag = await fresh();
    const tag = deviceTag();
    expect(tag).toMatch(DEVICE_TAG);
    expect(deviceTag()).toBe(tag);
  });
});

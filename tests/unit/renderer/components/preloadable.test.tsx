import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { preloadable } from '../../../../renderer/src/components/Preloadable';

/** The lazy screens (renderer/src/app/screens.ts, preload.ts) go through this helper. */
describe('preloadable', () => {
  it('loads once, however often it is preloaded, and renders the loaded component directly', async () => {
    let loads = 0;
    const screen = preloadable(async () => {
      loads += 1;
      return ({ name }: { name: string }) => <p>hello {name}</p>;
    });
    await Promise.all([screen.preload(), screen.preload()]);
    await screen.preload();
    expect(loads).toBe(1);
    // Loaded: no Suspense needed, no loading state (renderToString would throw on a suspending lazy without a boundary).
    expect(renderToString(<screen.Component name="Aino" />)).toBe('<p>hello <!-- -->Aino</p>');
  });

  it('does not keep a failed load: the next preload tries again', async () => {
    let loads = 0;
    const screen = preloadable(async () => {
      loads += 1;
      if (loads === 1) throw new Error('chunk missing');
      return () => <p>ok</p>;
    });
    await expect(screen.preload()).rejects.toThrow('chunk missing');
    await screen.preload();
    expect(loads).toBe(2);
    expect(renderToString(<screen.Component />)).toBe('<p>ok</p>');
  });
});

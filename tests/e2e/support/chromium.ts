export { assertChromium, CHROMIUM_ARGS, chromiumPath } from '../../support/chromium.mjs';

import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { buildPaths } from './paths';
import { startShell } from './start';

// The only file that touches the real Electron modules; everything it calls is tested with fakes.
startShell(
  { app, BrowserWindow, protocol, session, ipcMain, dialog, safeStorage },
  { paths: buildPaths(import.meta.url), platform: process.platform, argv: process.argv },
).catch((error: unknown) => {
  console.error('OT-keskus konsultaatiot could not start:', error);
  dialog.showErrorBox('OT-keskus konsultaatiot', 'Sovellus ei käynnistynyt. / The app could not start.');
  app.exit(1);
});

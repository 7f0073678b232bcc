/** Build-time facts, injected by Vite's `define` from package.json. */
declare const __APP_VERSION__: string;

export const APP_NAME = 'OT-keskus konsultaatiot';
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';

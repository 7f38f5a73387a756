import { version } from '../../package.json';

/** The app's version (package.json), for the web mode where Electron's app.getVersion() is absent. */
export const APP_VERSION: string = version;

/** Types of the virtual module `server/demo-env-plugin.ts` serves. */
declare module 'virtual:liveroom-demo' {
  /** The servers around the page. */
  export const demoConfig: {
    signallingUrl: string;
    ingestUrl: string;
    reportUrl: string;
    writeKey: string;
  };
}

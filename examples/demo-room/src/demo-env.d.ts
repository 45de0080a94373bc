/** Types of the virtual module `server/demo-env-plugin.ts` serves. */
declare module 'virtual:liveroom-demo' {
  /** The servers around the page. */
  export const demoConfig: {
    signallingUrl: string;
    ingestUrl: string;
    reportUrl: string;
    ingestKind: 'collector' | 'ndjson';
    writeKey: string;
  };
  /** Loaders for SDK packages, present only when the package's entry exists in this checkout. */
  export const optionalModules: {
    metrics: (() => Promise<unknown>) | undefined;
    hooks: (() => Promise<unknown>) | undefined;
    hooksReact: (() => Promise<unknown>) | undefined;
  };
}

/**
 * Turns a failed `listen()` into a message a QA engineer can act on: which
 * service, which port, and which environment variable moves it.
 */

/** A start-up failure the demo explains in one sentence; `start.ts` prints it without a stack. */
export class DemoStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DemoStartError';
  }
}

/** The service a port belongs to, and the variable that moves it. */
export interface PortOwner {
  service: string;
  port: number;
  envVar: string;
}

/** Wraps `error` as a {@link DemoStartError} naming the port and how to move it. */
export function explainListenError(error: unknown, owner: PortOwner): DemoStartError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `port ${owner.port} (${owner.service})`;
  if (code === 'EADDRINUSE') {
    return new DemoStartError(
      `The ${where} is already taken. Stop whatever uses it, or pick another port: ${owner.envVar}=<port> bash scripts/demo.sh`,
      { cause: error },
    );
  }
  if (code === 'EACCES') {
    return new DemoStartError(`Not allowed to listen on ${where}. Use a port above 1024 with ${owner.envVar}=<port>.`, {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new DemoStartError(`Could not start the ${owner.service} on port ${owner.port}: ${detail}`, { cause: error });
}

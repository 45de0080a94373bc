import { describe, expect, it } from 'vitest';
import { LiveroomError } from './errors.js';
import { createRoom } from './room.js';
import { FakeProvider } from './testing/fake-provider.js';

/** The INVALID_CONFIG a call is refused with, before the room even asks whether it is connected. */
async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LiveroomError);
  expect((error as LiveroomError).code).toBe('INVALID_CONFIG');
  return (error as LiveroomError).message;
}

describe('room arguments of the capability-gated calls', () => {
  const room = createRoom({ provider: new FakeProvider() });

  it('refuses a stream quality other than high or low', async () => {
    expect(await refusal(room.setRemoteVideoQuality('host', 'medium' as never))).toMatch(/quality.*"high", "low"/s);
  });

  it('refuses a data message that is not a string, or a malformed recipient id', async () => {
    expect(await refusal(room.sendData({ gift: 1 } as never))).toMatch(/payload: must be string/);
    expect(await refusal(room.sendData('hi', { to: [''] }))).toMatch(/to\.0: participantId must not be empty/);
  });

  it('refuses relay destinations that are missing or malformed, naming the field', async () => {
    expect(await refusal(room.startMediaRelay([]))).toMatch(/at least one destination; call stopMediaRelay\(\)/);
    expect(await refusal(room.updateMediaRelay([{ roomId: 'shop/2', userId: 'alice' }]))).toMatch(
      /0\.roomId: roomId may only contain/,
    );
  });

  it('lets well-formed arguments through to the connection check', async () => {
    const error = await room.sendData('hi', { to: ['bob'] }).catch((e: LiveroomError) => e);
    expect((error as LiveroomError).code).toBe('INVALID_STATE');
  });
});

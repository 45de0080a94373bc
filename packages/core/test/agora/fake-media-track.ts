/**
 * A `MediaStreamTrack` for Node, where WebRTC does not exist. It implements
 * the DOM interface, so the fakes hand out a real-typed track without casts.
 */
export class FakeMediaStreamTrack extends EventTarget implements MediaStreamTrack {
  contentHint = '';
  enabled = true;
  readonly id = crypto.randomUUID();
  readonly label: string;
  readonly muted = false;
  onended: ((this: MediaStreamTrack, ev: Event) => unknown) | null = null;
  onmute: ((this: MediaStreamTrack, ev: Event) => unknown) | null = null;
  onunmute: ((this: MediaStreamTrack, ev: Event) => unknown) | null = null;
  readyState: MediaStreamTrackState = 'live';

  constructor(readonly kind: 'audio' | 'video') {
    super();
    this.label = `fake ${kind}`;
  }

  async applyConstraints(): Promise<void> {}
  clone(): MediaStreamTrack {
    return new FakeMediaStreamTrack(this.kind);
  }
  getCapabilities(): MediaTrackCapabilities {
    return {};
  }
  getConstraints(): MediaTrackConstraints {
    return {};
  }
  getSettings(): MediaTrackSettings {
    return {};
  }
  stop(): void {
    this.readyState = 'ended';
  }
}

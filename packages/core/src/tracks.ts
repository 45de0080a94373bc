/**
 * The tracks apps hold. Attaching goes through the SDK (DESIGN.md decision 5):
 * `track.attach(el)` plays the track in an element and tells the room, which
 * is how `@liveroom/metrics` finds the element to watch frames on.
 */
import type { ProviderLocalTrack } from './provider.js';
import type { TrackKind, TrackSource } from './types.js';

/**
 * What a track reports to its room when elements come and go; the room turns
 * each call into its event of the same meaning.
 *
 * @internal Exported only because the tracks' room-only constructors take it.
 */
export interface TrackAttachmentObserver {
  /** The track started playing in `element` (`track-attached`). */
  attached(track: Track, element: HTMLMediaElement): void;
  /** The track stopped playing in `element` (`track-detached`). */
  detached(track: Track, element: HTMLMediaElement): void;
  /** The browser refused to autoplay in `element` (`autoplay-blocked`); `cause` is its `NotAllowedError`. */
  playbackBlocked(track: Track, element: HTMLMediaElement, cause: unknown): void;
}

/** A media track that can be played in `<video>` / `<audio>` elements. */
export abstract class Track {
  /** `video` or `audio`. */
  readonly kind: TrackKind;
  readonly #elements = new Set<HTMLMediaElement>();
  readonly #observer: TrackAttachmentObserver;
  #muted = false;

  /** @internal Subclassed by the SDK only; the room creates every track. */
  protected constructor(kind: TrackKind, observer: TrackAttachmentObserver) {
    this.kind = kind;
    this.#observer = observer;
  }

  /** The browser track being played. */
  abstract get mediaStreamTrack(): MediaStreamTrack;

  /** True while the publisher has the track muted. */
  get muted(): boolean {
    return this.#muted;
  }

  /** @internal Set by the room when the provider reports mute or unmute. */
  setMuted(muted: boolean): void {
    this.#muted = muted;
  }

  /** Elements this track is playing in. */
  get attachedElements(): readonly HTMLMediaElement[] {
    return [...this.#elements];
  }

  /**
   * Plays the track in `element` (created when absent) and returns it. When
   * the browser blocks autoplay, the room emits `autoplay-blocked`; call
   * `room.resumePlayback()` from a user gesture.
   */
  attach(element?: HTMLMediaElement): HTMLMediaElement {
    const el = element ?? document.createElement(this.kind === 'video' ? 'video' : 'audio');
    el.autoplay = true;
    this.configure(el);
    if (el instanceof HTMLVideoElement) el.playsInline = true;
    el.srcObject = new MediaStream([this.mediaStreamTrack]);
    if (!this.#elements.has(el)) {
      this.#elements.add(el);
      this.#observer.attached(this, el);
    }
    this.play(el);
    return el;
  }

  /** Stops playing in `element`, or in every element when absent. Returns the detached elements. */
  detach(element?: HTMLMediaElement): HTMLMediaElement[] {
    const targets = element ? [element].filter((el) => this.#elements.has(el)) : [...this.#elements];
    for (const el of targets) {
      el.srcObject = null;
      this.#elements.delete(el);
      this.#observer.detached(this, el);
    }
    return targets;
  }

  /** @internal Retries playback in every attached element (after a user gesture). */
  resume(): void {
    for (const el of this.#elements) this.play(el);
  }

  /** Element settings a subclass needs before playback starts. */
  protected configure(_element: HTMLMediaElement): void {}

  private play(el: HTMLMediaElement): void {
    el.play().catch((cause: unknown) => {
      if (cause instanceof DOMException && cause.name === 'NotAllowedError')
        this.#observer.playbackBlocked(this, el, cause);
    });
  }
}

/** The local user's camera or microphone. */
export class LocalTrack extends Track {
  /** `camera` or `microphone`. */
  readonly source: TrackSource;
  /** @internal The provider's own track object. */
  readonly providerTrack: ProviderLocalTrack;

  /** @internal Created by the room; use `room.publishCamera()` / `room.publishMicrophone()`. */
  constructor(providerTrack: ProviderLocalTrack, observer: TrackAttachmentObserver) {
    super(providerTrack.kind, observer);
    this.source = providerTrack.source;
    this.providerTrack = providerTrack;
  }

  /** The capture track; it changes when the device is switched. */
  get mediaStreamTrack(): MediaStreamTrack {
    return this.providerTrack.mediaStreamTrack;
  }

  /** @internal Points every attached element at the current capture track (after a device switch). */
  refreshElements(): void {
    for (const element of this.attachedElements) this.attach(element);
  }

  /** Local previews play without sound, or the user hears themselves. */
  protected override configure(element: HTMLMediaElement): void {
    element.muted = true;
  }
}

/** A track published by a remote participant and received by this viewer. */
export class RemoteTrack extends Track {
  /** Who publishes it. */
  readonly participantId: string;
  readonly #mediaStreamTrack: MediaStreamTrack;

  /** @internal Created by the room when a subscription completes. */
  constructor(
    participantId: string,
    kind: TrackKind,
    mediaStreamTrack: MediaStreamTrack,
    observer: TrackAttachmentObserver,
  ) {
    super(kind, observer);
    this.participantId = participantId;
    this.#mediaStreamTrack = mediaStreamTrack;
  }

  /** The received browser track. */
  get mediaStreamTrack(): MediaStreamTrack {
    return this.#mediaStreamTrack;
  }
}

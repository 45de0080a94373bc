/**
 * `@liveroom/core/testing`: an in-memory provider for unit tests of apps and
 * of liveroom itself. It behaves like a provider whose server is scripted by
 * the test: the test drives remote events and decides what each call does.
 *
 * @packageDocumentation
 */
export { type FakeCall, type FakeFailableMethod, FakeProvider, type FakeProviderOptions } from './fake-provider.js';

/** The SDK version written into every event's `sdkVersion` (kept equal to package.json by a unit test). */
export const SDK_VERSION = '0.1.0';

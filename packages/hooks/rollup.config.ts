import { libraryConfig } from '../../scripts/build/rollup.ts';

export default libraryConfig({
  dir: import.meta.dirname,
  entries: { index: 'src/index.ts', react: 'src/react/index.ts' },
  // `/react` declarations import the stores' types from `@liveroom/hooks` itself.
  subpathFolders: ['react'],
});

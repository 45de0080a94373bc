import { libraryConfig } from '../../scripts/build/rollup.ts';

export default libraryConfig({
  dir: import.meta.dirname,
  entries: {
    index: 'src/index.ts',
    local: 'src/local/index.ts',
    agora: 'src/agora/index.ts',
    testing: 'src/testing/index.ts',
    rx: 'src/rx/index.ts',
  },
  // Their declarations import main-entry types from `@liveroom/core` itself.
  subpathFolders: ['local', 'agora', 'testing', 'rx'],
});

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/*.messages.ts'],
  outdir: '.',
  litelement: true,
};

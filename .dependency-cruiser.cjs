/**
 * The dependency rule of ARCHITECTURE.md, checked by `npm test`
 * (test/architecture/dependency-rules.spec.ts) and `npm run depcruise`.
 * Paths are matched anywhere in the tree (`(?:^|/)src/`) so the same rules
 * can be proven on fixtures under test/architecture/fixtures.
 */
const FRAMEWORKS =
  '(?:^|/)node_modules/(?:@nestjs|typeorm|mysql2|class-validator|class-transformer|bull|ioredis|@keyv|keyv|cache-manager|nestjs-pino|pino|passport|passport-jwt|@fastify|fastify|nodemailer|prom-client|@node-rs)(?:/|$)';

/** A context's Nest module file, e.g. src/modules/catalog/catalog.module.ts. */
const MODULE_FILE = '(?:^|/)src/modules/[^/]+/[^/]+\\.module\\.ts$';

/** Unit and integration test files. */
const TEST_FILE = '\\.(?:spec|int-spec)\\.ts$';
/** Test doubles: the kernel's fakes, a context's in-memory repositories and the real services it composes over them. */
const TEST_DOUBLES = '(?:^|/)src/(?:shared/kernel|modules/[^/]+/application)/testing/';

/**
 * A rule as it holds for code, plus its twin for the test files under the
 * same `from` path, which may also import other contexts' application/testing/
 * (their real services over in-memory repositories, instead of copies of
 * their rules: issue 13.11). Everything else stays forbidden to tests too.
 */
const withTestDoubles = (rule) => [
  { ...rule, from: { ...rule.from, pathNot: [].concat(rule.from.pathNot ?? [], TEST_FILE) } },
  {
    ...rule,
    from: { ...rule.from, path: `${rule.from.path}.*${TEST_FILE}` },
    to: { ...rule.to, pathNot: [...rule.to.pathNot, TEST_DOUBLES] },
  },
];

/**
 * The layers of src/platform, lowest first (docs/adr/0028). A folder may
 * import folders of lower layers only: never one of its own layer or above,
 * so no two platform folders depend on each other, directly or in a ring.
 * A new folder goes into the lowest layer above everything it imports.
 * Folders not listed here are still held to no-circular-platform-folders.
 */
const PLATFORM_LAYERS = [
  ['config', 'resilience', 'request-context', 'clock-and-ids'],
  ['redis'],
  ['observability'],
  ['database'],
  ['cache', 'auth', 'crypto'],
  ['health', 'idempotency', 'throttling', 'audit'],
  ['http'],
  ['queue'],
  ['outbox', 'maintenance'],
];

const platformFolders = (folders) => `(?:^|/)src/platform/(${folders.join('|')})/`;

/** One rule per layer: its folders may not import a folder of the same layer or above. */
const platformLayerRules = PLATFORM_LAYERS.map((layer, index) => ({
  name: 'platform-folders-are-layered',
  severity: 'error',
  comment: `platform/{${layer.join(',')}} (layer ${index + 1}) may import only lower platform layers: see PLATFORM_LAYERS.`,
  from: { path: platformFolders(layer) },
  to: {
    path: platformFolders(PLATFORM_LAYERS.slice(index).flat()),
    pathNot: '(?:^|/)src/platform/$1/',
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports hide layering mistakes and break initialisation order.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kernel-is-pure',
      severity: 'error',
      comment: 'shared/kernel is framework-free and knows nothing of platform or modules.',
      from: { path: '(?:^|/)src/shared/kernel/' },
      to: {
        pathNot: ['(?:^|/)src/shared/kernel/', '^node:', '^(?:crypto|util)$'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'domain/ imports only its own domain, the integration events its aggregates record (its own application/events/) and the shared kernel: no framework, ORM, adapter or platform.',
      from: { path: '(?:^|/)src/modules/([^/]+)/domain/' },
      to: {
        pathNot: [
          '(?:^|/)src/modules/$1/domain/',
          '(?:^|/)src/modules/$1/application/events/',
          '(?:^|/)src/shared/kernel/',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    ...withTestDoubles({
      name: 'application-depends-on-ports-only',
      severity: 'error',
      comment:
        'application/ imports its domain, its ports, the kernel and @nestjs/cqrs: never adapters, platform or other frameworks.',
      from: { path: '(?:^|/)src/modules/([^/]+)/application/' },
      to: {
        pathNot: [
          '(?:^|/)src/modules/$1/(?:domain|application)/',
          '(?:^|/)src/shared/kernel/',
          '(?:^|/)node_modules/@nestjs/cqrs(?:/|$)',
          '(?:^|/)src/modules/[^/]+/application/(?:ports|commands|queries|events)/',
        ],
        dependencyTypesNot: ['core'],
      },
    }),
    {
      name: 'integration-events-are-contracts',
      severity: 'error',
      comment:
        'application/events/ holds the published contracts (type name + payload) that producers and other contexts import: plain TypeScript over the shared kernel, importing nothing else.',
      from: { path: '(?:^|/)src/modules/([^/]+)/application/events/' },
      to: {
        pathNot: ['(?:^|/)src/modules/$1/application/events/', '(?:^|/)src/shared/kernel/'],
      },
    },
    {
      name: 'frameworks-stay-out-of-the-core',
      severity: 'error',
      comment: 'Frameworks and drivers are for adapters/ and platform/ only.',
      from: { path: '(?:^|/)src/(?:shared/kernel|modules/[^/]+/(?:domain|application))/' },
      to: { path: FRAMEWORKS, pathNot: '(?:^|/)node_modules/@nestjs/cqrs(?:/|$)' },
    },
    ...withTestDoubles({
      name: 'modules-meet-through-ports-commands-queries',
      severity: 'error',
      comment:
        'A module may use another module only through its application ports, commands, queries and published integration events, never its domain, services or adapters.',
      from: { path: '(?:^|/)src/modules/([^/]+)/', pathNot: MODULE_FILE },
      to: {
        path: '(?:^|/)src/modules/[^/]+/',
        pathNot: [
          '(?:^|/)src/modules/$1/',
          '(?:^|/)src/modules/[^/]+/application/(?:ports|commands|queries|events)/',
        ],
      },
    }),
    {
      name: 'test-doubles-stay-in-tests',
      severity: 'error',
      comment:
        'Fakes and in-memory doubles (testing/ folders) are for test files and other doubles only: running code never depends on them.',
      from: { path: '(?:^|/)src/', pathNot: [TEST_FILE, TEST_DOUBLES] },
      to: { path: TEST_DOUBLES },
    },
    {
      name: 'module-files-import-modules-and-ports',
      severity: 'error',
      comment:
        "A Nest module file (<context>.module.ts) may also import another context's module file, the only way to get the ports that module exports injected; still never its domain or adapters.",
      from: { path: '(?:^|/)src/modules/([^/]+)/[^/]+\\.module\\.ts$' },
      to: {
        path: '(?:^|/)src/modules/[^/]+/',
        pathNot: [
          '(?:^|/)src/modules/$1/',
          '(?:^|/)src/modules/[^/]+/application/(?:ports|commands|queries)/',
          MODULE_FILE,
        ],
      },
    },
    ...platformLayerRules,
    {
      name: 'no-circular-platform-folders',
      severity: 'error',
      comment:
        'Two platform folders that import each other (even through a third, or without a file cycle) are one tangled folder: move the shared piece down a layer.',
      scope: 'folder',
      from: { path: '(?:^|/)src/platform/[^/]+/?$' },
      to: { circular: true },
    },
    {
      name: 'platform-knows-no-module',
      severity: 'error',
      comment:
        'platform/ is plumbing without business rules; modules depend on it, not the other way round.',
      from: { path: '(?:^|/)src/platform/' },
      to: { path: '(?:^|/)src/modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(?:^|/)(?:dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    moduleSystems: ['cjs', 'es6'],
  },
};

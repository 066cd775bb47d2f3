import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT, runTool, scratchDir } from '../support/deploy-tools';

/**
 * Issue 9.8: the deploy files are checked like code, offline, with the tools
 * the test stack installs from Debian: `docker-compose config -q` for the
 * compose file, `haproxy -c` for every HAProxy configuration, the Kubernetes
 * manifests against the API schemas (kubernetes-models, JSON Schema from
 * the Kubernetes OpenAPI document). promtool and amtool run in
 * alert-rules.e2e-spec.ts. A planted error proves each check can fail.
 */
type Manifest = { apiVersion?: string; kind?: string; metadata?: { name?: string } };
type Model = new (data: unknown) => { validate(): void };

/** The kubernetes-models class of a manifest, e.g. apps/v1 Deployment. */
function modelOf(manifest: Manifest): Model {
  const apiVersion = manifest.apiVersion ?? '';
  const module = `kubernetes-models/${apiVersion}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const models = require(module) as Record<string, Model>;
  const model = models[manifest.kind ?? ''];
  if (!model) throw new Error(`no schema for ${apiVersion} ${manifest.kind}`);
  return model;
}

/** Schema errors of every Kubernetes object in a YAML file ('' when valid). */
function kubernetesErrors(file: string): string[] {
  const errors: string[] = [];
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (document.errors.length > 0) {
      errors.push(`${file}: ${document.errors[0]!.message}`);
      continue;
    }
    const manifest = document.toJS() as Manifest | null;
    if (!manifest || manifest.apiVersion?.startsWith('kustomize.config.k8s.io/')) continue;
    try {
      new (modelOf(manifest))(manifest).validate();
    } catch (error) {
      errors.push(
        `${file} ${manifest.kind}/${manifest.metadata?.name}: ${(error as Error).message}`,
      );
    }
  }
  return errors;
}

const K8S = join(ROOT, 'docker', 'k8s');
const manifests = readdirSync(K8S)
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => join(K8S, file));

function haproxyFiles(dir = join(ROOT, 'docker')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return haproxyFiles(path);
    return /haproxy/.test(path) && entry.name.endsWith('.cfg') ? [path] : [];
  });
}

describe('deploy files (offline checks)', () => {
  describe('docker-compose.yml', () => {
    const compose = (envFile: string, file = join(ROOT, 'docker-compose.yml')) =>
      runTool('docker-compose', [
        '--env-file',
        envFile,
        '--project-directory',
        ROOT,
        '-f',
        file,
        'config',
        '-q',
      ]);

    it('is valid with the variables of .env.example', () => {
      const result = compose(join(ROOT, '.env.example'));
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    });

    it('defaults no secret: without an .env it stops, naming the variable', () => {
      const empty = join(scratchDir('env'), 'empty.env');
      writeFileSync(empty, '# nothing\n');
      const result = compose(empty);
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(
        /set (JWT_SECRET|MYSQL_\w+|ADMIN_PASSWORD|DATA_KEYS|BLIND_INDEX_KEY|GRAFANA_ADMIN_PASSWORD) in \.env/,
      );
    });

    it('pins every image to a version (no latest, no bare major)', () => {
      const images = [
        ...readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').matchAll(/^\s+image:\s*(\S+)/gm),
      ]
        .map((match) => match[1]!)
        .filter((image) => image !== 'hexashop:local');
      expect(images.length).toBeGreaterThan(5);
      const loose = images.filter((image) => !/:v?\d+\.\d+(\.\d+)?(-[\w.]+)?$/.test(image));
      expect(loose).toEqual([]);
      const dockerfile = readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8');
      expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24\.\d+\.\d+-bookworm-slim$/m);
    });

    it('fails on a planted error', () => {
      const broken = join(scratchDir('compose'), 'docker-compose.yml');
      writeFileSync(
        broken,
        readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').replace(
          'stop_grace_period: 40s',
          'stop_grace_period: 40s\n    restart_policy_typo: always',
        ),
      );
      const result = compose(join(ROOT, '.env.example'), broken);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('restart_policy_typo');
    });
  });

  describe('HAProxy', () => {
    const files = haproxyFiles();
    // The edge configuration terminates TLS: `haproxy -c` loads the certificate,
    // so the check gets a throwaway one (scripts/edge-cert.sh, never committed).
    const certDir = scratchDir('haproxy-cert');
    runTool('bash', ['scripts/edge-cert.sh', certDir]);
    const env = { ...process.env, HAPROXY_CERT: join(certDir, 'hexashop.pem') };

    it('finds the HAProxy configurations', () => {
      expect(files.length).toBeGreaterThan(0);
    });

    it.each(files.map((file) => [file.slice(ROOT.length + 1), file]))(
      'haproxy -c accepts %s',
      (_, file) => {
        const result = runTool('haproxy', ['-c', '-f', file], ROOT, env);
        expect({ status: result.status, output: result.output }).toEqual({
          status: 0,
          output: expect.stringContaining('Configuration file is valid'),
        });
      },
    );

    it('fails on a planted error', () => {
      const broken = join(scratchDir('haproxy'), 'haproxy.cfg');
      writeFileSync(
        broken,
        `${readFileSync(files[0]!, 'utf8')}\nbackend planted\n    balance no-such-algorithm\n`,
      );
      expect(runTool('haproxy', ['-c', '-f', broken], ROOT, env).status).not.toBe(0);
    });
  });

  describe('Kubernetes manifests (docker/k8s)', () => {
    it.each(manifests.map((file) => [file.slice(ROOT.length + 1), file]))(
      '%s matches the Kubernetes API schemas',
      (_, file) => {
        expect(kubernetesErrors(file)).toEqual([]);
      },
    );

    it('kustomization.yaml lists files that exist', () => {
      const [kustomization] = parseAllDocuments(
        readFileSync(join(K8S, 'kustomization.yaml'), 'utf8'),
      ).map((document) => document.toJS() as { resources?: string[] });
      expect(kustomization?.resources?.length).toBeGreaterThan(0);
      for (const resource of kustomization!.resources!)
        expect(existsSync(join(K8S, resource))).toBe(true);
    });

    it('fails on a planted error: a port and a grace period that are not numbers', () => {
      const broken = join(scratchDir('k8s'), 'api.yaml');
      const api = readFileSync(join(K8S, 'api.yaml'), 'utf8');
      writeFileSync(broken, api.replace(/containerPort: \d+/, 'containerPort: http-port'));
      expect(api).toMatch(/containerPort: \d+/);
      expect(kubernetesErrors(broken).join('\n')).toMatch(/containerPort/);
      writeFileSync(
        broken,
        api.replace(/terminationGracePeriodSeconds: \d+/, 'terminationGracePeriodSeconds: soon'),
      );
      expect(kubernetesErrors(broken).join('\n')).toMatch(/terminationGracePeriodSeconds/);
    });
  });
});

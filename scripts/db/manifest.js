#!/usr/bin/env node
// Backup manifests for scripts/db/backup.sh and restore.sh (no dependencies).
//
//   node scripts/db/manifest.js write DIR INFO.json   writes DIR/manifest.json: INFO's fields,
//                                                     plus files (path, bytes, sha256) of DIR/data
//                                                     and totals
//   node scripts/db/manifest.js verify DIR            re-hashes DIR/data against the manifest;
//                                                     exit 1 naming every missing, extra or
//                                                     changed file
'use strict';
const { createHash } = require('node:crypto');
const {
  createReadStream,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  renameSync,
} = require('node:fs');
const { join, relative } = require('node:path');

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function sha256(path) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

async function listing(dataDir) {
  const files = walk(dataDir).sort();
  const out = [];
  // a few files at a time: disk-bound, keeps memory flat
  for (let i = 0; i < files.length; i += 8) {
    const batch = files.slice(i, i + 8);
    const hashes = await Promise.all(batch.map(sha256));
    batch.forEach((path, j) =>
      out.push({ path: relative(dataDir, path), bytes: statSync(path).size, sha256: hashes[j] }),
    );
  }
  return out;
}

async function write(dir, infoFile) {
  const info = JSON.parse(readFileSync(infoFile, 'utf8'));
  const files = await listing(join(dir, 'data'));
  const manifest = {
    format: 1,
    ...info,
    totals: { files: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0) },
    files,
  };
  writeFileSync(join(dir, 'manifest.json.tmp'), JSON.stringify(manifest, null, 2) + '\n');
  renameSync(join(dir, 'manifest.json.tmp'), join(dir, 'manifest.json'));
  process.stdout.write(`${manifest.totals.files} ${manifest.totals.bytes}\n`);
}

async function verify(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const actual = new Map((await listing(join(dir, 'data'))).map((f) => [f.path, f]));
  const problems = [];
  for (const f of manifest.files) {
    const a = actual.get(f.path);
    if (!a) problems.push(`missing: ${f.path}`);
    else if (a.bytes !== f.bytes || a.sha256 !== f.sha256) problems.push(`changed: ${f.path}`);
    actual.delete(f.path);
  }
  for (const path of actual.keys()) problems.push(`not in the manifest: ${path}`);
  if (problems.length) {
    process.stderr.write(
      `${dir}: ${problems.length} problem(s)\n  ${problems.slice(0, 20).join('\n  ')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${manifest.files.length} files verified\n`);
}

const [command, dir, infoFile] = process.argv.slice(2);
const run = command === 'write' ? write(dir, infoFile) : command === 'verify' ? verify(dir) : null;
if (!run || !dir) {
  process.stderr.write('usage: manifest.js write DIR INFO.json | verify DIR\n');
  process.exit(2);
}
run.catch((error) => {
  process.stderr.write(`manifest.js: ${error.message}\n`);
  process.exit(1);
});

#!/usr/bin/env node
'use strict';
/*
 * Local SMTP sink for development and tests.
 *
 *   node scripts/smtp-sink.js --port 1026 --http-port 1081 --dir .local/test/smtp/messages
 *        [--host 127.0.0.1] [--pid-file <file>]
 *
 * SMTP: accepts any mail (no TLS, auth optional, any credentials accepted) and
 * stores each message as <dir>/<Date.now()>-<random>.json (written to a temp
 * file, then renamed, so readers never see a partial file).
 *
 * HTTP (same host, --http-port):
 *   GET    /health                 200 {"status":"ok"}
 *   GET    /messages[?to=<addr>]   JSON array sorted by receivedAt (to: any recipient, case-insensitive)
 *   GET    /messages/<id>          one message, 404 if unknown
 *   DELETE /messages               delete all, 204
 *   DELETE /messages/<id>          delete one, 204
 *   GET    /                       minimal HTML list for people
 *
 * Fault injection for tests (HTTP):
 *   PUT    /control  {"rules":[{"match":"<substring of a recipient>","action":"reject"|"delay","delayMs":5000}]}
 *          reject: RCPT TO answers 451 (a temporary failure: the sender retries later);
 *          delay:  the reply to DATA comes delayMs later; if the client went away
 *                  meanwhile (timed out, killed) the message was never accepted and
 *                  is discarded, as a real server does without its final reply.
 *   GET    /control  {"rules":[...],"rejected":n,"delayed":n,"discarded":n}
 *   DELETE /control  no rules, counters to 0, 204
 */

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const http = require('node:http');
const { randomBytes } = require('node:crypto');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

function parseArgs(argv) {
  const opts = { host: '127.0.0.1', port: 1025, httpPort: 1080, dir: null, pidFile: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--port':
        opts.port = Number(value());
        break;
      case '--http-port':
        opts.httpPort = Number(value());
        break;
      case '--dir':
        opts.dir = value();
        break;
      case '--host':
        opts.host = value();
        break;
      case '--pid-file':
        opts.pidFile = value();
        break;
      case '-h':
      case '--help':
        process.stdout.write(
          'usage: smtp-sink.js --port <smtp port> --http-port <http port> --dir <messages dir> [--host 127.0.0.1] [--pid-file <file>]\n',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument: ${argv[i]}`);
    }
  }
  if (!opts.dir) throw new Error('--dir is required');
  for (const k of ['port', 'httpPort']) {
    if (!Number.isInteger(opts[k]) || opts[k] <= 0 || opts[k] > 65535)
      throw new Error(`invalid --${k}`);
  }
  opts.dir = path.resolve(opts.dir);
  return opts;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`smtp-sink: ${err.message}\n`);
  process.exit(2);
}

fs.mkdirSync(opts.dir, { recursive: true });
if (opts.pidFile) fs.writeFileSync(opts.pidFile, `${process.pid}\n`);

function log(msg) {
  process.stdout.write(`${new Date().toISOString()} ${msg}\n`);
}

function addressList(field) {
  if (!field) return [];
  const groups = Array.isArray(field) ? field : [field];
  const out = [];
  const walk = (entries) => {
    for (const a of entries || []) {
      if (a.group) walk(a.group);
      else if (a.address) out.push(a.address);
    }
  };
  for (const g of groups) walk(g.value);
  return out;
}

function headerObject(parsed) {
  const headers = {};
  for (const { key, line } of parsed.headerLines || []) {
    const name = key.toLowerCase();
    const decoded = parsed.headers && parsed.headers.get(name);
    let value;
    if (typeof decoded === 'string') {
      value = decoded;
    } else {
      const idx = line.indexOf(':');
      value = (idx >= 0 ? line.slice(idx + 1) : line).replace(/\r?\n[ \t]+/g, ' ').trim();
    }
    headers[name] = name in headers ? `${headers[name]}\n${value}` : value;
  }
  return headers;
}

async function storeMessage(parsed, session) {
  const now = Date.now();
  const id = `${now}-${randomBytes(6).toString('hex')}`;
  const mailFrom = session.envelope && session.envelope.mailFrom;
  const message = {
    id,
    receivedAt: new Date(now).toISOString(),
    envelope: {
      from: (mailFrom && mailFrom.address) || '',
      to: ((session.envelope && session.envelope.rcptTo) || []).map((r) => r.address),
    },
    from: parsed.from ? parsed.from.text : '',
    to: addressList(parsed.to),
    cc: addressList(parsed.cc),
    subject: parsed.subject || '',
    text: parsed.text || '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    messageId: parsed.messageId || '',
    date: parsed.date instanceof Date && !isNaN(parsed.date) ? parsed.date.toISOString() : null,
    headers: headerObject(parsed),
    attachments: (parsed.attachments || []).map((a) => ({
      filename: a.filename || null,
      contentType: a.contentType,
      size: a.size,
    })),
  };
  const file = path.join(opts.dir, `${id}.json`);
  const tmp = path.join(opts.dir, `.${id}.json.tmp`);
  await fsp.writeFile(tmp, JSON.stringify(message, null, 2));
  await fsp.rename(tmp, file);
  return message;
}

let control = { rules: [], rejected: 0, delayed: 0, discarded: 0 };
const closedSessions = new Set();

function ruleFor(addresses, action) {
  return control.rules.find(
    (rule) =>
      rule.action === action &&
      addresses.some((a) => String(a).toLowerCase().includes(String(rule.match).toLowerCase())),
  );
}

function parseRules(body) {
  const rules = body && Array.isArray(body.rules) ? body.rules : null;
  if (!rules) throw new Error('body must be {"rules":[...]}');
  for (const rule of rules) {
    if (typeof rule.match !== 'string' || !['reject', 'delay'].includes(rule.action))
      throw new Error('each rule needs "match" (string) and "action" ("reject" or "delay")');
    if (rule.action === 'delay' && !(Number.isInteger(rule.delayMs) && rule.delayMs >= 0))
      throw new Error('a delay rule needs "delayMs" (integer >= 0)');
  }
  return rules.map((rule) => ({ match: rule.match, action: rule.action, delayMs: rule.delayMs }));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
  });
}

const smtp = new SMTPServer({
  secure: false,
  authOptional: true,
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  hideSTARTTLS: true,
  logger: false,
  banner: 'hexashop smtp sink',
  closeTimeout: 1000,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username || 'anonymous' });
  },
  onRcptTo(address, _session, callback) {
    if (ruleFor([address.address], 'reject')) {
      control.rejected += 1;
      log(`rejected rcpt ${address.address} (fault rule)`);
      const err = new Error('Mailbox temporarily unavailable (sink fault rule)');
      err.responseCode = 451;
      return callback(err);
    }
    callback();
  },
  onClose(session) {
    closedSessions.add(session.id);
    setTimeout(() => closedSessions.delete(session.id), 60_000).unref();
  },
  onData(stream, session, callback) {
    const to = ((session.envelope && session.envelope.rcptTo) || []).map((r) => r.address);
    const delay = ruleFor(to, 'delay');
    simpleParser(stream)
      .then(async (parsed) => {
        if (delay) {
          control.delayed += 1;
          await new Promise((resolve) => setTimeout(resolve, delay.delayMs));
          if (closedSessions.has(session.id)) {
            control.discarded += 1;
            const err = new Error('client went away before the reply');
            err.discarded = true;
            throw err;
          }
        }
        return storeMessage(parsed, session);
      })
      .then((m) => {
        log(`stored ${m.id} to=${m.envelope.to.join(',')} subject=${JSON.stringify(m.subject)}`);
        callback(null, `queued as ${m.id}`);
      })
      .catch((err) => {
        if (err.discarded) log(`discarded a message to ${to.join(',')}: ${err.message}`);
        else log(`error storing message: ${err.stack || err}`);
        callback(err);
      });
  },
});
smtp.on('error', (err) => log(`smtp error: ${err.message}`));

async function readMessages() {
  let names;
  try {
    names = await fsp.readdir(opts.dir);
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
  const messages = [];
  await Promise.all(
    names
      .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
      .map(async (n) => {
        try {
          messages.push(JSON.parse(await fsp.readFile(path.join(opts.dir, n), 'utf8')));
        } catch {
          /* deleted meanwhile or unreadable: skip */
        }
      }),
  );
  messages.sort((a, b) =>
    a.receivedAt < b.receivedAt
      ? -1
      : a.receivedAt > b.receivedAt
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
  return messages;
}

function recipients(m) {
  return [...(m.envelope?.to || []), ...(m.to || []), ...(m.cc || [])].map((a) =>
    String(a).toLowerCase(),
  );
}

function escapeHtml(s) {
  return String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}

function send(res, status, body, type = 'application/json; charset=utf-8') {
  const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
  });
  res.end(payload);
}

function renderIndex(messages) {
  const rows = messages
    .slice()
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml((m.to && m.to.length ? m.to : m.envelope.to).join(', '))}</td>` +
        `<td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>hexashop smtp sink</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style>
</head><body>
<h1>hexashop smtp sink</h1>
<p>${messages.length} message(s) in <code>${escapeHtml(opts.dir)}</code>. JSON: <a href="/messages">/messages</a></p>
<table><thead><tr><th>Date</th><th>To</th><th>Subject</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}

const httpServer = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    const p = url.pathname.replace(/\/+$/, '') || '/';
    if (p === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      return send(res, 200, {
        status: 'ok',
        service: 'hexashop-smtp-sink',
        pid: process.pid,
        smtpPort: opts.port,
      });
    }
    if (p === '/messages') {
      if (req.method === 'GET') {
        let messages = await readMessages();
        const to = url.searchParams.get('to');
        if (to) {
          const want = to.toLowerCase();
          messages = messages.filter((m) => recipients(m).includes(want));
        }
        return send(res, 200, messages);
      }
      if (req.method === 'DELETE') {
        const names = await fsp.readdir(opts.dir).catch(() => []);
        await Promise.all(
          names
            .filter((n) => n.endsWith('.json'))
            .map((n) => fsp.rm(path.join(opts.dir, n), { force: true })),
        );
        return send(res, 204);
      }
      return send(res, 405, { error: 'method not allowed' });
    }
    if (p === '/control') {
      if (req.method === 'GET') return send(res, 200, control);
      if (req.method === 'PUT') {
        let rules;
        try {
          rules = parseRules(await readBody(req));
        } catch (err) {
          return send(res, 400, { error: String(err.message || err) });
        }
        control = { ...control, rules };
        log(`fault rules: ${JSON.stringify(rules)}`);
        return send(res, 200, control);
      }
      if (req.method === 'DELETE') {
        control = { rules: [], rejected: 0, delayed: 0, discarded: 0 };
        return send(res, 204);
      }
      return send(res, 405, { error: 'method not allowed' });
    }
    const one = /^\/messages\/([\w.-]+)$/.exec(p);
    if (one) {
      const file = path.join(opts.dir, `${one[1]}.json`);
      if (req.method === 'GET') {
        try {
          return send(res, 200, await fsp.readFile(file, 'utf8'));
        } catch {
          return send(res, 404, { error: 'not found' });
        }
      }
      if (req.method === 'DELETE') {
        await fsp.rm(file, { force: true });
        return send(res, 204);
      }
      return send(res, 405, { error: 'method not allowed' });
    }
    if (p === '/' && req.method === 'GET') {
      return send(res, 200, renderIndex(await readMessages()), 'text/html; charset=utf-8');
    }
    return send(res, 404, { error: 'not found' });
  } catch (err) {
    log(`http error: ${err.stack || err}`);
    if (!res.headersSent) send(res, 500, { error: String(err.message || err) });
    else res.destroy();
  }
});

function listen(server, port, name) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, opts.host, () => {
      server.removeListener('error', reject);
      log(`${name} listening on ${opts.host}:${port}`);
      resolve();
    });
  });
}

let closing = false;
function shutdown(signal) {
  if (closing) return;
  closing = true;
  log(`${signal}: shutting down`);
  const force = setTimeout(() => process.exit(0), 2000);
  force.unref();
  let pending = 2;
  const done = () => {
    if (--pending === 0) {
      if (opts.pidFile) {
        try {
          if (fs.readFileSync(opts.pidFile, 'utf8').trim() === String(process.pid))
            fs.rmSync(opts.pidFile, { force: true });
        } catch {
          /* ignore */
        }
      }
      process.exit(0);
    }
  };
  smtp.close(done);
  httpServer.close(done);
  httpServer.closeAllConnections();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

(async () => {
  try {
    await listen(smtp.server, opts.port, 'smtp');
    await listen(httpServer, opts.httpPort, 'http');
    log(`storing messages in ${opts.dir}`);
  } catch (err) {
    process.stderr.write(`smtp-sink: cannot listen: ${err.message}\n`);
    process.exit(1);
  }
})();

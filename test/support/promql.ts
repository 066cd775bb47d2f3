import type { LRParser } from '@lezer/lr' with { 'resolution-mode': 'import' };

/**
 * Prometheus's own PromQL grammar. The package is ESM with a CommonJS build
 * (`require` export); its types are declared for ESM only, hence the require.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parser } = require('@prometheus-io/lezer-promql') as { parser: LRParser };

/** What a PromQL expression selects: metric names, and `__name__` matchers as regexes. */
export interface PromqlSelection {
  /** Syntax errors (empty when the expression parses). */
  readonly errors: string[];
  readonly names: string[];
  readonly nameMatchers: RegExp[];
}

/** Grafana's interval variables, replaced by a duration so the query parses as PromQL. */
export function withoutGrafanaVariables(expr: string): string {
  return expr.replace(
    /\$__(rate_interval|interval|range)|\$\{__(rate_interval|interval|range)\}/g,
    '1m',
  );
}

/** Parses with Prometheus's own lezer grammar and lists the metrics the expression reads. */
export function promqlSelection(expr: string): PromqlSelection {
  const errors: string[] = [];
  const names: string[] = [];
  const nameMatchers: RegExp[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError)
        errors.push(`syntax error at ${node.from}: ${expr.slice(node.from, node.from + 20)}`);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
        names.push(expr.slice(node.from, node.to));
      if (node.name === 'UnquotedLabelMatcher') {
        const label = node.node.getChild('LabelName');
        const op = node.node.getChild('MatchOp');
        const value = node.node.getChild('StringLiteral');
        if (label && value && expr.slice(label.from, label.to) === '__name__') {
          const literal = JSON.parse(expr.slice(value.from, value.to)) as string;
          const operator = op ? expr.slice(op.from, op.to) : '=';
          if (operator === '=') names.push(literal);
          else if (operator === '=~') nameMatchers.push(new RegExp(`^(?:${literal})$`));
        }
      }
    },
  });
  return { errors, names, nameMatchers };
}

/** Metric names in a Prometheus text exposition: sample names, and every series name of each family. */
export function exposedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) {
      const [, name, kind] = type as unknown as [string, string, string];
      names.add(name);
      if (kind === 'histogram') ['_bucket', '_sum', '_count'].forEach((s) => names.add(name + s));
      if (kind === 'summary') ['_sum', '_count'].forEach((s) => names.add(name + s));
      if (kind === 'counter' && !name.endsWith('_total')) names.add(`${name}_total`);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]/.exec(line);
    if (sample) names.add(sample[1]!);
  }
  return names;
}

/** The metric names (and `__name__` regexes) an expression reads that no exporter exports. */
export function unknownMetrics(expr: string, known: ReadonlySet<string>): string[] {
  const selection = promqlSelection(withoutGrafanaVariables(expr));
  const unknown = selection.names.filter((name) => !known.has(name));
  for (const matcher of selection.nameMatchers)
    if (![...known].some((name) => matcher.test(name)))
      unknown.push(`{__name__=~${matcher.source}}`);
  return [...selection.errors, ...unknown];
}

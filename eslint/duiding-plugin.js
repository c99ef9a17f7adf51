// Duiding's own lint rules: the parts of the layer rules (design.md, "Layers") that ESLint's
// no-restricted-imports cannot see. Wired up per layer in eslint.config.js; proved by
// tests/layers.test.ts.

/** The module a dynamic `import('…')` or a type `import('…').T` names, or null when it is computed. */
function specifierOf(node) {
  const source = node.type === 'TSImportType' ? (node.source ?? node.argument?.literal) : node.source;
  if (!source) return null;
  if (source.type === 'Literal' && typeof source.value === 'string') return source.value;
  if (source.type === 'TemplateLiteral' && source.expressions.length === 0) return source.quasis[0].value.cooked;
  return null;
}

/**
 * no-restricted-imports only looks at static imports and re-exports; this rule applies the same
 * restrictions (`{ regex, message }`, as in no-restricted-imports' `patterns`) to `import('…')`
 * and to type imports `import('…').T`. With `computed: true` a dynamic import whose module is
 * computed is refused too, since no rule can tell which layer it reaches.
 */
const noRestrictedDynamicImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Apply the layer restrictions to dynamic import() and import types.' },
    schema: [
      {
        type: 'object',
        properties: {
          restrictions: {
            type: 'array',
            items: { type: 'object', properties: { regex: { type: 'string' }, message: { type: 'string' } }, required: ['regex', 'message'], additionalProperties: false },
          },
          computed: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      restricted: "'{{name}}' import is restricted from being used by a pattern. {{message}}",
      computed: 'A dynamic import() in this layer must name its module literally, so that the layer rules can check it.',
    },
  },
  create(context) {
    const { restrictions = [], computed = false } = context.options[0] ?? {};
    const matchers = restrictions.map((r) => ({ regex: new RegExp(r.regex, 'u'), message: r.message }));
    const check = (node) => {
      const name = specifierOf(node);
      if (name === null) {
        if (computed && node.type === 'ImportExpression') context.report({ node, messageId: 'computed' });
        return;
      }
      const hit = matchers.find((m) => m.regex.test(name));
      if (hit) context.report({ node, messageId: 'restricted', data: { name, message: hit.message } });
    };
    return { ImportExpression: check, TSImportType: check };
  },
};

// SQL as this code base writes it: keywords in capitals (prose in a UI string or a comment is not
// matched). Transaction control and PRAGMA without a statement around them are caught by the
// `.exec('…')` check below.
const SQL_STATEMENT = [
  /\bSELECT\b[\s\S]*\bFROM\b/u,
  /\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b/u,
  /\bREPLACE\s+INTO\b/u,
  /\bUPDATE\b[\s\S]*\bSET\b/u,
  /\bDELETE\s+FROM\b/u,
  /\b(?:CREATE|DROP|ALTER)\s+(?:TEMP(?:ORARY)?\s+)?(?:UNIQUE\s+)?(?:VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\b/u,
  /\bPRAGMA\s+[a-z_]/u,
];

const isSqlText = (text) => SQL_STATEMENT.some((re) => re.test(text));
const templateText = (node) => node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ? ');
const isStringy = (node) => (node.type === 'Literal' && typeof node.value === 'string') || node.type === 'TemplateLiteral';
const namesSql = (node) => (node.type === 'Identifier' && /sql/iu.test(node.name)) || (node.type === 'MemberExpression' && !node.computed && /sql/iu.test(node.property.name ?? ''));

/**
 * SQL lives in repositories (and migrations and the db layer): a `.prepare(…)` call, an `.exec(…)`
 * of a string or of something named sql (a RegExp's `.exec(text)` is left alone, as is
 * `/re/.exec('…')`), or a string that
 * reads as an SQL statement, anywhere else is reported.
 */
const noSqlOutsideRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL only in repositories, migrations and the db layer.' },
    schema: [],
    messages: {
      sql:
        'SQL belongs in a repository: move this statement into this feature folder\'s store.ts (or store-<part>.ts), as a function named for what it does, and call that from here.',
    },
  },
  create(context) {
    const reported = new Set();
    const report = (node) => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId: 'sql' });
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        const arg = node.arguments[0];
        if (callee.object.type === 'Literal' && callee.object.regex) return;
        if (callee.property.name === 'prepare' && arg) report(node);
        else if (callee.property.name === 'exec' && arg && (isStringy(arg) || namesSql(arg))) report(node);
      },
      Literal(node) {
        if (typeof node.value === 'string' && isSqlText(node.value) && !insideReportedCall(node, reported)) report(node);
      },
      TemplateLiteral(node) {
        if (isSqlText(templateText(node)) && !insideReportedCall(node, reported)) report(node);
      },
    };
  },
};

/** One report per statement: a string already reported as the argument of its `.prepare(` is not reported again. */
function insideReportedCall(node, reported) {
  for (let n = node.parent; n; n = n.parent) if (reported.has(n)) return true;
  return false;
}

export default {
  meta: { name: 'duiding' },
  rules: {
    'no-restricted-dynamic-imports': noRestrictedDynamicImports,
    'no-sql-outside-repositories': noSqlOutsideRepositories,
  },
};

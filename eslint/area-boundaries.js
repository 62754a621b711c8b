/**
 * An ESLint rule for civicloop's layout: an area is a folder directly under one of the layers below, with the
 * same name in every layer (case, geo, supervision …). Code may import its own area's files in any layer, and
 * shared modules outside every area; another area only through that area's index.ts, its public face.
 */
import { dirname, join, normalize, relative, sep } from 'node:path';

export const LAYERS = ['src/domain', 'src/services', 'src/db/repositories', 'src/server/routes', 'src/web/modules'];

/** The area a repo-relative path belongs to, or null for shared code: { name, folder }. */
export function areaOf(path) {
  const posix = path.split(sep).join('/');
  for (const layer of LAYERS) {
    if (!posix.startsWith(`${layer}/`)) continue;
    const rest = posix.slice(layer.length + 1).split('/');
    if (rest.length >= 2) return { name: rest[0], folder: `${layer}/${rest[0]}` };
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const areaBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Import another area only through its index.ts" },
    messages: { throughIndex: "'{{target}}' is inside the {{area}} area: import it from '{{index}}' (the area's public face)." },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename);
    const own = areaOf(file);
    const check = (node) => {
      const spec = node.source && node.source.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = relative(root, normalize(join(dirname(context.filename), spec)));
      const area = areaOf(target);
      if (!area || (own && own.name === area.name) || target.split(sep).join('/') === `${area.folder}/index.ts`) return;
      let index = relative(dirname(context.filename), join(root, area.folder, 'index.ts')).split(sep).join('/');
      if (!index.startsWith('.')) index = `./${index}`;
      context.report({ node: node.source, messageId: 'throughIndex', data: { target: spec, area: area.name, index } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'area-boundaries': areaBoundaries } };

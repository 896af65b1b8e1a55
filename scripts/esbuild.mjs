// Bundle and minify the handbook's JavaScript for site/ (called by hooks/minify.py).
//   node scripts/esbuild.mjs <source folder> <entry file name> <output folder>
// A static import is bundled into its importer: one file to fetch and gzip instead of several small ones. A dynamic
// `import("./x.js")` stays a separate module, loaded on demand under its own name, and becomes an entry point itself.
// A module may so be copied into more than one output; that is safe only for modules that keep no state (dom.js,
// store.js, tracker-logic.js). Prints the names of the files written, as a JSON list.
import * as path from "node:path";
import * as esbuild from "esbuild";

const [sourceFolder, entry, outputFolder] = process.argv.slice(2);
if (!outputFolder) {
  console.error("usage: node scripts/esbuild.mjs <source folder> <entry file name> <output folder>");
  process.exit(2);
}

/** Entry names (relative to the source folder) whose dynamic imports were found but not yet built. */
const waiting = [entry];
const built = new Set();

/** @type {esbuild.Plugin} */
const keepDynamicImports = {
  name: "keep-dynamic-imports",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== "dynamic-import") return undefined;
      const name = path.relative(sourceFolder, path.resolve(args.resolveDir, args.path));
      if (!built.has(name) && !waiting.includes(name)) waiting.push(name);
      return { path: args.path, external: true };
    });
  },
};

while (waiting.length > 0) {
  const name = waiting.shift();
  built.add(name);
  // esbuild prints each error as file:line:column; the exception would only repeat them with a stack.
  await esbuild.build({
    entryPoints: [path.join(sourceFolder, name)],
    outdir: outputFolder,
    bundle: true,
    format: "esm",
    minify: true,
    logLevel: "warning",
    plugins: [keepDynamicImports],
  }).catch(() => process.exit(1));
}
console.log(JSON.stringify([...built].sort()));

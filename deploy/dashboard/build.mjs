// Bundles the page into dist/ (index.html, style.css, app.js): a static folder any web server can serve, next to a
// config.json naming the services' addresses and the token (written by whoever serves it).
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";

mkdirSync("dist", { recursive: true });
await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: "esm",
  target: ["es2022"],
  outfile: "dist/app.js",
  logLevel: "warning",
});
for (const f of ["index.html", "style.css"]) {
  copyFileSync(`src/${f}`, `dist/${f}`);
}
console.log("@govqms/dashboard: dist/ written");

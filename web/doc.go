// Package web finds and serves the JavaScript assets that obs's interactive
// maps and charts need, so that they work offline (no CDN).
//
// The assets are installed by npm from web/package.json, which pins echarts
// exactly (see [PinnedVersion]); run `npm ci --prefix web` from the
// repository root. Nothing from node_modules is committed. `make build`
// copies the library into web/dist, embedded in the binary with go:embed
// ([Embedded]), so that obs copied alone anywhere still has it;
// [LoadEcharts] prefers OBS_ASSETS, then the embedded copy, then
// web/node_modules.
//
// Two ways to use the library in a page:
//   - served: register [Echarts.Handler] (or [Echarts] itself) on the
//     server's mux; pages load it from [ScriptURL] ("/assets/echarts.min.js");
//   - standalone: an HTML file written to disk for a report inlines
//     [Echarts.JS] in a <script> element, so it opens without any server.
package web

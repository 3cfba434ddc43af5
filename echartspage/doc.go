// Package echartspage writes the interactive go-echarts charts and maps of
// obs as HTML (a standalone page or a fragment, with offline assets) and
// holds the options they all share: French toolbox, accessible
// description, titles with the source line, tooltips.
package echartspage

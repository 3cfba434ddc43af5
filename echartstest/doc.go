// Package echartstest holds what the tests of the interactive go-echarts
// charts and maps share: the <script> elements of a page, the option read
// back as JSON, a stand-in for the echarts library in golden pages, and a
// run of the chart in the real echarts library under Node.js.
package echartstest
